/* SPDX-License-Identifier: GPL-2.0-only */
/* Assembler helpers shared by every entry path: the register frame is
 * struct cpu_user_regs, built by the CPU (rip..ss), the entry stub
 * (error_code, entry_vector) and SAVE_ALL (the 15 GPRs). */
#ifndef ASM_ASM_MACROS_H
#define ASM_ASM_MACROS_H

/* Offsets in struct cpu_user_regs (checked against C in traps.c). */
#define UREGS_r15           0
#define UREGS_r14           8
#define UREGS_r13           16
#define UREGS_r12           24
#define UREGS_rbp           32
#define UREGS_rbx           40
#define UREGS_r11           48
#define UREGS_r10           56
#define UREGS_r9            64
#define UREGS_r8            72
#define UREGS_rax           80
#define UREGS_rcx           88
#define UREGS_rdx           96
#define UREGS_rsi           104
#define UREGS_rdi           112
#define UREGS_error_code    120
#define UREGS_entry_vector  124
#define UREGS_rip           128
#define UREGS_cs            136
#define UREGS_rflags        144
#define UREGS_rsp           152
#define UREGS_ss            160
#define UREGS_es            168
#define UREGS_kernel_sizeof 168     /* what an entry pushes: up to ss */
#define UREGS_sizeof        200

#ifdef __ASSEMBLY__

/*
 * With the hardware frame and error_code/entry_vector on the stack, push
 * the GPRs so that %rsp points at a complete struct cpu_user_regs.  The
 * CPU aligned the stack to 16 before its pushes, so %rsp is now 8 mod 16:
 * callers of C adjust by 8 (see entry.S).
 */
.macro SAVE_ALL
        cld
        push    %rdi
        push    %rsi
        push    %rdx
        push    %rcx
        push    %rax
        push    %r8
        push    %r9
        push    %r10
        push    %r11
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
.endm

/* The reverse: %rsp then points at error_code; skip 8 bytes to iretq. */
.macro RESTORE_ALL
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        pop     %r11
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rax
        pop     %rcx
        pop     %rdx
        pop     %rsi
        pop     %rdi
.endm

#endif /* __ASSEMBLY__ */

#endif /* ASM_ASM_MACROS_H */
