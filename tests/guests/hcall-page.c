/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall page (HYPERCALL_PAGE note): the hypervisor fills it with
 * 32-byte stubs, and calling a stub must give what a raw SYSCALL gives.
 * Xen's stubs also keep RCX and R11, which a bare SYSCALL loses.
 */
#include "hvtest.h"

const char test_title[] = "hcall-page: hypercall page and SYSCALL agree";

static long via(enum hc_transport t, unsigned long nr, unsigned long a1,
                unsigned long a2, unsigned long a3)
{
    return t == HC_PAGE ? hc_page(nr, a1, a2, a3, 0, 0)
                        : hc_syscall(nr, a1, a2, a3, 0, 0);
}

/* One call by both transports: the answers must match. */
static void same(const char *what, unsigned long nr, unsigned long a1,
                 unsigned long a2, unsigned long a3, long want)
{
    long raw = via(HC_SYSCALL, nr, a1, a2, a3);
    long page = via(HC_PAGE, nr, a1, a2, a3);

    printf("%s: syscall %ld, page %ld\n", what, raw, page);
    if ( raw != page )
        test_fail("%s: syscall gave %ld, the page %ld", what, raw, page);
    if ( raw != want )
        test_fail("%s: got %ld, want %ld", what, raw, want);
}

static void test_page(void)
{
    unsigned long pg = (unsigned long)hypercall_page;
    static const unsigned int stubs[] = { 17, 18, 29, 63, 64, 127 };

    CHECK(hc_have_page());
    CHECK((pg & 4095) == 0);
    CHECK(pg >= (unsigned long)_image_start && pg < (unsigned long)_image_end);
    /* We filled the page with int3; an unfilled stub would trap. */
    for ( unsigned int i = 0; i < ARRAY_SIZE(stubs); i++ )
        if ( (unsigned char)hypercall_page[stubs[i] * 32] == 0xcc )
            test_fail("stub %u was not written", stubs[i]);
}

static void test_results(void)
{
    static const char msg[] = "hcall-page: written through both\n";
    xen_extraversion_t ev[2];
    xen_feature_info_t fi[2] = { { .submap_idx = 0 }, { .submap_idx = 0 } };
    long v = hc_syscall(__HYPERVISOR_xen_version, XENVER_version, 0, 0, 0, 0);

    same("version", __HYPERVISOR_xen_version, XENVER_version, 0, 0, v);
    same("pagesize", __HYPERVISOR_xen_version, XENVER_pagesize, 0, 0, 4096);
    same("console write", __HYPERVISOR_console_io, CONSOLEIO_write,
         sizeof(msg) - 1, (unsigned long)msg, 0);
    same("console read", __HYPERVISOR_console_io, CONSOLEIO_read, 8,
         (unsigned long)ev, 0);
    same("console op 2", __HYPERVISOR_console_io, 2, 0, 0, -ENOSYS);
    same("yield", __HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0, 0);
    same("sched op 99", __HYPERVISOR_sched_op, 99, 0, 0, -ENOSYS);
    same("hypercall 57", 57, 0, 0, 0, -ENOSYS);
    same("hypercall 100", 100, 0, 0, 0, -ENOSYS);
    same("extraversion at NULL", __HYPERVISOR_xen_version,
         XENVER_extraversion, 0, 0, -EFAULT);

    memset(ev, 0x5a, sizeof(ev));
    CHECK_EQ(via(HC_SYSCALL, __HYPERVISOR_xen_version, XENVER_extraversion,
                 (unsigned long)ev[0], 0), 0);
    CHECK_EQ(via(HC_PAGE, __HYPERVISOR_xen_version, XENVER_extraversion,
                 (unsigned long)ev[1], 0), 0);
    CHECK(!memcmp(ev[0], ev[1], sizeof(ev[0])));

    CHECK_EQ(via(HC_SYSCALL, __HYPERVISOR_xen_version, XENVER_get_features,
                 (unsigned long)&fi[0], 0), 0);
    CHECK_EQ(via(HC_PAGE, __HYPERVISOR_xen_version, XENVER_get_features,
                 (unsigned long)&fi[1], 0), 0);
    CHECK_EQ(fi[1].submap, fi[0].submap);
}

static void fill_pattern(struct regs *r, unsigned long nr)
{
    uint64_t *w = (uint64_t *)r;

    for ( unsigned int i = 0; i < REGS_SIZE / 8; i++ )
        w[i] = 0x0fedcba987650000UL | (i << 8) | i;
    r->rax = nr;
}

static void test_registers(void)
{
    static const unsigned long nrs[] = { 57, 100 };
    struct regs in, out;

    for ( unsigned int n = 0; n < ARRAY_SIZE(nrs); n++ )
    {
        fill_pattern(&in, nrs[n]);
        regs_page_probe(&in, &out);
        CHECK_EQ(out.rax, -ENOSYS);
        CHECK_EQ(out.rsp, 0);
        /* Everything but RAX survives, RCX and R11 included. */
        for ( unsigned int i = 1; i < REGS_rflags / 8; i++ )
        {
            uint64_t a = ((uint64_t *)&in)[i], b = ((uint64_t *)&out)[i];

            if ( i != REGS_rsp / 8 && a != b )
                test_fail("stub %lu: %s changed from %#lx to %#lx", nrs[n],
                          regs_names[i], a, b);
        }
    }
}

void test_main(void)
{
    test_page();
    if ( test_failed() )
        return;
    test_results();
    test_registers();
}
