/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interfaces of the x86-64 PV layer. */
#ifndef ARCH_X86_PV_H
#define ARCH_X86_PV_H

#include <hv/types.h>
#include <public/xen.h>

struct domain;
struct vcpu;
struct boot_module;

/* hypercall.c */
void pv_hypercall(struct cpu_user_regs *regs);
bool pv_hypercall_known(unsigned long nr);

/* hypercall-page.c */
void pv_write_hypercall_page(uint8_t *page);

/* dom0-build.c */
int pv_build_dom0(struct domain *d, const struct boot_module *kernel,
                  const struct boot_module *initrd);

/* domain.c */
void pv_init_guest_l4(uint64_t *l4);
void __noreturn pv_run_vcpu(struct vcpu *v);

/* entry.S */
void pv_syscall_entry(void);
void pv_syscall_entry_compat(void);
void __noreturn pv_enter_guest(struct cpu_user_regs *frame);
extern uint64_t pv_syscall_stack;

/* traps.c */
void pv_syscall(struct cpu_user_regs *regs);
void pv_dump_regs(const struct cpu_user_regs *regs);

#endif /* ARCH_X86_PV_H */
