/* SPDX-License-Identifier: GPL-2.0-only */
/* do_trap(): interrupts to their handlers, guest exceptions to the PV
 * layer, hypervisor exceptions to a fixup or to a full report and panic. */

#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <asm/apic.h>
#include <asm/asm-macros.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/symbols.h>
#include <asm/traps.h>

extern char entry_stubs[], _stext[], _etext[];

static irq_handler_t irq_handlers[256];

static const char *const exception_names[32] = {
    [0] = "#DE divide error", [1] = "#DB debug", [2] = "NMI",
    [3] = "#BP breakpoint", [4] = "#OF overflow",
    [5] = "#BR bound range", [6] = "#UD invalid opcode",
    [7] = "#NM device not available", [8] = "#DF double fault",
    [9] = "coprocessor segment overrun", [10] = "#TS invalid TSS",
    [11] = "#NP segment not present", [12] = "#SS stack fault",
    [13] = "#GP general protection", [14] = "#PF page fault",
    [15] = "reserved vector 15", [16] = "#MF x87 error",
    [17] = "#AC alignment check", [18] = "#MC machine check",
    [19] = "#XM SIMD error", [20] = "#VE virtualisation",
    [21] = "#CP control protection", [28] = "#HV hypervisor injection",
    [29] = "#VC VMM communication", [30] = "#SX security",
};

void *entry_stub(unsigned int vec)
{
    return entry_stubs + 16 * vec;
}

const char *trap_name(unsigned int vector)
{
    if ( vector >= 32 )
        return NULL;
    return exception_names[vector] ? exception_names[vector]
                                   : "reserved vector";
}

int request_irq(unsigned int vector, irq_handler_t handler)
{
    if ( vector < FIRST_IRQ_VECTOR || vector > 255 )
        return -EINVAL;
    if ( irq_handlers[vector] && handler )
        return -EBUSY;
    irq_handlers[vector] = handler;
    return 0;
}

static void print_rip(const char *what, unsigned long rip)
{
    char sym[96];

    symbol_describe(rip, sym, sizeof(sym));
    printk_forced(LOG_ERR "%s[<%016lx>] %s\n", what, rip, sym);
}

/* Only our own stack block is known to be mapped and readable. */
static void show_stack(const struct cpu_user_regs *regs)
{
    unsigned long block = (unsigned long)regs & ~(STACK_SIZE - 1);
    const unsigned long *sp = (const unsigned long *)regs->rsp;
    unsigned int i;

    if ( regs->rsp < block || regs->rsp + 16 * sizeof(long) > block +
         STACK_SIZE || (regs->rsp & 7) )
    {
        printk_forced(LOG_ERR "Stack at %016lx: not ours, not dumped\n",
                      regs->rsp);
        return;
    }
    printk_forced(LOG_ERR "Stack at %016lx:\n", regs->rsp);
    for ( i = 0; i < 16; i += 4 )
        printk_forced(LOG_ERR "  %016lx %016lx %016lx %016lx\n",
                      sp[i], sp[i + 1], sp[i + 2], sp[i + 3]);
    /* Words that look like return addresses into our code. */
    for ( i = 0; i < 16; i++ )
        if ( sp[i] >= (unsigned long)_stext && sp[i] < (unsigned long)_etext )
            print_rip("  ", sp[i]);
}

void show_registers(const struct cpu_user_regs *regs)
{
    bool guest = regs->cs & 3;

    print_rip("RIP: ", regs->rip);
    printk_forced(LOG_ERR "CS: %04x  RFLAGS: %016lx  CPU: %u\n",
                  regs->cs, regs->rflags, smp_processor_id());
    printk_forced(LOG_ERR "RSP: %016lx  SS: %04x\n", regs->rsp, regs->ss);
    printk_forced(LOG_ERR "rax: %016lx  rbx: %016lx  rcx: %016lx\n",
                  regs->rax, regs->rbx, regs->rcx);
    printk_forced(LOG_ERR "rdx: %016lx  rsi: %016lx  rdi: %016lx\n",
                  regs->rdx, regs->rsi, regs->rdi);
    printk_forced(LOG_ERR "rbp: %016lx  r8:  %016lx  r9:  %016lx\n",
                  regs->rbp, regs->r8, regs->r9);
    printk_forced(LOG_ERR "r10: %016lx  r11: %016lx  r12: %016lx\n",
                  regs->r10, regs->r11, regs->r12);
    printk_forced(LOG_ERR "r13: %016lx  r14: %016lx  r15: %016lx\n",
                  regs->r13, regs->r14, regs->r15);
    printk_forced(LOG_ERR "cr0: %016lx  cr2: %016lx  cr3: %016lx\n",
                  read_cr0(), get_cpu_info()->cr2, read_cr3());
    printk_forced(LOG_ERR "cr4: %016lx\n", read_cr4());
    if ( !guest )
        show_stack(regs);
}

