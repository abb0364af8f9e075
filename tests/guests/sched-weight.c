/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Two CPU-bound domUs with weights 256 and 512 share the CPU dom0 leaves
 * them (dom0 sleeps while they run): their CPU time must come out 1:2
 * within 10%, and between them they must use nearly all of it.
 */
#include "sched-build.h"

const char test_title[] = "sched-weight: weights 256 and 512 get 1:2";

#define MS 1000000ULL

/* How long to measure: secs=N on the command line, 5 s by default. */
static uint64_t measure_ms(void)
{
    char buf[8];
    uint64_t secs = 0;

    if ( !cmdline_get("secs", buf, sizeof(buf)) )
        return 5000;
    for ( const char *p = buf; *p >= '0' && *p <= '9'; p++ )
        secs = secs * 10 + (*p - '0');
    return secs * 1000;
}

void test_main(void)
{
    static struct domu a, b;
    uint64_t a0, b0, t0, da, db, dt;
    unsigned long ratio;

    if ( !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build(&a, "do=spin"), 0) ||
         !CHECK_EQ(domu_build(&b, "do=spin"), 0) )
        return;
    CHECK_EQ(domu_sched_set(&a, 256, 0), 0);
    CHECK_EQ(domu_sched_set(&b, 512, 0), 0);
    CHECK_EQ(domu_unpause(&a), 0);
    CHECK_EQ(domu_unpause(&b), 0);

    /* Past the start: both spinning, credits in their steady state. */
    sleep_ns(300 * MS);
    a0 = dom_cpu_time(a.id);
    b0 = dom_cpu_time(b.id);
    t0 = sys_now();
    sleep_ns(measure_ms() * MS);
    da = dom_cpu_time(a.id) - a0;
    db = dom_cpu_time(b.id) - b0;
    dt = sys_now() - t0;

    printf("weight 256: %lu ms, weight 512: %lu ms, of %lu ms\n",
           (unsigned long)(da / MS), (unsigned long)(db / MS),
           (unsigned long)(dt / MS));
    ratio = da ? (unsigned long)(db * 1000 / da) : 0;
    printf("ratio x1000: %lu\n", ratio);
    CHECK(ratio >= 1800 && ratio <= 2200);
    CHECK(da + db >= dt * 9 / 10);

    CHECK(domu_show_console(&a, "doing 'spin'"));
    CHECK_EQ(domu_destroy(a.id), 0);
    CHECK_EQ(domu_destroy(b.id), 0);
}
