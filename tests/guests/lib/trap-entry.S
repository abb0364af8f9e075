/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trap, interrupt and callback entry stubs, the way back through
 * HYPERVISOR_iret, and the jump into guest user mode.
 *
 * The hypervisor enters a handler with RSP at its frame: RCX, R11,
 * [error code], RIP, CS, RFLAGS, RSP, SS.  Each stub first makes the frame
 * uniform (an error code slot always), pushes the vector and the general
 * registers, and hands the whole struct trap_frame to trap_dispatch().
 */
#include <public/xen.h>
#include "traps.h"

/* Vectors for which the CPU pushes an error code (Xen's list). */
#define HAS_EC(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
                   (v) == 21 || (v) == 29 || (v) == 30)

/* [RCX, R11, RIP...] -> [RCX, R11, 0, RIP...]: open the error code slot. */
.macro insert_ec
    sub $8, %rsp
    push %rax
    mov 16(%rsp), %rax
    mov %rax, 8(%rsp)
    mov 24(%rsp), %rax
    mov %rax, 16(%rsp)
    movq $0, 24(%rsp)
    pop %rax
.endm

    .text

/* Exceptions 0-31: error code as the CPU gives it. */
    .p2align 6
    .globl trap_stubs_hw
trap_stubs_hw:
    .set vec, 0
    .rept 32
    .p2align 6
    .if !HAS_EC(vec)
    insert_ec
    .endif
    push $vec
    jmp trap_common
    .set vec, vec + 1
    .endr

/* Any vector as a software interrupt: never an error code. */
    .p2align 6
    .globl trap_stubs_sw
trap_stubs_sw:
    .set vec, 0
    .rept 256
    .p2align 6
    insert_ec
    push $vec
    jmp trap_common
    .set vec, vec + 1
    .endr

/* Event upcall, system calls: frames without error code. */
    .p2align 6
    .globl trap_stub_event
trap_stub_event:
    insert_ec
    push $VEC_EVENT
    jmp trap_common

    .p2align 6
    .globl trap_stub_syscall
trap_stub_syscall:
    insert_ec
    push $VEC_SYSCALL
    jmp trap_common

    .p2align 6
    .globl trap_stub_syscall32
trap_stub_syscall32:
    insert_ec
    push $VEC_SYSCALL32
    jmp trap_common

/*
 * Failsafe: [RCX, R11, DS, ES, FS, GS, RIP...].  Keep the selectors
 * aside, then fold the frame into the usual shape.
 */
    .p2align 6
    .globl trap_stub_failsafe
trap_stub_failsafe:
    push %rax
    mov 24(%rsp), %rax
    mov %rax, failsafe_segs(%rip)
    mov 32(%rsp), %rax
    mov %rax, failsafe_segs + 8(%rip)
    mov 40(%rsp), %rax
    mov %rax, failsafe_segs + 16(%rip)
    mov 48(%rsp), %rax
    mov %rax, failsafe_segs + 24(%rip)
    mov 16(%rsp), %rax          /* R11 */
    mov %rax, 40(%rsp)
    mov 8(%rsp), %rax           /* RCX */
    mov %rax, 32(%rsp)
    movq $0, 48(%rsp)
    pop %rax
    add $24, %rsp
    push $VEC_FAILSAFE
    jmp trap_common

trap_common:
    push %rdi
    push %rsi
    push %rdx
    push %rcx
    push %rax
    push %r8
    push %r9
    push %r10
    push %r11
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    cld
    mov %rsp, %rdi
    mov %rsp, %rbx
    and $-16, %rsp
    call trap_dispatch
    mov %rbx, %rsp
    /* fall through */

/*
 * Return to what the frame at RSP describes.  The four words below RIP
 * (vector, RCX, R11, error code) become the iret context's RAX, R11,
 * RCX and flags.
 */
    .globl trap_return
trap_return:
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rax
    pop %rcx
    pop %rdx
    pop %rsi
    pop %rdi
    mov %rax, (%rsp)
    mov 8(%rsp), %rcx
    mov 16(%rsp), %r11
    mov %r11, 8(%rsp)
    mov %rcx, 16(%rsp)
    movq $0, 24(%rsp)
    mov $__HYPERVISOR_iret, %eax
    syscall
    ud2

/* long hypervisor_iret_to(const struct iret_context *ctx) */
    .globl hypervisor_iret_to
hypervisor_iret_to:
    mov %rdi, %rsp
    mov $__HYPERVISOR_iret, %eax
    syscall
    ud2

/*
 * long user_enter(rip, rsp, arg, rflags): run user code at rip with
 * RDI = arg.  It comes back through user_resume(value), which returns
 * value from here.
 */
    .globl user_enter
user_enter:
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    mov %rsp, user_kernel_rsp(%rip)
    push $FLAT_USER_SS          /* ss */
    push %rsi                   /* rsp */
    push %rcx                   /* rflags */
    push $FLAT_USER_CS          /* cs */
    push %rdi                   /* rip */
    push $0                     /* flags */
    push $0                     /* rcx */
    push $0                     /* r11 */
    push $0                     /* rax */
    mov %rdx, %rdi
    xor %esi, %esi
    xor %edx, %edx
    xor %ebx, %ebx
    xor %ebp, %ebp
    xor %r8d, %r8d
    xor %r9d, %r9d
    xor %r10d, %r10d
    xor %r12d, %r12d
    xor %r13d, %r13d
    xor %r14d, %r14d
    xor %r15d, %r15d
    mov $__HYPERVISOR_iret, %eax
    syscall
    ud2

/* void user_resume(long value): back to user_enter's caller. */
    .globl user_resume
user_resume:
    mov user_kernel_rsp(%rip), %rsp
    mov %rdi, %rax
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    ret

/* User mode's exit: SYSCALL with the exit marker. */
    .globl user_exit
user_exit:
    mov $USER_EXIT, %eax
    syscall
    ud2

    .bss
    .p2align 3
user_kernel_rsp:
    .skip 8
    .globl failsafe_segs
failsafe_segs:
    .skip 32

    .section .note.GNU-stack, "", @progbits
