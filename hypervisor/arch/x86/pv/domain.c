/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Starting dom0: the SYSCALL MSRs, the hypervisor's slots in every guest
 * L4, and handing the built domain to the scheduler.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/boot.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/sched.h>
#include <hv/timer.h>
#include <hv/time.h>
#include <hv/page-alloc.h>
#include <hv/mm.h>
#include <asm/page.h>
#include <asm/eflags.h>
#include <asm/pagetable.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/traps.h>
#include <asm/smp.h>
#include <asm/page.h>
#include <asm/eflags.h>
#include "pv.h"

/* L4 slots 256..271: the hypervisor's, in every address space. */
#define HV_L4_FIRST 256
#define HV_L4_LAST  271

#define X86_CR4_MCE         (1UL << 6)
#define CPUID1_EDX_MCE      (1u << 7)

/* RFLAGS bits SYSCALL clears: no interrupts, traps or odd modes before we
 * are on our own stack. */
#define SYSCALL_MASK (X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF | \
                      X86_EFLAGS_NT | X86_EFLAGS_AC | X86_EFLAGS_RF | \
                      X86_EFLAGS_VM | X86_EFLAGS_IOPL)

struct vcpu *current_vcpu(void)
{
    return get_cpu_info()->current_vcpu;
}

void set_current_vcpu(struct vcpu *v)
{
    get_cpu_info()->current_vcpu = v;
}

void pv_init_guest_l4(uint64_t *l4)
{
    for ( unsigned int i = HV_L4_FIRST; i <= HV_L4_LAST; i++ )
        l4[i] = idle_pg_table[i];
}

void pv_cpu_init(void)
{
    unsigned int cpu = smp_processor_id();
    uint32_t eax, ebx, ecx, edx;

    /* SYSRET would load CS = STAR[63:48] + 16 and SS = + 8: the flat
     * 64-bit ring-3 selectors follow the 32-bit code one. */
    wrmsr(MSR_STAR, ((uint64_t)FLAT_RING3_CS32 << 48) |
                    ((uint64_t)__HYPERVISOR_CS << 32));
    pv_syscall_slots[cpu].stack = (uint64_t)&guest_cpu_user_regs()->es;
    wrmsr(MSR_LSTAR,
          (uint64_t)(pv_syscall_stubs + cpu * PV_SYSCALL_STUB_SIZE));
    wrmsr(MSR_CSTAR,
          (uint64_t)(pv_syscall_stubs_compat + cpu * PV_SYSCALL_STUB_SIZE));
    wrmsr(MSR_SYSCALL_MASK, SYSCALL_MASK);

    /*
     * Run guests as Xen does: alignment checks in ring 3 (a guest that
     * sets RFLAGS.AC gets #AC) and machine checks on, which guests see in
     * the CR0 and CR4 they read.
     */
    write_cr0(read_cr0() | X86_CR0_AM);
    cpuid(1, &eax, &ebx, &ecx, &edx);
    if ( edx & CPUID1_EDX_MCE )
        write_cr4(read_cr4() | X86_CR4_MCE);

    /* Guests' int $0x80 goes straight in; #DB needs its own handling. */
    set_idt_gate(0x80, pv_int80_entry, 3, IST_NONE);
    set_idt_gate(TRAP_debug, pv_debug_entry, 0, IST_DB);
}

void pv_start_dom0(void)
{
    const struct boot_module *kernel, *initrd;
    struct domain *d;
    int rc;

    if ( boot_info->nr_mods < 1 )
        panic("no dom0 kernel: pass it as the first multiboot module");
    kernel = &boot_info->mods[0];
    initrd = boot_info->nr_mods > 1 ? &boot_info->mods[1] : NULL;

    /* Frames are owned from the first domain on (shared_info is lent). */
    mm_init();
    sched_init(arch_nr_cpus());
    /* Before the VCPU is set up: it inherits what the CPU runs with. */
    pv_cpu_init();
    d = domain_create(0, true);
    if ( !d )
        panic("cannot create dom0");
    rc = pv_build_dom0(d, kernel, initrd);
    if ( rc )
        panic("could not build dom0 (error %d)", rc);
    /* dom0 has its own copies of the images now. */
    boot_modules_release();

    arch_timers_init();
    console_input_start();
    printk(LOG_INFO "starting dom0\n");
    d->state = DOMAIN_RUNNING;
    sched_domain_update(d);
    pv_start_scheduling();
}
