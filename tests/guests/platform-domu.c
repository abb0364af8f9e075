/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domU the platform-* dom0 guests build.  It prints into its PV
 * console ring for dom0 to read.  "do=perm": platform_op and get_physid
 * are the hardware domain's, refused here.  "do=multicall": its two
 * VCPUs, on two CPUs if there are two, run batches at the same time.
 */
#include "dom-util.h"
#include <public/event_channel.h>
#include <public/io/console.h>
#include <public/platform.h>
#include <public/vcpu.h>
#include <public/version.h>

const char test_title[] = "platform-domu: a domain built by dom0";

#define PAGE_SZ 4096UL

static long vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu, (unsigned long)arg);
}

static long platform_op(void *op)
{
    return hypercall1(__HYPERVISOR_platform_op, op);
}

/* --- do=perm ------------------------------------------------------------ */

static void perm(void)
{
    struct xen_platform_op op;
    struct vcpu_get_physid id;

    memset(&op, 0, sizeof(op));
    op.cmd = XENPF_settime64;
    op.interface_version = XENPF_INTERFACE_VERSION;
    op.u.settime64.secs = 1000;
    CHECK_EQ(platform_op(&op), -EPERM);
    op.cmd = XENPF_get_cpuinfo;
    CHECK_EQ(platform_op(&op), -EPERM);
    op.cmd = 0x7777;
    CHECK_EQ(platform_op(&op), -EPERM);
    /* The version is checked before the caller. */
    op.interface_version = XENPF_INTERFACE_VERSION - 1;
    CHECK_EQ(platform_op(&op), -EACCES);
    CHECK_EQ(platform_op((void *)8), -EFAULT);
    CHECK_EQ(vcpu_op(VCPUOP_get_physid, 0, &id), -EINVAL);
}

/* --- do=multicall ------------------------------------------------------- */

#define MC_BATCH  8
#define MC_RUN_NS 3000000000ULL     /* how long both VCPUs keep at it */

struct mc_worker
{
    multicall_entry_t calls[MC_BATCH + 1];
    unsigned long rounds, bad;
    long first_bad;
    bool done;
};

static struct mc_worker worker[2];
static long version;
static bool mc_stop;
static uint8_t vcpu1_stack[8192] __attribute__((aligned(16)));

/*
 * A batch of xen_version calls; a refused or wrong batch counts as bad.
 * The last round nests a multicall, which must fail alone.
 */
static void mc_round(struct mc_worker *w, bool nest)
{
    unsigned int n = MC_BATCH + nest;
    long rc;

    for ( unsigned int i = 0; i < MC_BATCH; i++ )
    {
        w->calls[i].op = __HYPERVISOR_xen_version;
        w->calls[i].args[0] = XENVER_version;
        w->calls[i].args[1] = 0;
        w->calls[i].result = 0xbad;
    }
    w->calls[MC_BATCH].op = __HYPERVISOR_multicall;
    w->calls[MC_BATCH].args[0] = (unsigned long)w->calls;
    w->calls[MC_BATCH].args[1] = 1;
    w->calls[MC_BATCH].result = 0xbad;
    rc = hypercall2(__HYPERVISOR_multicall, w->calls, n);
    for ( unsigned int i = 0; i < MC_BATCH && !rc; i++ )
        if ( (long)w->calls[i].result != version )
            rc = 1000 + i;
    if ( !rc && nest && (long)w->calls[MC_BATCH].result != -EINVAL )
        rc = 2000;
    if ( rc && !w->bad++ )
        w->first_bad = rc;
    w->rounds++;
}

/* Batches until told to stop, then a nested one. */
static void mc_work(struct mc_worker *w)
{
    while ( !__atomic_load_n(&mc_stop, __ATOMIC_ACQUIRE) )
        mc_round(w, false);
    mc_round(w, true);
    __atomic_store_n(&w->done, true, __ATOMIC_RELEASE);
}

static void __attribute__((noreturn, used)) vcpu1_main(void)
{
    mc_work(&worker[1]);
    for ( ;; )
        HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
}

static void multicall(void)
{
    static vcpu_guest_context_t ctxt;
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    unsigned long l4 = p2m[(start_info->pt_base - VIRT_BASE) / PAGE_SZ];
    uint64_t end;

    version = HYPERVISOR_xen_version(XENVER_version, NULL);
    ctxt.flags = VGCF_in_kernel;
    ctxt.user_regs.rip = (unsigned long)vcpu1_main;
    ctxt.user_regs.rsp = (unsigned long)vcpu1_stack + sizeof(vcpu1_stack);
    ctxt.user_regs.cs = FLAT_KERNEL_CS;
    ctxt.user_regs.ss = FLAT_KERNEL_SS;
    ctxt.user_regs.rflags = 0x200;
    ctxt.kernel_ss = FLAT_KERNEL_SS;
    ctxt.kernel_sp = ctxt.user_regs.rsp;
    ctxt.ctrlreg[3] = l4 << 12;
    if ( !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(vcpu_op(VCPUOP_initialise, 1, &ctxt), 0) ||
         !CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), 0) )
        return;

    /* VCPU 0 keeps time: only its pvclock is in shared_info. */
    end = sys_now() + MC_RUN_NS;
    while ( sys_now() < end )
        mc_round(&worker[0], false);
    __atomic_store_n(&mc_stop, true, __ATOMIC_RELEASE);
    mc_work(&worker[0]);
    while ( !__atomic_load_n(&worker[1].done, __ATOMIC_ACQUIRE) )
        HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
    for ( unsigned int i = 0; i < 2; i++ )
    {
        printf("domU: vcpu %u: %lu batches, %lu bad (first %ld)\n", i,
               worker[i].rounds, worker[i].bad, worker[i].first_bad);
        CHECK(worker[i].rounds > 1);
        CHECK_EQ(worker[i].bad, 0);
    }
    CHECK_EQ(vcpu_op(VCPUOP_down, 1, NULL), 0);
}

void test_main(void)
{
    char what[16] = "";

    cmdline_get("do", what, sizeof(what));
    printf("domU: doing '%s'\n", what);
    if ( !strcmp(what, "perm") )
        perm();
    else if ( !strcmp(what, "multicall") )
        multicall();
    else if ( strcmp(what, "nothing") )
        CHECK(false);
}
