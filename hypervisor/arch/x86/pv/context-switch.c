/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Switching a CPU between PV VCPUs and its idle loop.
 *
 * Each CPU has one stack, with the running guest's register frame at its
 * top.  A switch happens only where nothing else of ours is on that stack:
 * on the way out to a guest (ret_from_intr calls pv_sched_exit_to_guest()
 * with interrupts off) and in the idle loop.  The frame is copied out to
 * the VCPU leaving and the next one's copied in, so the exit path simply
 * carries on into whichever VCPU owns the frame now.  Going idle, nothing
 * is left to return to: the stack is reset and the idle loop runs on it,
 * halting with interrupts on until something wants the CPU.
 *
 * What else a VCPU owns of the CPU goes with it: page tables (with a full
 * TLB flush, guest user mappings being global), segment selectors and
 * bases, GDT and LDT frames, debug registers and the lazy FPU (all in
 * vcpu-context.c).  I/O privilege is virtual and needs nothing here; time
 * and runstate are the scheduler core's.
 */
#include <hv/types.h>
#include <hv/domain.h>
#include <hv/sched.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pagetable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include "pv.h"

/* Whose VCPU each CPU runs, for TLB shootdowns; set under the lock. */
static struct vcpu *cpu_running[NR_CPUS];

unsigned int arch_cpu_id(void)
{
    return smp_processor_id();
}

const struct domain *cpu_running_domain(unsigned int cpu)
{
    const struct vcpu *v = cpu_running[cpu];

    return v ? v->domain : NULL;
}

void arch_send_resched(unsigned int cpu)
{
    send_ipi(cpu, EVENT_CHECK_VECTOR);
}

/* The L4 for v's current mode (a user mode without tables of its own
 * runs on the kernel's, as guest-context.c allows). */
static paddr_t guest_cr3(const struct vcpu *v)
{
    if ( !v->arch.kernel_mode && v->arch.guest_table_user )
        return v->arch.guest_table_user;
    return v->arch.guest_table;
}

/*
 * Nothing of the last guest may stay reachable while the CPU idles: its
 * domain may be destroyed meanwhile and its frames reused.
 */
static void load_idle_state(void)
{
    write_cr3(virt_to_maddr(idle_pg_table));
    flush_tlb_all_local();
    for ( unsigned int i = 0; i < PV_GDT_FRAMES; i++ )
        gdt_map_guest_frame(i, 0);
    lldt(0);
    /* Guest I/O breakpoints would fire on our own port accesses. */
    asm volatile ( "mov %0, %%db7" :: "r" (0UL) );
}

/* LDT and GDT pages change hands: the frame table is touched, locked. */
void arch_context_save(struct vcpu *prev)
{
    hv_lock();
    prev->arch.user_regs = *guest_cpu_user_regs();
    pv_vcpu_save(prev);
    set_current_vcpu(NULL);
    cpu_running[smp_processor_id()] = NULL;
    /* No longer current: this only drops its shadowed LDT pages. */
    pv_load_ldt(prev);
    hv_unlock();
}

void arch_context_load(struct vcpu *next)
{
    hv_lock();
    set_current_vcpu(next);
    cpu_running[smp_processor_id()] = next;
    if ( !next )
        load_idle_state();
    else
    {
        write_cr3(guest_cr3(next));
        flush_tlb_all_local();
        pv_vcpu_load(next);
        *guest_cpu_user_regs() = next->arch.user_regs;
    }
    hv_unlock();
}

static void __noreturn reset_stack_and_jump(void (*fn)(void))
{
    /*
     * Just below the frame, as though fn had been called from the top of
     * the stack (struct cpu_info keeps that 8 bytes off 16-byte aligned).
     */
    asm volatile ( "mov %0, %%rsp\n\t"
                   "jmp *%1"
                   :: "r" (guest_cpu_user_regs()), "r" (fn) : "memory" );
    __builtin_unreachable();
}

static void __noreturn idle_loop(void)
{
    for ( ;; )
    {
        local_irq_disable();
        if ( sched_need_resched() && schedule() )
            pv_enter_guest(guest_cpu_user_regs());
        /* Checked with interrupts off, halted with them on: no wake-up
         * can slip in between. */
        if ( !sched_need_resched() )
            safe_halt();
    }
}

void pv_sched_exit_to_guest(void)
{
    if ( sched_need_resched() && !schedule() )
        reset_stack_and_jump(idle_loop);
}

void arch_sync_relax(void)
{
    /* The CPU we wait for takes the lock to save its VCPU's state. */
    unsigned int depth = hv_unlock_all();

    cpu_relax();
    hv_relock(depth);
}

void arch_leave_vcpu(void)
{
    local_irq_disable();
    /* Whatever held the lock on this stack will never release it. */
    hv_unlock_all();
    pv_sched_exit_to_guest();
    /* Another VCPU owns the frame now. */
    pv_enter_guest(guest_cpu_user_regs());
}

void pv_start_scheduling(void)
{
    local_irq_disable();
    reset_stack_and_jump(idle_loop);
}
