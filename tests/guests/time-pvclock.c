/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * System time from vcpu_time_info: a settled record (even version, a
 * usable scale), time that never goes back, even across the hypervisor's
 * refreshes of the record, that follows the TSC at the record's scale,
 * and the second copy VCPUOP_register_vcpu_time_memory_area keeps.
 */
#include "time-util.h"

const char test_title[] = "time-pvclock: system time from the TSC";

static struct vcpu_time_info second __attribute__((aligned(64)));

static void test_record(void)
{
    struct vcpu_time_info r;

    pvclock_snapshot(&shinfo->vcpu_info[0].time, &r);
    printf("record: version %u tsc %#lx system %lu mul %u shift %d "
           "flags %#x\n", r.version, r.tsc_timestamp, r.system_time,
           r.tsc_to_system_mul, r.tsc_shift, r.flags);
    CHECK_EQ(r.version & 1, 0);
    CHECK(r.version != 0);
    CHECK(r.tsc_to_system_mul != 0);
    CHECK(r.tsc_shift >= -8 && r.tsc_shift <= 8);
    CHECK(r.tsc_timestamp != 0);
    /* Booting took a while, but not minutes. */
    CHECK(now() > MS(1) && now() < SECS(120));
}

/*
 * Time never goes back, polling in between so that the record is
 * rewritten now and then.
 */
static void test_monotonic(void)
{
    uint64_t last = now(), t;
    unsigned int back = 0;

    for ( unsigned int i = 0; i < 20000; i++ )
    {
        if ( i % 2000 == 0 )
            HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
        t = now();
        if ( t < last )
        {
            if ( !back++ )
                test_fail("time went back from %lu to %lu", last, t);
        }
        last = t;
    }
    CHECK_EQ(back, 0);

    /* Blocking for a while moves time on by at least that much. */
    {
        struct sched_poll p = { .nr_ports = 0 };
        uint64_t t0 = now();

        p.timeout = t0 + MS(30);
        CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_poll, &p), 0);
        CHECK(now() >= t0 + MS(30));
    }
}

/* Elapsed system time is elapsed TSC at the record's scale. */
static void test_follows_tsc(void)
{
    struct vcpu_time_info r;
    uint64_t tsc0, tsc1, t0, t1, want, diff;

    t0 = pvclock_read(&shinfo->vcpu_info[0].time, &tsc0);
    while ( now() < t0 + MS(20) )
        ;
    t1 = pvclock_read(&shinfo->vcpu_info[0].time, &tsc1);
    pvclock_snapshot(&shinfo->vcpu_info[0].time, &r);
    want = pvclock_scale(tsc1 - tsc0, r.tsc_to_system_mul, r.tsc_shift);
    diff = t1 - t0 > want ? t1 - t0 - want : want - (t1 - t0);
    printf("20 ms: %lu ns by the clock, %lu ns by the TSC\n", t1 - t0, want);
    /* A recalibration may nudge the scale, by far less than 1%. */
    CHECK(diff <= want / 100);
}

/* The second copy: same record, kept up to date, even version. */
static void test_second_copy(void)
{
    struct vcpu_register_time_memory_area area;
    struct vcpu_time_info a, b;
    uint64_t t0;

    area.addr.v = &second;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0, &area), 0);
    CHECK_EQ(second.version & 1, 0);
    CHECK(second.version != 0);
    pvclock_snapshot(&second, &a);
    pvclock_snapshot(&shinfo->vcpu_info[0].time, &b);
    CHECK_EQ(a.tsc_timestamp, b.tsc_timestamp);
    CHECK_EQ(a.system_time, b.system_time);
    CHECK_EQ(a.tsc_to_system_mul, b.tsc_to_system_mul);
    CHECK_EQ(a.tsc_shift, b.tsc_shift);

    t0 = pvclock_read(&second, NULL);
    CHECK(t0 <= now());
    CHECK(now() - t0 < MS(100));

    /* Unregistered with address 0: no error. */
    area.addr.p = 0;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0, &area), 0);

    /* Bad arguments. */
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0, NULL),
             -EFAULT);
    area.addr.p = 0xffff800000000000UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0, &area),
             -EFAULT);
    area.addr.p = 0x0000800000000000UL;
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0, &area),
             -EFAULT);
    CHECK_EQ(vcpu_op(VCPUOP_register_vcpu_time_memory_area, 1, &area),
             -ENOENT);
}

void test_main(void)
{
    if ( !map_shared_info() )
        return;
    test_record();
    test_monotonic();
    test_follows_tsc();
    test_second_copy();
}
