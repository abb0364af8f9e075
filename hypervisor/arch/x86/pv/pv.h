/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces of the x86-64 PV layer. */
#ifndef ARCH_X86_PV_H
#define ARCH_X86_PV_H

#include <hv/types.h>
#include <hv/guest-access.h>
#include <public/xen.h>

struct domain;
struct vcpu;
struct boot_module;

/* hypercall.c: a guest's call (pv_hypercall), or one multicall entry. */
void pv_hypercall(struct cpu_user_regs *regs);
void pv_hypercall_call(struct cpu_user_regs *regs);
bool pv_hypercall_known(unsigned long nr);

/* continuation.c: have the guest issue its hypercall again, as op. */
void pv_hypercall_restart(struct cpu_user_regs *regs, unsigned int op);

/* hypercall-page.c */
void pv_write_hypercall_page(uint8_t *page);

/* dom0-build.c */
int pv_build_dom0(struct domain *d, const struct boot_module *kernel,
                  const struct boot_module *initrd);

/* domain.c */
void pv_init_guest_l4(uint64_t *l4);

/*
 * context-switch.c: the scheduler's pass on the way out to a guest (from
 * ret_from_intr, interrupts off; it may switch to another VCPU's frame or
 * leave for the idle loop), and the boot CPU's first entry into the idle
 * loop once dom0 is built.
 */
void pv_sched_exit_to_guest(void);
void __noreturn pv_start_scheduling(void);

/* entry.S */
/* Each CPU's SYSCALL stubs (64-bit, compat) and the slots they use. */
#define PV_SYSCALL_STUB_SIZE 64
extern char pv_syscall_stubs[], pv_syscall_stubs_compat[];
extern struct pv_syscall_slot
{
    uint64_t guest_rsp;
    uint64_t stack;                 /* &cpu_info->guest_cpu_user_regs.es */
} pv_syscall_slots[];
void __noreturn pv_enter_guest(struct cpu_user_regs *frame);

/* traps.c */
void pv_syscall(struct cpu_user_regs *regs);
void pv_dump_regs(const struct cpu_user_regs *regs);
void pv_int80(struct cpu_user_regs *regs);
void pv_debug_exception(struct cpu_user_regs *regs);

/* entry.S: the DPL-3 int $0x80 gate and the #DB gate. */
void pv_int80_entry(void);
void pv_debug_entry(void);

/*
 * From the PV MMU, which overrides these weak defaults: fix a guest #PF
 * the MMU causes itself (a write to a read-only page table with writable
 * page tables on, a stale TLB entry); true if the guest may carry on.
 */
bool pv_fixup_page_fault(struct cpu_user_regs *regs, unsigned long addr);

/* entry_vector bit of frames that leave as SYSRET would (Xen's value). */
#define TRAP_syscall 256

/* traps-bounce.c: the trap_bounce flags of Xen's entry code. */
#define TBF_EXCEPTION           1
#define TBF_EXCEPTION_ERRCODE   2
#define TBF_INTERRUPT           8
bool pv_vector_has_error_code(unsigned int vector);
/* Report, dump regs (if given) and crash v's domain. */
void __noreturn pv_crash(struct vcpu *v, const struct cpu_user_regs *regs,
                         const char *why);
/*
 * Switch the guest frame regs (the current VCPU's) to the handler at eip
 * with Xen's exception frame on its kernel stack; crashes the domain if
 * that cannot be done (no handler, unwritable stack).
 */
void pv_create_bounce_frame(struct cpu_user_regs *regs, unsigned long eip,
                            unsigned int flags, uint32_t error_code);
/* Deliver an exception to the guest's handler from its trap table. */
void pv_inject_hw_exception(struct cpu_user_regs *regs, unsigned int vector,
                            uint32_t error_code);
void pv_inject_page_fault(struct cpu_user_regs *regs, uint32_t error_code,
                          unsigned long cr2);
void pv_inject_sw_interrupt(struct cpu_user_regs *regs, unsigned int vector);

/* The RPL a 64-bit PV guest kernel's selectors get (it runs in ring 3). */
static inline unsigned int pv_fixup_guest_selector(unsigned int sel)
{
    return (sel & 3) == 3 ? sel : sel | 3;
}

/* mode-switch.c */
void pv_toggle_guest_mode(struct vcpu *v);
long do_stack_switch(unsigned long ss, unsigned long sp);
long do_set_segment_base(unsigned int which, unsigned long base);

