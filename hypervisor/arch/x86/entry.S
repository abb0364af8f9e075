/* SPDX-License-Identifier: GPL-2.0-only */
/* Exception and interrupt entry: one 16-byte stub per vector builds the
 * error_code/entry_vector word, then a common path saves the GPRs into a
 * struct cpu_user_regs, calls do_trap() and returns through ret_from_intr. */

#include <asm/asm-macros.h>
#include <asm/processor.h>

/* Vectors for which the CPU pushes an error code itself. */
#define HAS_ERRCODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
                        (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

        .text
        .balign 16
        .globl  entry_stubs
entry_stubs:
        .set    vec, 0
        .rept   256
        .balign 16
        .if     !HAS_ERRCODE(vec)
        push    $0
        .endif
        movl    $vec, 4(%rsp)
        /* jmp rel32, spelled out so every stub has a known size. */
        .byte   0xe9
        .long   common_entry - (. + 4)
        .set    vec, vec + 1
        .endr
        .balign 16
        /* The linker script checks that this is entry_stubs + 4096. */
        .globl  entry_stubs_end
entry_stubs_end:

common_entry:
        SAVE_ALL
        mov     %rsp, %rdi
        /* The frame leaves %rsp 8 mod 16; C wants 0 at a call. */
        sub     $8, %rsp
        call    do_trap
        add     $8, %rsp

/*
 * Return to whatever was interrupted, with %rsp at a cpu_user_regs.
 * Guest returns (ring 3) first pass the scheduler, then run the PV layer's
 * hook, with interrupts off so that nothing new can become pending after
 * they looked.
 */
        .globl  ret_from_intr
ret_from_intr:
        testb   $3, UREGS_cs(%rsp)
        jz      1f
        cli
        /* The scheduler first: the frame may become another VCPU's. */
        sub     $8, %rsp
        call    pv_sched_exit_to_guest
        add     $8, %rsp
        mov     %rsp, %rdi
        sub     $8, %rsp
        call    pv_exit_to_guest
        add     $8, %rsp
1:      RESTORE_ALL
        add     $8, %rsp                /* error_code, entry_vector */
        iretq
