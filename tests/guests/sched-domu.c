/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The small domU that the sched-* dom0 guests build and run.  A domU may
 * not write to the hypervisor's console on Xen, so it prints into its PV
 * console ring for dom0 to read.  Its command line says what to do:
 * "hello" prints and powers off, "spin" burns CPU until destroyed,
 * "vcpus" starts, stops and restarts its second VCPU, "crash" executes
 * ud2 with no trap table, which crashes it.
 */
#include "dom-util.h"
#include "traps.h"
#include <public/event_channel.h>
#include <public/io/console.h>
#include <public/vcpu.h>

const char test_title[] = "sched-domu: a domain built by dom0";

/* --- a second VCPU ------------------------------------------------------ */

#define MS 1000000ULL

static unsigned long spins;             /* VCPU 1's progress */
static uint8_t vcpu1_stack[8192] __attribute__((aligned(16)));

static void __attribute__((noreturn, used)) vcpu1_main(void)
{
    for ( ;; )
        __atomic_add_fetch(&spins, 1, __ATOMIC_RELAXED);
}

static long vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu, (unsigned long)arg);
}

/* Whether VCPU 1 makes progress within about 'ms' (up to ten tries). */
static bool vcpu1_moves(unsigned int ms)
{
    unsigned long before = __atomic_load_n(&spins, __ATOMIC_RELAXED);

    for ( unsigned int i = 0; i < 10; i++ )
    {
        sleep_ns(ms * MS);
        if ( __atomic_load_n(&spins, __ATOMIC_RELAXED) != before )
            return true;
    }
    return false;
}

/* Still, once a moment has passed for it to leave its CPU. */
static bool vcpu1_still(void)
{
    unsigned long a;

    sleep_ns(50 * MS);
    a = __atomic_load_n(&spins, __ATOMIC_RELAXED);
    sleep_ns(100 * MS);
    return __atomic_load_n(&spins, __ATOMIC_RELAXED) == a;
}

static void second_vcpu(void)
{
    static vcpu_guest_context_t ctxt;
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    unsigned long l4 = p2m[(start_info->pt_base - VIRT_BASE) / 4096];

    if ( !CHECK(dom_shared_info() != NULL) )
        return;
    ctxt.flags = VGCF_in_kernel;
    ctxt.user_regs.rip = (unsigned long)vcpu1_main;
    ctxt.user_regs.rsp = (unsigned long)vcpu1_stack + sizeof(vcpu1_stack);
    ctxt.user_regs.cs = FLAT_KERNEL_CS;
    ctxt.user_regs.ss = FLAT_KERNEL_SS;
    ctxt.user_regs.rflags = 0x200;
    ctxt.kernel_ss = FLAT_KERNEL_SS;
    ctxt.kernel_sp = ctxt.user_regs.rsp;
    ctxt.ctrlreg[3] = l4 << 12;

    CHECK_EQ(vcpu_op(VCPUOP_is_up, 0, NULL), 1);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 1, NULL), 0);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 2, NULL), -ENOENT);
    /* Up needs a context first; a context is given once. */
    CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), -EINVAL);
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 1, (void *)1), -EFAULT);
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 1, &ctxt), 0);
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 1, &ctxt), -EEXIST);
    CHECK_EQ(vcpu_op(VCPUOP_initialise, 0, &ctxt), -EEXIST);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 1, NULL), 0);
    CHECK(!vcpu1_moves(20));

    CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), 0);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 1, NULL), 1);
    CHECK(vcpu1_moves(100));
    CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), 0);

    CHECK_EQ(vcpu_op(VCPUOP_down, 1, NULL), 0);
    CHECK_EQ(vcpu_op(VCPUOP_is_up, 1, NULL), 0);
    CHECK(vcpu1_still());
    CHECK_EQ(vcpu_op(VCPUOP_down, 1, NULL), 0);

    /* Up again: it carries on where it stopped. */
    CHECK_EQ(vcpu_op(VCPUOP_up, 1, NULL), 0);
    CHECK(vcpu1_moves(100));
    CHECK_EQ(vcpu_op(VCPUOP_down, 1, NULL), 0);
    CHECK(vcpu1_still());
}

void test_main(void)
{
    char what[16] = "hello";

    cmdline_get("do", what, sizeof(what));
    printf("domU: running, nr_pages %lu, doing '%s'\n",
           start_info->nr_pages, what);
    CHECK(!(start_info->flags & SIF_INITDOMAIN));
    /*
     * Only dom0's builder masks events; a toolstack masks a domU's in
     * shared_info itself, and sched-build.h does not.
     */
    CHECK(trap_shared_info() != NULL);
    CHECK_EQ(*upcall_mask(), 0);
    if ( !strcmp(what, "vcpus") )
        second_vcpu();
    if ( !strcmp(what, "crash") )
        asm volatile ( "ud2" );
    if ( strcmp(what, "spin") )
        return;
    for ( volatile unsigned long n = 0; ; n++ )
        ;
}
