/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls and sub-operations that exist for features we do not have
 * (HVM, IRQ routing, machine checks, PMU): Xen 4.17's answers to a PV guest.
 */
#ifndef HV_ANSWERS_H
#define HV_ANSWERS_H

#include <hv/types.h>

/* memory_op commands past the reservations and maps (common/). */
long memory_op_answer(unsigned long cmd, guest_va_t arg);

/* Whole hypercalls (common/hypercall-answers.c). */
long do_xenpmu_op(unsigned int op, guest_va_t arg);
long do_mca(guest_va_t arg);
long do_paging_domctl_cont(guest_va_t arg);
long hvm_op_answer(unsigned long op, guest_va_t arg);
long kexec_op_answer(unsigned long op, guest_va_t arg);

/* sysctl's machine topology and free memory (common/sysctl-info.c). */
struct xen_sysctl_availheap;
struct xen_sysctl_cputopoinfo;
struct xen_sysctl_numainfo;
void sysctl_availheap(struct xen_sysctl_availheap *a);
int sysctl_cputopoinfo(struct xen_sysctl_cputopoinfo *ti);
int sysctl_numainfo(struct xen_sysctl_numainfo *ni);

#endif /* HV_ANSWERS_H */
