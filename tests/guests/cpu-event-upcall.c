/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event upcall: a pending event reaches the event callback on the way
 * out of the hypervisor once the VCPU's upcall mask is clear, with a frame
 * like an exception's minus the error code, events masked in the
 * callback; the iret back restores the mask.  A masked port raises no
 * upcall until EVTCHNOP_unmask.
 */
#include "hvtest.h"
#include "traps.h"
#include "upcall.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-event-upcall: event delivery";

#define EFLAGS_IF 0x200UL

extern char after_send[];

/* A send whose return address we know: the upcall frame points there. */
static long send_marked(evtchn_port_t port)
{
    struct evtchn_send s = { .port = port };
    long rc;

    asm volatile ( "mov $32, %%eax\n\t"
                   "mov $4, %%edi\n\t"
                   "syscall\n"
                   ".globl after_send\n"
                   "after_send:"
                   : "=a" (rc) : "S" (&s)
                   : "rdi", "rcx", "r11", "rdx", "r10", "r8", "memory" );
    return rc;
}

void test_main(void)
{
    const struct trap_frame *f = &upcall_log.frame;
    long p;

    traps_init();
    upcall_init();
    p = evtchn_bind_ipi_port();
    CHECK(p > 0);

    printf("cpu-event-upcall: masked VCPU: pending, no upcall\n");
    CHECK_EQ(*upcall_mask(), 1);
    CHECK_EQ(evtchn_send_port(p), 0);
    CHECK_EQ(*upcall_pending(), 1);
    CHECK_EQ(upcall_log.upcalls, 0);
    HYPERVISOR_xen_version(XENVER_version, NULL);
    CHECK_EQ(upcall_log.upcalls, 0);

    printf("cpu-event-upcall: unmasked: delivered on the next exit\n");
    *upcall_mask() = 0;
    CHECK_EQ(upcall_log.upcalls, 0);
    CHECK(HYPERVISOR_xen_version(XENVER_version, NULL) > 0);
    CHECK_EQ(upcall_log.upcalls, 1);
    CHECK_EQ(upcall_log.nr, 1);
    CHECK_EQ(upcall_log.port[0], p);
    CHECK_EQ(upcall_log.mask_at_entry, 1);
    CHECK_EQ(f->cs & 0xffff, KERNEL_CS_RPL0);
    CHECK_EQ(f->cs >> 32, 0);
    CHECK(f->rflags & EFLAGS_IF);
    CHECK_EQ(*upcall_mask(), 0);
    CHECK_EQ(*upcall_pending(), 0);

    printf("cpu-event-upcall: raised by the hypercall itself\n");
    upcall_log_reset();
    CHECK_EQ(send_marked(p), 0);
    CHECK_EQ(upcall_log.upcalls, 1);
    CHECK_EQ(f->rip, (unsigned long)after_send);
    /* The hypercall's result survives the upcall in between. */
    CHECK_EQ(f->rax, 0);

    printf("cpu-event-upcall: a masked port waits for EVTCHNOP_unmask\n");
    upcall_log_reset();
    evtchn_mask_port(p, true);
    CHECK_EQ(evtchn_send_port(p), 0);
    CHECK_EQ(upcall_log.upcalls, 0);
    CHECK_EQ(*upcall_pending(), 0);
    CHECK_EQ(evtchn_unmask_port(p), 0);
    CHECK_EQ(upcall_log.upcalls, 1);
    CHECK_EQ(upcall_log.port[0], p);

    printf("cpu-event-upcall: closed port, nothing more\n");
    upcall_log_reset();
    CHECK_EQ(evtchn_close_port(p), 0);
    CHECK_EQ(evtchn_send_port(p), -EINVAL);
    CHECK_EQ(upcall_log.upcalls, 0);
    *upcall_mask() = 1;
}
