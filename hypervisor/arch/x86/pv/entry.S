/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SYSCALL entry from a PV guest (hypercalls from guest kernel mode, system
 * calls from guest user mode) and the first entry into a guest.
 *
 * SYSCALL leaves us in ring 0 on the guest's stack with RIP in RCX and
 * RFLAGS in R11; SFMASK has cleared IF, so nothing can interrupt us until
 * we are on our own stack.  We then build the same struct cpu_user_regs
 * frame that an exception from ring 3 would have produced, at the top of
 * this CPU's stack, and leave through the common exit path.
 */
#include <asm/asm-macros.h>
#include <public/xen.h>

/* entry_vector value marking a frame built by SYSCALL (as Xen numbers it). */
#define TRAP_syscall 256
/* offsetof(struct cpu_user_regs, entry_vector): 15 GPRs, error code. */
#define REGS_ENTRY_VECTOR (15 * 8 + 4)

        .section .bss
        .balign 8
pv_syscall_guest_rsp:
        .quad   0
        /* Where SYSCALL frames go: &cpu_info->guest_cpu_user_regs.es.
         * A single CPU for now: per-CPU entry stubs come with SMP. */
        .globl  pv_syscall_stack
pv_syscall_stack:
        .quad   0

        .text
        .macro  SYSCALL_FRAME cs
        movq    %rsp, pv_syscall_guest_rsp(%rip)
        movq    pv_syscall_stack(%rip), %rsp
        pushq   $FLAT_KERNEL_SS
        pushq   pv_syscall_guest_rsp(%rip)
        pushq   %r11
        pushq   $\cs
        pushq   %rcx
        pushq   $0
        movl    $TRAP_syscall, 4(%rsp)
        SAVE_ALL
        .endm

        .globl  pv_syscall_entry
pv_syscall_entry:
        SYSCALL_FRAME FLAT_KERNEL_CS
        movq    %rsp, %rdi
        sti
        call    pv_syscall
        cli
        jmp     ret_from_intr

        /* SYSCALL from 32-bit code: we run no 32-bit PV guests, so the
         * guest only learns of it as a fault (see pv_syscall). */
        .globl  pv_syscall_entry_compat
pv_syscall_entry_compat:
        SYSCALL_FRAME FLAT_USER_CS32
        movl    $TRAP_syscall + 1, REGS_ENTRY_VECTOR(%rsp)
        movq    %rsp, %rdi
        sti
        call    pv_syscall
        cli
        jmp     ret_from_intr

        /*
         * int $0x80 from the guest, through a DPL-3 gate so that it need
         * not take the #GP path every other int $n takes.
         */
        .globl  pv_int80_entry
pv_int80_entry:
        pushq   $0
        movl    $0x80, 4(%rsp)
        SAVE_ALL
        movq    %rsp, %rdi
        subq    $8, %rsp
        call    pv_int80
        addq    $8, %rsp
        jmp     ret_from_intr

        /*
         * #DB, from the guest or from our own accesses to its memory.  It
         * comes on its own IST stack: MOV SS can hold a guest's #DB back
         * until the first instruction of our SYSCALL entry, which still
         * runs on the guest's stack pointer.  A frame from the guest then
         * moves to the usual place, so that the IST stack is free again
         * should bouncing it hit another of the guest's breakpoints.
         */
        .globl  pv_debug_entry
pv_debug_entry:
        pushq   $0
        movl    $1, 4(%rsp)
        SAVE_ALL
        testb   $3, UREGS_cs(%rsp)
        jz      1f
        movq    pv_syscall_stack(%rip), %rdi
        subq    $UREGS_kernel_sizeof, %rdi
        movq    %rdi, %rbx
        movq    %rsp, %rsi
        movl    $UREGS_kernel_sizeof / 8, %ecx
        rep movsq
        movq    %rbx, %rsp
1:      movq    %rsp, %rdi
        movq    %rsp, %rbx
        andq    $-16, %rsp
        call    pv_debug_exception
        movq    %rbx, %rsp
        jmp     ret_from_intr

        /* Start running a guest whose frame is at the top of our stack. */
        .globl  pv_enter_guest
pv_enter_guest:
        cli
        movq    %rdi, %rsp
        jmp     ret_from_intr