static void fatal_trap(const char *who, struct cpu_user_regs *regs)
{
    unsigned int vec = regs->entry_vector;
    const char *name = vec < 32 ? trap_name(vec) : "interrupt";

    console_break_line();
    printk_forced(LOG_ERR "----[ %s: %s, vector %u, error code %#x ]----\n",
                  who, name, vec, regs->error_code);
    if ( vec == TRAP_page_fault )
        printk_forced(LOG_ERR "Page fault at %016lx: %s %s, %s mode%s\n",
                      get_cpu_info()->cr2,
                      regs->error_code & PFEC_present ? "protection"
                                                      : "not present",
                      regs->error_code & PFEC_insn_fetch ? "fetch" :
                      regs->error_code & PFEC_write_access ? "write"
                                                           : "read",
                      regs->error_code & PFEC_user_mode ? "user"
                                                        : "supervisor",
                      regs->error_code & PFEC_reserved_bit
                      ? ", reserved bit" : "");
    show_registers(regs);
    panic("fatal trap %u (%s): %s", vec, name, who);
}

void __attribute__((weak)) pv_trap_from_guest(struct cpu_user_regs *regs)
{
    fatal_trap("guest fault", regs);
}

void __attribute__((weak)) pv_exit_to_guest(struct cpu_user_regs *regs)
{
}

/*
 * NMIs come on their own IST stack at any instruction (nmi_entry), and
 * the machine's NMIs are no guest's business: report and go back.  No
 * lock, nothing that schedules: the interrupted code may hold anything.
 */
void do_nmi(struct cpu_user_regs *regs)
{
    printk(LOG_WARNING "NMI on CPU%u in %s mode, ignored\n",
           smp_processor_id(), regs->cs & 3 ? "guest" : "hypervisor");
}

static void do_interrupt(struct cpu_user_regs *regs)
{
    unsigned int vec = regs->entry_vector;
    irq_handler_t handler = irq_handlers[vec];

    /* The spurious vector is the one an EOI must not follow. */
    if ( vec == SPURIOUS_VECTOR )
        return;
    /*
     * Acknowledge first: a handler may end in a context switch and not
     * come back here soon, and the timer is edge-triggered anyway.
     */
    apic_eoi();
    if ( handler )
        handler(regs);
    else
        printk(LOG_DEBUG "unexpected interrupt, vector %#x\n", vec);
}

void do_trap(struct cpu_user_regs *regs)
{
    unsigned int vec = regs->entry_vector;
    unsigned long fixup;

    /* Before anything can fault again and overwrite it. */
    if ( vec == TRAP_page_fault )
        get_cpu_info()->cr2 = read_cr2();

    if ( vec >= 32 )
    {
        do_interrupt(regs);
        return;
    }

    if ( vec == TRAP_nmi )
    {
        do_nmi(regs);
        return;
    }
    /* No fix-up applies: only a bug of ours reaches a #DF. */
    if ( vec == TRAP_double_fault )
        fatal_trap("double fault", regs);

    if ( regs->cs & 3 )
    {
        /* Emulation and fault fix-ups touch state other CPUs share. */
        hv_lock();
        pv_trap_from_guest(regs);
        hv_unlock();
        return;
    }

    /* Nor for a machine check, whatever instruction it interrupted. */
    if ( vec == TRAP_machine_check )
        fatal_trap("hypervisor machine check", regs);

    fixup = search_exception_table(regs->rip);
    if ( fixup )
    {
        regs->rip = fixup;
        return;
    }

    fatal_trap("hypervisor fault", regs);
}

/* The assembly offsets must describe the C structure. */
static void __attribute__((used)) check_frame_layout(void)
{
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, r15) != UREGS_r15);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, rbp) != UREGS_rbp);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, r11) != UREGS_r11);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, rax) != UREGS_rax);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, rdi) != UREGS_rdi);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, error_code) !=
                 UREGS_error_code);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, entry_vector) !=
                 UREGS_entry_vector);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, rip) != UREGS_rip);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, cs) != UREGS_cs);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, rflags) != UREGS_rflags);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, rsp) != UREGS_rsp);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, ss) != UREGS_ss);
    BUILD_BUG_ON(offsetof(struct cpu_user_regs, es) != UREGS_es);
    BUILD_BUG_ON(sizeof(struct cpu_user_regs) != UREGS_sizeof);
}
