/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_vcpu_op's answers for a one-VCPU domain: VCPU numbers that
 * do not exist, unknown commands, the life-cycle commands on a running
 * VCPU, and each argument check of the timer and area commands.
 */
#include "time-util.h"

const char test_title[] = "time-vcpu-op: vcpu_op return values";

static uint8_t ctxt[5168] __attribute__((aligned(16)));
static struct vcpu_runstate_info rs;

static void test_vcpu_ids(void)
{
    /* dom0 has one VCPU here: 1 and up do not exist. */
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 1, NULL), -ENOENT);
    CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), -ENOENT);
    CHECK_EQ(vcpu_op(VCPUOP_down, 1, NULL), -ENOENT);
    CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 1, &rs), -ENOENT);
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 1, NULL), -ENOENT);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 0x7fffffff, NULL), -ENOENT);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 0xffffffff, NULL), -ENOENT);
    /* ... checked before the command. */
    CHECK_EQ(vcpu_op(1000, 1, NULL), -ENOENT);
    /* The VCPU number is 32 bits, the command an int. */
    CHECK_EQ(hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_is_up, 1UL << 32, 0),
             1);
    CHECK_EQ(hypercall3(__HYPERVISOR_vcpu_op, (1UL << 32) | VCPUOP_is_up,
                        0, 0), 1);
}

static void test_commands(void)
{
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 0, NULL), 1);
    CHECK_EQ(vcpu_op(VCPUOP_up, 0, NULL), 0);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 0, NULL), 1);

    /* Initialise reads the whole context first, then refuses. */
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 0, NULL), -EFAULT);
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 0, ctxt), -EEXIST);
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 0,
                     (void *)(0x800000000000UL - 4096)), -EFAULT);

    CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 0, &rs), 0);
    CHECK_EQ(rs.state, RUNSTATE_running);
    CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 0, NULL), -EFAULT);

    /*
     * Only a dom0 VCPU pinned to one CPU may ask where it runs; with one
     * CPU, ours is: QEMU's CPU 0 has APIC and ACPI ids 0.
     */
    memset(ctxt, 0xff, 8);
    CHECK_EQ(vcpu_op(VCPUOP_get_physid, 0, ctxt), 0);
    CHECK_EQ(*(uint64_t *)ctxt, 0);
    CHECK_EQ(vcpu_op(VCPUOP_get_physid, 0, NULL), -EFAULT);

    /* NMIs take no argument. */
    CHECK_EQ(vcpu_op(VCPUOP_send_nmi, 0, ctxt), -EINVAL);

    /* Unknown commands. */
    CHECK_EQ(vcpu_op(14, 0, NULL), -ENOSYS);
    CHECK_EQ(vcpu_op(15, 0, NULL), -ENOSYS);
    CHECK_EQ(vcpu_op(100, 0, NULL), -ENOSYS);
    CHECK_EQ(vcpu_op(-1, 0, NULL), -ENOSYS);
}

static void test_timers(void)
{
    struct vcpu_set_periodic_timer per;
    struct vcpu_set_singleshot_timer ss = { 0 };

    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, NULL), -EFAULT);
    per.period_ns = 999999;
    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, &per), -EINVAL);
    per.period_ns = 0;
    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, &per), -EINVAL);
    per.period_ns = 1UL << 62;
    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, &per), -EINVAL);
    per.period_ns = ~0UL;
    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, &per), -EINVAL);
    per.period_ns = (1UL << 62) - 1;
    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, &per), 0);
    per.period_ns = 1000000;
    CHECK_EQ(vcpu_op(VCPUOP_set_periodic_timer, 0, &per), 0);
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, ctxt), 0);

    CHECK_EQ(vcpu_op(VCPUOP_set_singleshot_timer, 0, NULL), -EFAULT);
    ss.timeout_abs_ns = now() + SECS(100);
    ss.flags = ~0U;
    CHECK_EQ(vcpu_op(VCPUOP_set_singleshot_timer, 0, &ss), 0);
    CHECK_EQ(vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0);
    CHECK_EQ(vcpu_op(VCPUOP_stop_singleshot_timer, 0, ctxt), 0);

    CHECK_EQ(set_timer_op(0), 0);
}

static void test_areas(void)
{
    struct vcpu_register_runstate_memory_area ra;
    struct vcpu_register_vcpu_info vi = { 0 };

    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, NULL),
             -EFAULT);
    /* Only the start of the area is checked. */
    ra.addr.p = 0xffff800000000000UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &ra),
             -EFAULT);
    ra.addr.p = 0x0000800000000000UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &ra),
             -EFAULT);
    ra.addr.p = 0xffff87fffffffff8UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &ra),
             -EFAULT);
    ra.addr.p = 0x00007ffffffffff8UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &ra), 0);
    ra.addr.p = 0xffff880000000000UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &ra), 0);
    ra.addr.p = 0;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &ra), 0);

    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_info, 0, NULL), -EFAULT);
    /* The area must fit in the page, 8-byte aligned. */
    vi.mfn = 1;
    vi.offset = 4096 - 64 + 8;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_info, 0, &vi), -ENXIO);
    vi.offset = 4;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_info, 0, &vi), -ENXIO);
    vi.offset = ~0U;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_info, 0, &vi), -ENXIO);
    /* Frames we do not own. */
    vi.offset = 0;
    vi.mfn = ~0UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_info, 0, &vi), -EINVAL);
    vi.mfn = 1;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_info, 0, &vi), -EINVAL);
}

void test_main(void)
{
    if ( !map_shared_info() )
        return;
    test_vcpu_ids();
    test_commands();
    test_timers();
    test_areas();
}
