/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pinning a big tree of page tables (an L4 over 64 L3s, each all 512
 * entries to one L2): the validation is long, and stops for an event that
 * comes meanwhile.  The pin ends as it would in one go, the event is
 * taken between two pieces, and a guest that changes its tables between
 * the pieces (from the event handler) gets a consistent answer.
 */
#include "contin-common.h"

const char test_title[] = "contin-pt: preemptible page-table validation";

#define NL3     64
#define DELAY   200000ULL       /* ns: well before the pin ends */
#define TRIES   5

static unsigned long l4, l3[NL3], l2, l1;

/* Fill the table in frame mfn: entries [0, n) pointing at 'to'. */
static void fill(unsigned long mfn, unsigned int n, unsigned long to)
{
    uint64_t *t = scratch(0);

    CHECK_EQ(map_at(0, mfn, PTE_DATA), 0);
    for ( unsigned int i = 0; i < 512; i++ )
        t[i] = i < n ? (to << 12) | PTE_TABLE : 0;
    CHECK_EQ(map_at(0, mfn, 0), 0);
}

static void build(void)
{
    l1 = spare_mfn(0);
    l2 = spare_mfn(1);
    l4 = spare_mfn(2);
    fill(l1, 0, 0);
    fill(l2, 512, l1);
    for ( unsigned int i = 0; i < NL3; i++ )
    {
        l3[i] = spare_mfn(3 + i);
        fill(l3[i], 512, l2);
    }
    fill(l4, 0, 0);
    CHECK_EQ(map_at(0, l4, PTE_DATA), 0);
    for ( unsigned int i = 0; i < NL3; i++ )
        ((uint64_t *)scratch(0))[i] = (l3[i] << 12) | PTE_TABLE;
    CHECK_EQ(map_at(0, l4, 0), 0);
}

static mmuext_op_t op;
static unsigned int done;

static long pin_call(const char *what, unsigned int cmd, unsigned long mfn)
{
    op = (mmuext_op_t){ .cmd = cmd };
    op.arg1.mfn = mfn;
    done = 0;
    return contin_call(what, __HYPERVISOR_mmuext_op, (unsigned long)&op, 1,
                       (unsigned long)&done, DOMID_SELF, 0);
}

/* The handler's doings between two pieces of the pin. */
static struct
{
    bool armed;
    long l4_write;              /* mmu_update of the L4 under validation */
    long map_last;              /* the last L3 mapped writable */
} meddle;

static void meddle_on_port(evtchn_port_t port)
{
    contin_on_port(port);
    if ( !meddle.armed || port != timer_port )
        return;
    meddle.armed = false;
    meddle.l4_write = mmu_update1(entry_ma(l4, NL3) | MMU_NORMAL_PT_UPDATE,
                                  (l3[0] << 12) | PTE_P | PTE_A);
    meddle.map_last = map_at(1, l3[NL3 - 1], PTE_DATA);
}

/* Pin with the timer armed: where did its event come? */
static enum contin_when timed_pin(long *rc)
{
    uint64_t start;
    enum contin_when w;

    contin_arm(DELAY);
    start = now();
    *rc = pin_call("pin", MMUEXT_PIN_L4_TABLE, l4);
    contin_disarm();
    w = contin_when("pin", __HYPERVISOR_mmuext_op);
    if ( w == CONTIN_OUTSIDE && probe.fired_at >= start )
        return CONTIN_NEVER;
    return w;
}

void test_main(void)
{
    enum contin_when w = CONTIN_OUTSIDE;
    long rc = -1;

    if ( !contin_init() )
        return;
    build();

    /* The pin stops for the timer's event and ends as in one go. */
    for ( unsigned int i = 0; i < TRIES && w == CONTIN_OUTSIDE; i++ )
    {
        if ( i && !rc )
            CHECK_EQ(pin_call("unpin", MMUEXT_UNPIN_TABLE, l4), 0);
        w = timed_pin(&rc);
    }
    CHECK_EQ(rc, 0);
    CHECK_EQ(done, 1);
    if ( w != CONTIN_DURING )
        test_fail("the timer's event did not come during the pin");
    /* Validated: its tables cannot be mapped writable. */
    CHECK(map_at(1, l3[NL3 - 1], PTE_DATA) < 0);
    CHECK(map_at(1, l2, PTE_DATA) < 0);
    CHECK_EQ(pin_call("unpin", MMUEXT_UNPIN_TABLE, l4), 0);
    /* Released: they can. */
    CHECK_EQ(map_at(1, l3[NL3 - 1], PTE_DATA), 0);
    CHECK_EQ(map_at(1, l3[NL3 - 1], 0), 0);
    CHECK_EQ(map_at(1, l2, PTE_DATA), 0);
    CHECK_EQ(map_at(1, l2, 0), 0);

    /*
     * Between two pieces, the event handler writes to the L4 being
     * validated (refused) and maps the last L3 writable (allowed while
     * the validation has not reached it; the pin then fails there).
     */
    upcall_port_hook = meddle_on_port;
    w = CONTIN_OUTSIDE;
    for ( unsigned int i = 0; i < TRIES && w == CONTIN_OUTSIDE; i++ )
    {
        if ( i && !rc )
            CHECK_EQ(pin_call("unpin", MMUEXT_UNPIN_TABLE, l4), 0);
        if ( i && meddle.map_last == 0 )
            CHECK_EQ(map_at(1, l3[NL3 - 1], 0), 0);
        meddle.armed = true;
        meddle.map_last = meddle.l4_write = 1;
        w = timed_pin(&rc);
    }
    upcall_port_hook = contin_on_port;
    if ( w != CONTIN_DURING )
        test_fail("the timer's event did not come during the pin");
    CHECK_EQ(meddle.l4_write, -EINVAL);
    if ( meddle.map_last == 0 )
    {
        CHECK_EQ(rc, -EINVAL);
        CHECK_EQ(done, 0);
        CHECK_EQ(map_at(1, l3[NL3 - 1], 0), 0);
    }
    else
    {
        CHECK_EQ(rc, 0);
        CHECK_EQ(pin_call("unpin", MMUEXT_UNPIN_TABLE, l4), 0);
    }
    printf("the handler's writable mapping: %s\n",
           meddle.map_last == 0 ? "made, the pin failed" : "refused");

    /* Whatever happened, the tree is whole again: pinned in one piece. */
    CHECK_EQ(pin_call("pin", MMUEXT_PIN_L4_TABLE, l4), 0);
    CHECK_EQ(pin_call("unpin", MMUEXT_UNPIN_TABLE, l4), 0);
    CHECK_EQ(map_at(1, l3[0], PTE_DATA), 0);
    CHECK_EQ(map_at(1, l3[0], 0), 0);
}
