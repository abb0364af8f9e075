/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domU of sched-flush: its second VCPU keeps reading one page while
 * the first moves that page's mapping between two frames with each kind
 * of remote page flush, and checks the reader sees every move; then it
 * times the flushes.  It writes into its PV console ring for dom0.
 */
#include "dom-util.h"
#include "traps.h"
#include <public/event_channel.h>
#include <public/io/console.h>
#include <public/vcpu.h>

const char test_title[] = "sched-flush-domu: remote page flushes";

#define PAGE_SZ     4096UL
#define PTE_DATA    0x067UL         /* present, writable, user, A, D */
#define SWEEP_PAGES 16
#define MS          1000000ULL

/* --- the reader --------------------------------------------------------- */

static uint8_t page_a[PAGE_SZ] __attribute__((aligned(PAGE_SZ)));
static uint8_t page_b[PAGE_SZ] __attribute__((aligned(PAGE_SZ)));
static uint8_t sweep[SWEEP_PAGES * PAGE_SZ] __attribute__((aligned(PAGE_SZ)));

static unsigned long mfn_of(const void *va)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    return p2m[((unsigned long)va - VIRT_BASE) / PAGE_SZ];
}

static uint8_t vcpu1_stack[8192] __attribute__((aligned(16)));
static unsigned long sweeps;        /* the reader's rounds */
static uint8_t seen;                /* what page_a's address held */

/*
 * Each round reads page_a's address, then some other pages (a working
 * set a full flush throws away), then says what it read.
 */
static void __attribute__((noreturn, used)) vcpu1_main(void)
{
    for ( ;; )
    {
        uint8_t v = *(volatile uint8_t *)page_a;

        for ( unsigned int i = 0; i < SWEEP_PAGES; i++ )
            (void)*(volatile uint8_t *)&sweep[i * PAGE_SZ];
        __atomic_store_n(&seen, v, __ATOMIC_RELAXED);
        __atomic_add_fetch(&sweeps, 1, __ATOMIC_RELEASE);
    }
}

static long vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu, (unsigned long)arg);
}

static long uvm(unsigned long va, unsigned long pte, unsigned long flags)
{
    return hypercall3(__HYPERVISOR_update_va_mapping, va, pte, flags);
}

static long mmuext_one(mmuext_op_t *op)
{
    return hypercall5(__HYPERVISOR_mmuext_op, (unsigned long)op, 1, 0,
                      DOMID_SELF, 0);
}

static bool start_reader(void)
{
    static vcpu_guest_context_t ctxt;

    ctxt.flags = VGCF_in_kernel;
    ctxt.user_regs.rip = (unsigned long)vcpu1_main;
    ctxt.user_regs.rsp = (unsigned long)vcpu1_stack + sizeof(vcpu1_stack);
    ctxt.user_regs.cs = FLAT_KERNEL_CS;
    ctxt.user_regs.ss = FLAT_KERNEL_SS;
    ctxt.user_regs.rflags = 0x200;
    ctxt.kernel_ss = FLAT_KERNEL_SS;
    ctxt.kernel_sp = ctxt.user_regs.rsp;
    ctxt.ctrlreg[3] = mfn_of((void *)start_info->pt_base) << 12;
    return CHECK_EQ(vcpu_op(VCPUOP_initialise, 1, &ctxt), 0) &&
           CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), 0);
}

/* Two whole rounds of the reader from now (within 2 s): false if not. */
static bool two_rounds(void)
{
    unsigned long want = __atomic_load_n(&sweeps, __ATOMIC_ACQUIRE) + 2;
    uint64_t end = sys_now() + 2000 * MS;

    while ( (long)(__atomic_load_n(&sweeps, __ATOMIC_ACQUIRE) - want) < 0 )
        if ( sys_now() > end )
            return false;
    return true;
}

/* --- the flushes -------------------------------------------------------- */

enum how { UVM_ALL, UVM_MASK, EXT_ALL, EXT_MULTI, NR_HOW };
static const char *const how_name[NR_HOW] = {
    "update_va_mapping INVLPG|ALL", "update_va_mapping INVLPG|mask",
    "mmuext INVLPG_ALL", "mmuext INVLPG_MULTI",
};
static unsigned long vcpu1_mask = 1UL << 1;

