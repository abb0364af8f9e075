/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The credit scheduler simulated on the host: CPU-bound and sleeping units
 * on one or more CPUs, time advancing from decision to decision, and the
 * CPU time each unit got compared with what weights and caps promise.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/sched-if.h>

#define MS(x) ((uint64_t)(x) * 1000000ULL)
#define SEC(x) ((uint64_t)(x) * 1000000000ULL)

static const struct scheduler *ops = &sched_credit;

struct sim
{
    unsigned int nr_cpus;
    uint64_t now;
    struct sched_unit *curr[4];
    uint64_t slice_end[4];
    uint64_t next_account;
    uint64_t idle_ns[4];
    struct sched_unit *wrong_cpu;   /* ran where its affinity forbids */
};

static void sim_start(struct sim *s, unsigned int cpus)
{
    memset(s, 0, sizeof(*s));
    s->nr_cpus = cpus;
    ops->init(cpus);
    s->next_account = MS(30);
}

static void unit_init(struct sched_unit *u, struct sched_dom *d,
                      cpumask_t affinity)
{
    memset(u, 0, sizeof(*u));
    u->dom = d;
    u->hard_affinity = affinity;
    u->runnable = true;
    ops->add_unit(u);
}

static void schedule_cpu(struct sim *s, unsigned int cpu)
{
    struct sched_decision dec = ops->do_schedule(cpu, s->curr[cpu], s->now);

    s->curr[cpu] = dec.next;
    s->slice_end[cpu] = s->now + dec.slice_ns;
    if ( dec.next && !(dec.next->hard_affinity & (1ULL << cpu)) )
        s->wrong_cpu = dec.next;
}

/* Run until 'until', calling hook (if any) every 'period'. */
static void sim_run(struct sim *s, uint64_t until,
                    void (*hook)(struct sim *s), uint64_t period)
{
    uint64_t next_hook = period ? s->now + period : UINT64_MAX;

    for ( unsigned int c = 0; c < s->nr_cpus; c++ )
        schedule_cpu(s, c);
    while ( s->now < until )
    {
        uint64_t t = MIN(s->next_account, next_hook);

        for ( unsigned int c = 0; c < s->nr_cpus; c++ )
            t = MIN(t, s->slice_end[c]);
        t = MIN(t, until);
        for ( unsigned int c = 0; c < s->nr_cpus; c++ )
            if ( !s->curr[c] )
                s->idle_ns[c] += t - s->now;
        s->now = t;
        if ( t == s->next_account )
        {
            s->next_account = ops->account(t);
            for ( unsigned int c = 0; c < s->nr_cpus; c++ )
                schedule_cpu(s, c);
        }
        if ( t == next_hook )
        {
            hook(s);
            next_hook += period;
        }
        for ( unsigned int c = 0; c < s->nr_cpus; c++ )
            if ( s->slice_end[c] <= t )
                schedule_cpu(s, c);
    }
    for ( unsigned int c = 0; c < s->nr_cpus; c++ )
        if ( s->curr[c] )
            schedule_cpu(s, c);     /* bill the last stretch */
}

static void test_weights_one_cpu(void)
{
    struct sched_dom da = { .weight = 256 }, db = { .weight = 512 };
    struct sched_unit a, b;
    struct sim s;
    double ratio;

    sim_start(&s, 1);
    unit_init(&a, &da, 1);
    unit_init(&b, &db, 1);
    sim_run(&s, SEC(30), NULL, 0);
    ratio = (double)b.run_ns / (double)a.run_ns;
    CU_ASSERT(ratio > 1.8 && ratio < 2.2);
    /* Work conserving: two CPU-bound units leave the CPU no idle time. */
    CU_ASSERT_EQUAL(s.idle_ns[0], 0);
    CU_ASSERT(a.run_ns + b.run_ns >= SEC(30) - MS(1));
}

static void test_cap_half(void)
{
    struct sched_dom d = { .weight = 256, .cap = 50 };
    struct sched_unit u;
    struct sim s;
    double share;

    sim_start(&s, 1);
    unit_init(&u, &d, 1);
    sim_run(&s, SEC(30), NULL, 0);
    share = (double)u.run_ns / (double)SEC(30);
    CU_ASSERT(share > 0.45 && share <= 0.51);
    CU_ASSERT(s.idle_ns[0] > SEC(14));
}

