/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * callback_op, set_callbacks and nmi_op: what each accepts and refuses,
 * and that a registration really takes (the event callback is run once
 * an event is pending and unmasked).
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-callbacks: callback_op, set_callbacks, nmi_op";

static unsigned int events_seen;

static void event_handler(struct trap_frame *f)
{
    events_seen++;
    *upcall_pending() = 0;
}

static long reg(unsigned int type, unsigned long address, unsigned int flags)
{
    struct callback_register cb = {
        .type = type, .flags = flags, .address = address,
    };

    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

static long unreg(unsigned int type)
{
    struct callback_unregister cb = { .type = type };

    return HYPERVISOR_callback_op(CALLBACKOP_unregister, &cb);
}

void test_main(void)
{
    struct xennmi_callback nmi = { .handler_address = trap_stub(2) };
    unsigned long ev = trap_stub(VEC_EVENT);

    traps_init();
    trap_set_handler(VEC_EVENT, event_handler);

    /* Every type, with and without masking. */
    CHECK_EQ(reg(CALLBACKTYPE_event, ev, 0), 0);
    CHECK_EQ(reg(CALLBACKTYPE_failsafe, trap_stub(VEC_FAILSAFE), 0), 0);
    CHECK_EQ(reg(CALLBACKTYPE_syscall, trap_stub(VEC_SYSCALL), 1), 0);
    CHECK_EQ(reg(CALLBACKTYPE_syscall32, trap_stub(VEC_SYSCALL32), 1), 0);
    CHECK_EQ(reg(CALLBACKTYPE_sysenter, trap_stub(VEC_SYSCALL32), 0), 0);
    CHECK_EQ(reg(CALLBACKTYPE_nmi, trap_stub(2), 0), 0);
    CHECK_EQ(reg(CALLBACKTYPE_sysenter_deprecated, ev, 0), -ENOSYS);
    CHECK_EQ(reg(6, ev, 0), -ENOSYS);
    CHECK_EQ(reg(8, ev, 0), -ENOSYS);
    /* The type is 16 bits wide: this one is CALLBACKTYPE_event. */
    CHECK_EQ(reg(0x10000, ev, 0), 0);
    /* Addresses must be canonical, whatever the type. */
    CHECK_EQ(reg(CALLBACKTYPE_event, 0x0000800000000000UL, 0), -EINVAL);
    CHECK_EQ(reg(6, 0x8000000000000000UL, 0), -EINVAL);
    /* The hypervisor's range is canonical: taken, not checked further. */
    CHECK_EQ(reg(CALLBACKTYPE_syscall32, 0xffff830000000000UL, 0), 0);

    /* Only the NMI callback can be taken back. */
    CHECK_EQ(unreg(CALLBACKTYPE_event), -EINVAL);
    CHECK_EQ(unreg(CALLBACKTYPE_failsafe), -EINVAL);
    CHECK_EQ(unreg(CALLBACKTYPE_syscall), -EINVAL);
    CHECK_EQ(unreg(CALLBACKTYPE_syscall32), -EINVAL);
    CHECK_EQ(unreg(CALLBACKTYPE_sysenter), -EINVAL);
    CHECK_EQ(unreg(CALLBACKTYPE_nmi), 0);
    CHECK_EQ(unreg(6), -ENOSYS);

    /* Bad commands and pointers. */
    CHECK_EQ(HYPERVISOR_callback_op(2, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_callback_op(-1, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_callback_op(CALLBACKOP_register, NULL), -EFAULT);
    CHECK_EQ(HYPERVISOR_callback_op(CALLBACKOP_unregister, (void *)1),
             -EFAULT);

    /* set_callbacks ignores what it cannot take. */
    CHECK_EQ(HYPERVISOR_set_callbacks(0x0000800000000000UL, 1, 2), 0);
    CHECK_EQ(HYPERVISOR_set_callbacks(ev, trap_stub(VEC_FAILSAFE),
                                      trap_stub(VEC_SYSCALL)), 0);

    /* nmi_op. */
    CHECK_EQ(HYPERVISOR_nmi_op(XENNMI_register_callback, &nmi), 0);
    nmi.handler_address = 0xffff000000000000UL - 1;
    CHECK_EQ(HYPERVISOR_nmi_op(XENNMI_register_callback, &nmi), -EINVAL);
    CHECK_EQ(HYPERVISOR_nmi_op(XENNMI_register_callback, NULL), -EFAULT);
    CHECK_EQ(HYPERVISOR_nmi_op(XENNMI_unregister_callback, NULL), 0);
    CHECK_EQ(HYPERVISOR_nmi_op(2, &nmi), -ENOSYS);

    /*
     * The event callback set by set_callbacks is the one used: an event
     * pending and unmasked is delivered on the way out of a hypercall.
     */
    *upcall_pending() = 1;
    *upcall_mask() = 0;
    CHECK_EQ(events_seen, 0);
    HYPERVISOR_xen_version(XENVER_version, NULL);
    CHECK_EQ(events_seen, 1);
    *upcall_mask() = 1;
}