/* Map page_a's address to mfn, flushed the given way: 0 or an error. */
static long move(enum how how, unsigned long mfn)
{
    unsigned long va = (unsigned long)page_a, pte = (mfn << 12) | PTE_DATA;
    mmuext_op_t op = { .arg1.linear_addr = va };
    long rc;

    switch ( how )
    {
    case UVM_ALL:
        return uvm(va, pte, UVMF_INVLPG | UVMF_ALL);
    case UVM_MASK:
        return uvm(va, pte, UVMF_INVLPG | (unsigned long)&vcpu1_mask);
    default:
        rc = uvm(va, pte, UVMF_NONE);
        if ( rc )
            return rc;
        op.cmd = how == EXT_ALL ? MMUEXT_INVLPG_ALL : MMUEXT_INVLPG_MULTI;
        set_xen_guest_handle(op.arg2.vcpumask, &vcpu1_mask);
        return mmuext_one(&op);
    }
}

/* Moves back and forth: how many times the reader saw the old frame. */
static unsigned int stale_reads(enum how how, unsigned int moves)
{
    unsigned int stale = 0;

    for ( unsigned int i = 0; i < moves; i++ )
    {
        bool to_b = !(i & 1);

        if ( move(how, to_b ? mfn_of(page_b) : mfn_of(page_a)) ||
             !two_rounds() ||
             __atomic_load_n(&seen, __ATOMIC_RELAXED) != (to_b ? 'B' : 'A') )
            stale++;
    }
    return stale;
}

/* Moves for ms milliseconds: moves and reader rounds per second. */
static void timed(unsigned long flags, unsigned int ms, unsigned long *moves,
                  unsigned long *rounds)
{
    unsigned long va = (unsigned long)page_a, n = 0, s0;
    uint64_t t0 = sys_now(), end = t0 + ms * MS, t;

    s0 = __atomic_load_n(&sweeps, __ATOMIC_RELAXED);
    do
    {
        unsigned long mfn = (n & 1) ? mfn_of(page_a) : mfn_of(page_b);

        uvm(va, (mfn << 12) | PTE_DATA, flags);
        n++;
    } while ( (t = sys_now()) < end );
    *moves = n * 1000000000ULL / (t - t0);
    *rounds = (__atomic_load_n(&sweeps, __ATOMIC_RELAXED) - s0) *
              1000000000ULL / (t - t0);
    /* Back where it belongs, flushed everywhere. */
    uvm(va, (mfn_of(page_a) << 12) | PTE_DATA, UVMF_TLB_FLUSH | UVMF_ALL);
}

/*
 * The figures: each kind in turn, ten short windows each, the best
 * window of each kept, so that the host's preemption of QEMU's threads
 * (which stalls an IPI) spoils few of them.  Local first: the rest of
 * INVLPG|ALL's cost is reaching the other CPU.
 */
static void figures(void)
{
    static const struct
    {
        const char *name;
        unsigned long flags;
    } kind[] = {
        { "INVLPG|LOCAL", UVMF_INVLPG | UVMF_LOCAL },
        { "INVLPG|ALL", UVMF_INVLPG | UVMF_ALL },
        { "TLB_FLUSH|ALL", UVMF_TLB_FLUSH | UVMF_ALL },
    };
    unsigned long best[3] = { 0 }, rounds_at[3] = { 0 }, m, r;

    for ( unsigned int w = 0; w < 10; w++ )
        for ( unsigned int k = 0; k < 3; k++ )
        {
            timed(kind[k].flags, 50, &m, &r);
            if ( m > best[k] )
            {
                best[k] = m;
                rounds_at[k] = r;
            }
        }
    for ( unsigned int k = 0; k < 3; k++ )
        printf("figure: %s: %lu moves/s, reader %lu rounds/s\n",
               kind[k].name, best[k], rounds_at[k]);
}

void test_main(void)
{
    CHECK(trap_shared_info() != NULL);
    page_a[0] = 'A';
    page_b[0] = 'B';
    if ( !start_reader() || !CHECK(two_rounds()) )
        return;
    for ( enum how how = 0; how < NR_HOW; how++ )
    {
        unsigned int stale = stale_reads(how, 40);

        if ( stale )
            printf("%s: %u of 40 moves unseen\n", how_name[how], stale);
        CHECK_EQ(stale, 0);
    }
    figures();
    CHECK_EQ(vcpu_op(VCPUOP_down, 1, NULL), 0);
}
