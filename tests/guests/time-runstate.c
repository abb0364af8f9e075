/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Runstate accounting: VCPUOP_get_runstate_info and the copy kept in a
 * registered area.  The VCPU runs; time spent blocked in a poll shows as
 * blocked time and running time grows while it spins.
 */
#include "time-util.h"

const char test_title[] = "time-runstate: runstate info and area";

static struct vcpu_runstate_info area;

static uint64_t total(const struct vcpu_runstate_info *r)
{
    return r->time[0] + r->time[1] + r->time[2] + r->time[3];
}

static void show(const char *what, const struct vcpu_runstate_info *r)
{
    printf("%s: state %d entered %lu, running %lu runnable %lu "
           "blocked %lu offline %lu\n", what, r->state, r->state_entry_time,
           r->time[0], r->time[1], r->time[2], r->time[3]);
}

static void block_for(uint64_t ns)
{
    struct sched_poll p = { .nr_ports = 0, .timeout = now() + ns };

    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_poll, &p), 0);
}

void test_main(void)
{
    struct vcpu_register_runstate_memory_area reg = { .addr.v = &area };
    struct vcpu_runstate_info a, b, saved;
    uint64_t t0, t1;

    if ( !map_shared_info() )
        return;

    /* The info: running, entered in the past, time accounted up to now. */
    t0 = now();
    CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 0, &a), 0);
    t1 = now();
    show("info", &a);
    CHECK_EQ(a.state, RUNSTATE_running);
    CHECK(a.state_entry_time <= t1);
    CHECK(a.time[RUNSTATE_running] > 0);
    /* All of it spent since the VCPU was created, after system time 0. */
    CHECK(total(&a) <= t1);
    CHECK(total(&a) > 0);

    /* Running time grows while we spin. */
    while ( now() < t1 + MS(10) )
        ;
    CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 0, &b), 0);
    CHECK(b.time[RUNSTATE_running] >= a.time[RUNSTATE_running] + MS(10));
    CHECK_EQ(b.time[RUNSTATE_blocked], a.time[RUNSTATE_blocked]);
    CHECK_EQ(b.time[RUNSTATE_offline], a.time[RUNSTATE_offline]);

    /* The area gets the record at once (without the time since entry). */
    memset(&area, 0xff, sizeof(area));
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &reg), 0);
    show("area", &area);
    CHECK_EQ(area.state, RUNSTATE_running);
    CHECK_EQ(area.state_entry_time, b.state_entry_time);
    CHECK_EQ(area.time[RUNSTATE_blocked], b.time[RUNSTATE_blocked]);
    CHECK(area.time[RUNSTATE_running] <= b.time[RUNSTATE_running]);

    /* 30 ms in a poll: blocked time, then running again. */
    saved = area;
    t0 = now();
    block_for(MS(30));
    t1 = now();
    show("area after a poll", &area);
    CHECK_EQ(area.state, RUNSTATE_running);
    CHECK(area.state_entry_time >= t0 + MS(30));
    CHECK(area.state_entry_time <= t1);
    /*
     * Blocked for most of it (the host may hold us up before we block),
     * never more than the whole; every nanosecond between the two entry
     * times is accounted to some state.
     */
    CHECK(area.time[RUNSTATE_blocked] >=
          saved.time[RUNSTATE_blocked] + MS(15));
    CHECK(area.time[RUNSTATE_blocked] <=
          saved.time[RUNSTATE_blocked] + (t1 - t0));
    CHECK(area.time[RUNSTATE_running] >= saved.time[RUNSTATE_running]);
    CHECK_EQ(area.time[RUNSTATE_offline], saved.time[RUNSTATE_offline]);
    CHECK_EQ(total(&area) - total(&saved),
             area.state_entry_time - saved.state_entry_time);

    /* The info agrees with the area. */
    CHECK_EQ(vcpu_op(VCPUOP_get_runstate_info, 0, &a), 0);
    CHECK_EQ(a.state_entry_time, area.state_entry_time);
    CHECK_EQ(a.time[RUNSTATE_blocked], area.time[RUNSTATE_blocked]);

    /*
     * With runstate_update_flag the hypervisor flags the area while it
     * rewrites it; a guest reading between two updates sees it clear.
     */
    CHECK_EQ(hypercall2(__HYPERVISOR_vm_assist, VMASST_CMD_enable,
                        VMASST_TYPE_runstate_update_flag), 0);
    saved = area;
    block_for(MS(5));
    CHECK_EQ(area.state_entry_time & XEN_RUNSTATE_UPDATE, 0);
    CHECK(area.state_entry_time > saved.state_entry_time);
    CHECK_EQ(hypercall2(__HYPERVISOR_vm_assist, VMASST_CMD_disable,
                        VMASST_TYPE_runstate_update_flag), 0);

    /* Address 0 stops the updates. */
    reg.addr.p = 0;
    CHECK_EQ(vcpu_op(VCPUOP_register_runstate_memory_area, 0, &reg), 0);
    saved = area;
    block_for(MS(5));
    CHECK(!memcmp(&saved, &area, sizeof(area)));
}
