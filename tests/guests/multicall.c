/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_multicall: a batch of calls, each result stored in its entry;
 * unknown calls and nested batches fail inside the batch, not the batch.
 */
#include "hvtest.h"

const char test_title[] = "multicall: batched hypercalls";

static long multicall(multicall_entry_t *calls, unsigned long nr)
{
    return hypercall2(__HYPERVISOR_multicall, calls, nr);
}

static void set(multicall_entry_t *mc, unsigned long op, unsigned long a0,
                unsigned long a1, unsigned long a2)
{
    memset(mc, 0, sizeof(*mc));
    mc->op = op;
    mc->result = 0x5a5a5a5a;
    mc->args[0] = a0;
    mc->args[1] = a1;
    mc->args[2] = a2;
}

void test_main(void)
{
    static const char msg[] = "multicall: written from inside a batch\n";
    xen_extraversion_t ev;
    multicall_entry_t mc[8], inner[1];
    long v = HYPERVISOR_xen_version(XENVER_version, NULL);

    CHECK_EQ(sizeof(mc[0]), 64);

    set(&mc[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
    set(&mc[1], __HYPERVISOR_console_io, CONSOLEIO_write, sizeof(msg) - 1,
        (unsigned long)msg);
    set(&mc[2], __HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0);
    set(&mc[3], 57, 0, 0, 0);
    set(&mc[4], __HYPERVISOR_xen_version, XENVER_extraversion,
        (unsigned long)ev, 0);
    set(&mc[5], __HYPERVISOR_xen_version, XENVER_extraversion, 0, 0);
    set(&inner[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0);
    set(&mc[6], __HYPERVISOR_multicall, (unsigned long)inner, 1, 0);
    set(&mc[7], __HYPERVISOR_xen_version, XENVER_pagesize, 0, 0);

    CHECK_EQ(multicall(mc, 8), 0);
    CHECK_EQ(mc[0].result, v);
    CHECK_EQ(mc[1].result, 0);
    CHECK_EQ(mc[2].result, 0);
    CHECK_EQ(mc[3].result, -ENOSYS);
    CHECK_EQ(mc[4].result, 0);
    CHECK_EQ(mc[5].result, -EFAULT);
    /* No batch inside a batch; the inner entry is left alone. */
    CHECK_EQ(mc[6].result, -EINVAL);
    CHECK_EQ(inner[0].result, 0x5a5a5a5a);
    CHECK_EQ(mc[7].result, 4096);
    /* The arguments stay as they were. */
    CHECK_EQ(mc[0].op, __HYPERVISOR_xen_version);
    CHECK_EQ(mc[1].args[1], sizeof(msg) - 1);

    /* Empty batches, and batch lists the hypervisor cannot read. */
    CHECK_EQ(multicall(mc, 0), 0);
    CHECK_EQ(multicall(NULL, 0), 0);
    CHECK_EQ(multicall(NULL, 1), -EFAULT);
    CHECK_EQ(multicall((void *)0x8000000000000000UL, 2), -EFAULT);
    /* The count is an unsigned int: the upper half is ignored. */
    set(&mc[0], __HYPERVISOR_xen_version, XENVER_pagesize, 0, 0);
    CHECK_EQ(multicall(mc, (1UL << 32) | 1), 0);
    CHECK_EQ(mc[0].result, 4096);
    /* An op number with upper bits set is no hypercall. */
    set(&mc[0], (1UL << 32) | __HYPERVISOR_xen_version, XENVER_version, 0,
        0);
    CHECK_EQ(multicall(mc, 1), 0);
    CHECK_EQ(mc[0].result, -ENOSYS);
}
