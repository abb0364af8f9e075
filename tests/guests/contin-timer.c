/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A timer fires during long hypercalls: the hypervisor stops each call
 * between two pieces of work to deliver the event, then the guest's
 * SYSCALL (raw, or in the hypercall page) issues the rest, and the call
 * ends as one uninterrupted call would.  The event callback sees a frame
 * at the SYSCALL with RAX the hypercall's number.
 */
#include "contin-common.h"

const char test_title[] = "contin-timer: timers fire during long hypercalls";

#define N       16384
#define SLOTS   64
#define NMC     256
#define TRIES   5
#define DELAY   MS(5)
#define NCON    16384

static mmu_update_t req[N];
static unsigned int mc_done[NMC];
static multicall_entry_t mc[NMC];
static char text[NCON];
static unsigned long ma[SLOTS];

/* Request i maps one of four spare frames at slot i % SLOTS. */
static unsigned long want(unsigned int i)
{
    return spare_mfn(40 + (i / SLOTS) % 4);
}

static bool slots_ok(unsigned int last)
{
    unsigned int bad = 0;

    for ( unsigned int s = 0; s < SLOTS; s++ )
        bad += (*l1e_of(scratch_va(s), NULL) & PTE_ADDR) >> 12 !=
               want(last - SLOTS + s);
    return !bad;
}

/* A long call to interrupt: made ready, issued, its result checked. */
struct long_call {
    const char *what;
    unsigned long op;
    void (*prepare)(void);
    long (*call)(void);
    bool (*result_ok)(void);
};

/*
 * One attempt: arm the timer, run the call, and say where the event
 * came; an event before the call started is a reason to try again (the
 * emulator's thread may lose its CPU for longer than the delay).
 */
static uint64_t delay = DELAY;

static enum contin_when attempt(const struct long_call *c)
{
    uint64_t start, took;
    enum contin_when w;
    long rc;

    c->prepare();
    contin_arm(delay);
    start = now();
    rc = c->call();
    took = now() - start;
    contin_disarm();
    CHECK_EQ(rc, 0);
    w = contin_when(c->what, c->op);
    if ( w == CONTIN_OUTSIDE && probe.fired_at >= start )
    {
        printf("%s: the event waited for the end of the call\n", c->what);
        return CONTIN_NEVER;
    }
    /* A call quicker than the delay proves nothing: arm sooner. */
    if ( w == CONTIN_NEVER && took < delay && took )
    {
        printf("%s: the call took %lu us, less than the delay\n", c->what,
               (unsigned long)(took / 1000));
        delay = took / 4 ?: 1;
        return CONTIN_OUTSIDE;
    }
    if ( w == CONTIN_NEVER )
        printf("%s: no event at all\n", c->what);
    return w;
}

static void interrupted(const struct long_call *c)
{
    enum contin_when w = CONTIN_OUTSIDE;

    delay = DELAY;
    for ( unsigned int i = 0; i < TRIES && w == CONTIN_OUTSIDE; i++ )
        w = attempt(c);
    if ( w != CONTIN_DURING )
        test_fail("%s: the timer's event did not come during the call",
                  c->what);
    if ( !c->result_ok() )
        test_fail("%s: wrong result", c->what);
}

static unsigned int done;

static void prepare_mmu_update(void)
{
    done = 0;
}

static long call_mmu_update(void)
{
    return contin_call("mmu_update", __HYPERVISOR_mmu_update,
                       (unsigned long)req, N, (unsigned long)&done,
                       DOMID_SELF, 0);
}

static bool mmu_update_ok(void)
{
    return CHECK_EQ(done, N) && CHECK(slots_ok(N));
}

static void prepare_multicall(void)
{
    for ( unsigned int i = 0; i < NMC; i++ )
    {
        memset(&mc[i], 0, sizeof(mc[i]));
        mc_done[i] = 0;
        mc[i].op = __HYPERVISOR_mmu_update;
        mc[i].result = 99;
        mc[i].args[0] = (unsigned long)&req[i * (N / NMC)];
        mc[i].args[1] = N / NMC;
        mc[i].args[2] = (unsigned long)&mc_done[i];
        mc[i].args[3] = DOMID_SELF;
    }
}

static long call_multicall(void)
{
    return contin_call("multicall", __HYPERVISOR_multicall,
                       (unsigned long)mc, NMC, 0, 0, 0);
}

static bool multicall_ok(void)
{
    unsigned int bad = 0;

    for ( unsigned int i = 0; i < NMC; i++ )
        bad += mc[i].result != 0 || mc_done[i] != N / NMC;
    return CHECK_EQ(bad, 0) && CHECK(slots_ok(N));
}

static void prepare_console(void)
{
}

static long call_console(void)
{
    return contin_call("console_io", __HYPERVISOR_console_io,
                       CONSOLEIO_write, NCON, (unsigned long)text, 0, 0);
}

static bool console_ok(void)
{
    return true;
}

static const struct long_call mmu_update_call = {
    "mmu_update", __HYPERVISOR_mmu_update, prepare_mmu_update,
    call_mmu_update, mmu_update_ok,
};
static const struct long_call multicall_call = {
    "multicall", __HYPERVISOR_multicall, prepare_multicall, call_multicall,
    multicall_ok,
};
static const struct long_call console_call = {
    "console_io", __HYPERVISOR_console_io, prepare_console, call_console,
    console_ok,
};

void test_main(void)
{
    uint64_t before[SLOTS];

    if ( !contin_init() )
        return;
    for ( unsigned int s = 0; s < SLOTS; s++ )
        before[s] = *l1e_of(scratch_va(s), &ma[s]);
    for ( unsigned int i = 0; i < N; i++ )
    {
        req[i].ptr = ma[i % SLOTS] | MMU_NORMAL_PT_UPDATE;
        req[i].val = (want(i) << 12) | PTE_DATA;
    }
    for ( unsigned int i = 0; i < NCON; i++ )
        text[i] = i % 64 == 63 ? '\n' : "contin"[i % 64 % 6];

    interrupted(&mmu_update_call);
    if ( hc_set_transport(HC_PAGE) )
    {
        printf("contin-timer: by the hypercall page\n");
        interrupted(&mmu_update_call);
        hc_set_transport(HC_SYSCALL);
    }
    else
        test_fail("no hypercall page");
    interrupted(&multicall_call);
    interrupted(&console_call);

    for ( unsigned int s = 0; s < SLOTS; s++ )
        CHECK_EQ(mmu_update1(ma[s], before[s]), 0);
}
