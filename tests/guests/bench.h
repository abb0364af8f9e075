/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the bench-* guests share: timing with the TSC, the median of a
 * few batches, and the "BENCH name unit value" lines bench/hypercalls
 * reads from the serial console of each run.
 */
#ifndef TESTS_GUESTS_BENCH_H
#define TESTS_GUESTS_BENCH_H

#include "dom-util.h"

/*
 * Batches per figure: the median of these is the guest's answer.  Many
 * short batches (a millisecond or so), because the host preempts QEMU
 * now and then and the TSC runs on meanwhile: most batches escape that.
 */
#define BENCH_BATCHES   31

/*
 * The TSC, read after everything before it: TCG runs in order anyway,
 * and a batch is long enough that the fence costs nothing.  On Xen the
 * read may trap (a TSC Xen thinks unreliable is emulated for PV guests),
 * which only costs a few hundred cycles a batch.
 */
static inline uint64_t bench_tsc(void)
{
    asm volatile ( "lfence" ::: "memory" );
    return rdtsc_now();
}

/* The median of n values (sorted in place). */
static inline uint64_t bench_median(uint64_t *v, unsigned int n)
{
    for ( unsigned int i = 1; i < n; i++ )
        for ( unsigned int j = i; j && v[j - 1] > v[j]; j-- )
        {
            uint64_t t = v[j];

            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return n ? v[n / 2] : 0;
}

/* One figure, in the form bench/hypercalls parses. */
static inline void bench_report(const char *name, const char *unit,
                                uint64_t value)
{
    printf("BENCH %s %s %lu\n", name, unit, (unsigned long)value);
}

#endif /* TESTS_GUESTS_BENCH_H */
