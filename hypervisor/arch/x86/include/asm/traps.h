/* SPDX-License-Identifier: GPL-2.0-only */
/* Trap and interrupt dispatch, and the hooks the PV layer provides. */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H

#include <hv/types.h>
#include <public/xen.h>

#define TRAP_divide_error       0
#define TRAP_debug              1
#define TRAP_nmi                2
#define TRAP_int3               3
#define TRAP_overflow           4
#define TRAP_bounds             5
#define TRAP_invalid_op         6
#define TRAP_no_device          7
#define TRAP_double_fault       8
#define TRAP_invalid_tss        10
#define TRAP_no_segment         11
#define TRAP_stack_error        12
#define TRAP_gp_fault           13
#define TRAP_page_fault         14
#define TRAP_copro_error        16
#define TRAP_alignment_check    17
#define TRAP_machine_check      18
#define TRAP_simd_error         19
#define TRAP_virtualisation     20
#define TRAP_control_protection 21

/* Page-fault error code bits. */
#define PFEC_present            (1u << 0)
#define PFEC_write_access       (1u << 1)
#define PFEC_user_mode          (1u << 2)
#define PFEC_reserved_bit       (1u << 3)
#define PFEC_insn_fetch         (1u << 4)

/* C entry from entry.S for every vector; regs->entry_vector says which. */
void do_trap(struct cpu_user_regs *regs);
/* NMIs, from their IST entry: nothing that locks or schedules. */
void do_nmi(struct cpu_user_regs *regs);

/*
 * Interrupt handlers for vectors 32..255, called with interrupts off
 * after the local APIC was acknowledged (EOI).  Returns -EBUSY if taken.
 */
typedef void (*irq_handler_t)(struct cpu_user_regs *regs);
int request_irq(unsigned int vector, irq_handler_t handler);

/*
 * PV layer hooks (weak defaults here):
 * - pv_trap_from_guest(): an exception (vector < 32) from ring 3.  The
 *   default reports "guest fault" and panics.  For #PF, CR2 is in
 *   get_cpu_info()->cr2.  For NMI, #DF and #MC the frame is on an IST
 *   stack, not in guest_cpu_user_regs().
 * - pv_exit_to_guest(): last thing before iretq to ring 3, interrupts
 *   off; the default does nothing.
 */
void pv_trap_from_guest(struct cpu_user_regs *regs);
void pv_exit_to_guest(struct cpu_user_regs *regs);

/* The full register report used for fatal traps (level: LOG_* prefix). */
void show_registers(const struct cpu_user_regs *regs);

/* Name of an exception vector ("page fault"), or NULL for an interrupt. */
const char *trap_name(unsigned int vector);

/* The common return path (entry.S): %rsp must point at a cpu_user_regs. */
void ret_from_intr(void);

#endif /* ASM_TRAPS_H */