static void test_cap_beside_uncapped(void)
{
    struct sched_dom dc = { .weight = 512, .cap = 25 }, dn = { .weight = 256 };
    struct sched_unit c, n;
    struct sim s;

    sim_start(&s, 1);
    unit_init(&c, &dc, 1);
    unit_init(&n, &dn, 1);
    sim_run(&s, SEC(10), NULL, 0);
    /* The cap wins over the larger weight; the rest goes to the other. */
    CU_ASSERT((double)c.run_ns / SEC(10) <= 0.26);
    CU_ASSERT((double)n.run_ns / SEC(10) >= 0.73);
}

static struct sched_unit *sleeper;
static uint64_t sleeper_waits, sleeper_late;

/* Every 5 ms: a sleeper wakes every 100 ms and sleeps 5 ms later. */
static void sleeper_hook(struct sim *s)
{
    int cpu;

    if ( s->now % MS(100) == MS(5) && sleeper->runnable )
    {
        /* It should have had the CPU since it woke. */
        if ( !sleeper->running )
            sleeper_late++;
        ops->sleep(sleeper, s->now);
        if ( sleeper->running )
            schedule_cpu(s, sleeper->cpu);
        return;
    }
    if ( s->now % MS(100) != 0 )
        return;
    sleeper_waits++;
    cpu = ops->wake(sleeper, s->now);
    if ( cpu >= 0 )
        schedule_cpu(s, cpu);
}

static void test_wake_boost(void)
{
    struct sched_dom dh = { .weight = 256 }, di = { .weight = 256 };
    struct sched_unit hog, io;
    struct sim s;

    sim_start(&s, 1);
    unit_init(&hog, &dh, 1);
    unit_init(&io, &di, 1);
    ops->sleep(&io, 0);
    sleeper = &io;
    sleeper_waits = sleeper_late = 0;
    sim_run(&s, SEC(5) - MS(50), sleeper_hook, MS(5));
    /* A waking unit with credit preempts the CPU hog at once. */
    CU_ASSERT_EQUAL(sleeper_waits, 49);
    CU_ASSERT_EQUAL(sleeper_late, 0);
    CU_ASSERT_EQUAL(io.run_ns, sleeper_waits * MS(5));
    CU_ASSERT_EQUAL(hog.run_ns + io.run_ns, SEC(5) - MS(50));
}

static void test_affinity_two_cpus(void)
{
    struct sched_dom d = { .weight = 256 };
    struct sched_unit u[3];
    struct sim s;

    sim_start(&s, 2);
    unit_init(&u[0], &d, 1ULL << 1);        /* pinned to CPU 1 */
    unit_init(&u[1], &d, 3);
    unit_init(&u[2], &d, 3);
    sim_run(&s, SEC(30), NULL, 0);
    CU_ASSERT_PTR_NULL(s.wrong_cpu);
    /* Three equal units on two CPUs: two thirds of a CPU each. */
    for ( unsigned int i = 0; i < 3; i++ )
    {
        double share = (double)u[i].run_ns / (double)SEC(30);

        CU_ASSERT(share > 0.60 && share < 0.73);
    }
    CU_ASSERT(s.idle_ns[0] + s.idle_ns[1] < MS(100));
}

static void test_idle_and_params(void)
{
    struct sched_dom d = { .weight = 256 };
    struct sched_unit u;
    struct sim s;

    sim_start(&s, 1);
    unit_init(&u, &d, 1);
    ops->sleep(&u, 0);
    sim_run(&s, SEC(1), NULL, 0);
    /* Nothing runnable: the CPU idles the whole time. */
    CU_ASSERT_EQUAL(u.run_ns, 0);
    CU_ASSERT_EQUAL(s.idle_ns[0], SEC(1));

    CU_ASSERT_EQUAL(ops->set_params(&d, 0, 0), -EINVAL);
    CU_ASSERT_EQUAL(ops->set_params(&d, 512, 101), -EINVAL);
    CU_ASSERT_EQUAL(ops->set_params(&d, 512, 100), 0);
    CU_ASSERT_EQUAL(d.weight, 512);
    ops->remove_unit(&u);
    CU_ASSERT_EQUAL(d.nr_units, 0);
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "weights 256:512 on one CPU", test_weights_one_cpu },
        { "cap 50 alone", test_cap_half },
        { "cap beside an uncapped domain", test_cap_beside_uncapped },
        { "woken unit preempts a hog", test_wake_boost },
        { "affinity on two CPUs", test_affinity_two_cpus },
        { "idle CPU, parameters", test_idle_and_params },
    };
    CU_pSuite suite;
    unsigned int failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("credit scheduler", NULL, NULL);
    for ( unsigned int i = 0; i < ARRAY_SIZE(tests); i++ )
        CU_add_test(suite, tests[i].name, tests[i].fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
