/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cost of entering and leaving the hypervisor: a null hypercall's
 * round trip, and one entry of a 32-entry multicall, in TSC cycles.
 *
 * The null call is xen_version(XENVER_version): on Xen and on ours it
 * checks nothing but the command, takes no lock, touches no guest memory
 * and returns a constant, so what is measured is the SYSCALL entry, the
 * dispatch and the return to the guest.  SCHEDOP_yield would also run the
 * scheduler, which is not "null".
 */
#include "bench.h"

const char test_title[] = "bench-null: null hypercall and multicall costs";

#define NULL_CALLS      1000
#define MC_ENTRIES      32
#define MC_CALLS        30
#define MC_SENTINEL     0x5a5a5a5aUL

static long multicall(multicall_entry_t *calls, unsigned long nr)
{
    return hypercall2(__HYPERVISOR_multicall, calls, nr);
}

/* Cycles per call over one batch; *bad counts wrong answers. */
static uint64_t null_batch(long version, unsigned int *bad)
{
    uint64_t t0 = bench_tsc();

    for ( unsigned int i = 0; i < NULL_CALLS; i++ )
        if ( hc_syscall(__HYPERVISOR_xen_version, XENVER_version,
                        0, 0, 0, 0) != version )
            (*bad)++;
    return (bench_tsc() - t0) / NULL_CALLS;
}

/* Cycles per entry over one batch of multicalls. */
static uint64_t mc_batch(multicall_entry_t *mc, long version,
                         unsigned int *bad)
{
    uint64_t t0, t1;

    for ( unsigned int i = 0; i < MC_ENTRIES; i++ )
        mc[i].result = MC_SENTINEL;
    t0 = bench_tsc();
    for ( unsigned int i = 0; i < MC_CALLS; i++ )
        if ( multicall(mc, MC_ENTRIES) )
            (*bad)++;
    t1 = bench_tsc();
    /* Every entry ran in the last call at least. */
    for ( unsigned int i = 0; i < MC_ENTRIES; i++ )
        if ( mc[i].result != (unsigned long)version )
            (*bad)++;
    return (t1 - t0) / (MC_CALLS * MC_ENTRIES);
}

void test_main(void)
{
    static multicall_entry_t mc[MC_ENTRIES];
    uint64_t v[BENCH_BATCHES];
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);
    unsigned int bad = 0;

    if ( !CHECK(version > 0) )
        return;
    for ( unsigned int i = 0; i < MC_ENTRIES; i++ )
    {
        mc[i].op = __HYPERVISOR_xen_version;
        mc[i].args[0] = XENVER_version;
    }

    null_batch(version, &bad);          /* warm up */
    for ( unsigned int b = 0; b < BENCH_BATCHES; b++ )
        v[b] = null_batch(version, &bad);
    if ( !CHECK_EQ(bad, 0) )
        return;
    bench_report("null-hypercall", "cycles", bench_median(v, BENCH_BATCHES));

    mc_batch(mc, version, &bad);
    for ( unsigned int b = 0; b < BENCH_BATCHES; b++ )
        v[b] = mc_batch(mc, version, &bad);
    if ( !CHECK_EQ(bad, 0) )
        return;
    bench_report("multicall-entry", "cycles", bench_median(v, BENCH_BATCHES));
}
