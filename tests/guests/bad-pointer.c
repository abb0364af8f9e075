/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall buffers at addresses the guest may not hand over: NULL,
 * unmapped, non-canonical, inside the hypervisor's hole, read-only, or
 * running off the end of the mapped area.  Each must fail with -EFAULT
 * (and nothing else may happen) wherever the hypercall touches the buffer.
 */
#include "hvtest.h"

const char test_title[] = "bad-pointer: unusable buffers give -EFAULT";

/* XENVER_platform_parameters writes 8 bytes: a probe for writability. */
static bool writable(unsigned long va)
{
    return !HYPERVISOR_xen_version(XENVER_platform_parameters, (void *)va);
}

/* The first unmapped page above the start-of-day area. */
static unsigned long find_mapped_end(void)
{
    unsigned long va = entry_regs.rsp & ~4095UL;

    while ( va < VIRT_BASE + (1UL << 30) && writable(va) )
        va += 4096;
    return va;
}

static void probe(const char *what, unsigned long va, bool readable)
{
    xen_feature_info_t *fi = (void *)va;
    struct sched_shutdown *sd = (void *)va;

    printf("bad-pointer: %s at %#lx\n", what, va);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_extraversion, (void *)va),
             -EFAULT);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_capabilities, (void *)va),
             -EFAULT);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_compile_info, (void *)va),
             -EFAULT);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_platform_parameters, (void *)va),
             -EFAULT);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_get_features, fi), -EFAULT);
    /* Sub-commands that do not touch the argument still work. */
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_pagesize, (void *)va),
             va ? -EINVAL : 4096);
    /* Reads with no input pending copy nothing, so they succeed. */
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, 16, (void *)va), 0);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 0, (void *)va), 0);
    if ( readable )
        return;
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 16, (void *)va), -EFAULT);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_shutdown, sd), -EFAULT);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_shutdown_code, sd), -EFAULT);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_watchdog, (void *)va), -EFAULT);
}

void test_main(void)
{
    static const struct {
        const char *what;
        unsigned long va;
    } bad[] = {
        { "NULL", 0 },
        { "an unmapped low address", 0x1000 },
        { "the top of the lower half", 0x00007ffffffff000UL },
        { "a non-canonical address", 0x0000800000000000UL },
        { "a non-canonical address", 0x8000000000000000UL },
        { "a non-canonical address", 0xffff7ffffffff000UL },
        { "the hypervisor's M2P", 0xffff800000000000UL },
        { "the hypervisor's direct map", 0xffff830000000000UL },
        { "the end of the hypervisor hole", 0xffff87fffffff000UL },
        { "unmapped guest kernel space", 0xffff880000000000UL },
        { "beyond the first GiB of the image", VIRT_BASE + (1UL << 30) },
        { "the last page of the address space", 0xfffffffffffff000UL },
    };
    unsigned long end = find_mapped_end();
    char *tail = (char *)end - 100;

    printf("bad-pointer: mapped area ends at %#lx\n", end);
    CHECK(end > entry_regs.rsp && end < VIRT_BASE + (1UL << 30));

    for ( unsigned int i = 0; i < ARRAY_SIZE(bad); i++ )
        probe(bad[i].what, bad[i].va, false);
    probe("the first unmapped page", end, false);
    /* Bootstrap page tables are mapped, but read-only. */
    probe("a read-only page table", start_info->pt_base, true);

    /* Buffers that start mapped and run off the end. */
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_extraversion, (char *)end - 8),
             -EFAULT);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_capabilities, (char *)end - 512),
             -EFAULT);
    memset(tail, '.', 100);
    memcpy(tail, "bad-pointer: the last 100 mapped bytes ", 39);
    tail[99] = '\n';
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 100, tail), 0);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 101, tail), -EFAULT);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 4096, tail), -EFAULT);
}
