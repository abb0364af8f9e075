/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall handlers.  Each do_*() takes the guest's arguments with the
 * types Xen gives them (so a 32-bit argument ignores the upper half of its
 * register, as on Xen) and returns the value the guest sees in RAX.
 */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>
#include <hv/guest-access.h>

long do_xen_version(int cmd, guest_va_t arg);
long do_console_io(unsigned int cmd, unsigned int count, guest_va_t buffer);
long do_sched_op(int cmd, guest_va_t arg);
long do_sched_op_compat(int cmd, unsigned long arg);
long do_set_timer_op(uint64_t timeout);
long do_vcpu_op(int cmd, unsigned int vcpuid, guest_va_t arg);

/* PV memory management (arch/x86/mm/, common/memory.c). */
long do_mmu_update(guest_va_t ureqs, unsigned int count, guest_va_t pdone,
                   unsigned int foreigndom);
long do_mmuext_op(guest_va_t uops, unsigned int count, guest_va_t pdone,
                  unsigned int foreigndom);
long do_update_va_mapping(unsigned long va, uint64_t val, unsigned long flags);
long do_update_va_mapping_otherdomain(unsigned long va, uint64_t val,
                                      unsigned long flags, domid_t domid);
long do_memory_op(unsigned long cmd, guest_va_t arg);
long arch_memory_op(unsigned long cmd, guest_va_t arg);
long do_vm_assist(unsigned int cmd, unsigned int type);
long do_multicall(guest_va_t call_list, uint32_t nr_calls);

/* Grant tables (common/grant_table.c). */
long do_grant_table_op(unsigned int cmd, guest_va_t uop, unsigned int count);

/* Domain and system control (common/domctl.c, sysctl.c). */
long do_domctl(guest_va_t u_domctl);
long do_sysctl(guest_va_t u_sysctl);

#endif /* HV_HYPERCALL_H */