/* iret.c */
long do_iret(struct cpu_user_regs *regs);

/* callback.c */
long do_set_trap_table(guest_va_t traps);
long do_callback_op(int cmd, guest_va_t arg);
long do_set_callbacks(unsigned long event, unsigned long failsafe,
                      unsigned long syscall);
long do_nmi_op(unsigned int cmd, guest_va_t arg);

/* descriptors.c */
/* Check one descriptor, fixing its DPL up as Xen does; false: refused. */
bool pv_check_descriptor(uint64_t *desc);
/* Check (and fix up) a whole page of descriptors: 0 or -EINVAL. */
int pv_validate_segdesc_page(uint64_t *descs);
int pv_set_gdt(struct vcpu *v, const unsigned long *frames,
               unsigned int entries);
void pv_load_gdt(struct vcpu *v);
long do_set_gdt(guest_va_t frame_list, unsigned int entries);
long do_update_descriptor(uint64_t maddr, uint64_t desc);
/*
 * From the PV MMU (weak defaults refuse everything): take or drop a
 * segment-descriptor type reference on a frame of d (validated with
 * pv_validate_segdesc_page when it gains the type); write one checked
 * descriptor at a machine address of d's, if that frame may hold one.
 */
int pv_get_segdesc_page(struct domain *d, unsigned long mfn);
void pv_put_segdesc_page(struct domain *d, unsigned long mfn);
int pv_write_descriptor(struct domain *d, paddr_t maddr, uint64_t desc);

/*
 * ldt.c: the guest's LDT (MMUEXT_SET_LDT), shadowed lazily into this
 * CPU's LDT window.  pv_load_ldt() (re)loads LDTR for v, dropping any
 * pages mapped so far; pv_ldt_page_fault() handles a #PF in the window
 * (true if dealt with, the guest's own fault injected if need be);
 * pv_ldt_desc() reads an LDT descriptor of the running VCPU.
 */
void pv_load_ldt(struct vcpu *v);
bool pv_ldt_page_fault(struct cpu_user_regs *regs, unsigned long addr);
bool pv_ldt_desc(struct vcpu *v, unsigned int sel, uint64_t *desc);

/* fpu.c */
void pv_fpu_init(struct vcpu *v);
void pv_fpu_enter(struct vcpu *v);
void pv_fpu_save(struct vcpu *v);
void pv_fpu_device_not_available(struct cpu_user_regs *regs);
long do_fpu_taskswitch(int set);

/* debugreg.c */
#define PV_DR6_DEFAULT  0xffff0ff0UL
void pv_init_debugregs(struct vcpu *v);
void pv_load_debugregs(const struct vcpu *v);
long pv_set_debugreg(struct vcpu *v, unsigned int reg, unsigned long value);
/* Store a checked value (see pv_debugreg_check) and load it if v runs. */
void pv_load_debugreg(struct vcpu *v, unsigned int reg, uint64_t value,
                      uint32_t dr7_emul);
long pv_get_debugreg(struct vcpu *v, unsigned int reg, unsigned long *val);
long do_set_debugreg(int reg, unsigned long value);
long do_get_debugreg(int reg);
void pv_debug_trap_status(struct vcpu *v);
void pv_debug_in_hypervisor(struct cpu_user_regs *regs);

/* emul-ops.c: privileged-instruction emulation for #GP and #UD. */
void pv_emul_vcpu_init(struct vcpu *v);
void pv_emul_vcpu_load(struct vcpu *v);
bool pv_emulate_gp(struct cpu_user_regs *regs);
bool pv_emulate_ud(struct cpu_user_regs *regs);

/* physdev.c */
long do_physdev_op(int cmd, guest_va_t arg);

/*
 * vcpu-context.c: a VCPU's defaults, and switching it onto and off this
 * CPU (a context switch calls pv_vcpu_save(prev), then pv_vcpu_load(next)
 * with next's page tables loaded and before its frame is returned to).
 */
void pv_vcpu_init(struct vcpu *v);
void pv_vcpu_load(struct vcpu *v);
void pv_vcpu_save(struct vcpu *v);

/* physdev.c: drop what physdev_op holds of a dying domain's frames. */
void physdev_release(struct domain *d);

#endif /* ARCH_X86_PV_H */
