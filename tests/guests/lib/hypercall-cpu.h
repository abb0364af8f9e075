/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPU-side hypercalls of a 64-bit PV guest (traps, callbacks, stacks,
 * segments, descriptors, FPU, debug registers) and the few memory and
 * event ones their tests lean on, as typed wrappers.
 */
#ifndef HVTEST_HYPERCALL_CPU_H
#define HVTEST_HYPERCALL_CPU_H

#include "hypercall.h"
#include <public/callback.h>
#include <public/event_channel.h>
#include <public/nmi.h>

static inline long HYPERVISOR_set_trap_table(const struct trap_info *t)
{
    return hypercall1(__HYPERVISOR_set_trap_table, t);
}

static inline long HYPERVISOR_callback_op(int cmd, const void *arg)
{
    return hypercall2(__HYPERVISOR_callback_op, cmd, arg);
}

static inline long HYPERVISOR_set_callbacks(unsigned long event,
                                            unsigned long failsafe,
                                            unsigned long syscall)
{
    return hypercall3(__HYPERVISOR_set_callbacks, event, failsafe, syscall);
}

static inline long HYPERVISOR_nmi_op(unsigned int cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_nmi_op, cmd, arg);
}

static inline long HYPERVISOR_stack_switch(unsigned long ss, unsigned long sp)
{
    return hypercall2(__HYPERVISOR_stack_switch, ss, sp);
}

static inline long HYPERVISOR_set_segment_base(unsigned int which,
                                               unsigned long base)
{
    return hypercall2(__HYPERVISOR_set_segment_base, which, base);
}

static inline long HYPERVISOR_fpu_taskswitch(int set)
{
    return hypercall1(__HYPERVISOR_fpu_taskswitch, set);
}

static inline long HYPERVISOR_set_debugreg(int reg, unsigned long value)
{
    return hypercall2(__HYPERVISOR_set_debugreg, reg, value);
}

static inline long HYPERVISOR_get_debugreg(int reg)
{
    return hypercall1(__HYPERVISOR_get_debugreg, reg);
}

static inline long HYPERVISOR_update_descriptor(uint64_t maddr,
                                                uint64_t desc)
{
    return hypercall2(__HYPERVISOR_update_descriptor, maddr, desc);
}

static inline long HYPERVISOR_set_gdt(const unsigned long *frames,
                                      unsigned int entries)
{
    return hypercall2(__HYPERVISOR_set_gdt, frames, entries);
}

static inline long HYPERVISOR_update_va_mapping(unsigned long va,
                                                uint64_t pte,
                                                unsigned long flags)
{
    return hypercall3(__HYPERVISOR_update_va_mapping, va, pte, flags);
}

static inline long HYPERVISOR_mmuext_op(struct mmuext_op *op,
                                        unsigned int count,
                                        unsigned int *done)
{
    return hypercall5(__HYPERVISOR_mmuext_op, (unsigned long)op, count,
                      (unsigned long)done, DOMID_SELF, 0);
}

static inline long HYPERVISOR_event_channel_op(int cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_event_channel_op, cmd, arg);
}

static inline long HYPERVISOR_vcpu_op(int cmd, unsigned int vcpu, void *arg)
{
    return hypercall3(__HYPERVISOR_vcpu_op, cmd, vcpu, arg);
}

static inline long HYPERVISOR_vm_assist(unsigned int cmd, unsigned int type)
{
    return hypercall2(__HYPERVISOR_vm_assist, cmd, type);
}

#endif /* HVTEST_HYPERCALL_CPU_H */
