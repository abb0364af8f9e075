/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Register probes: make one hypercall with every general register set to
 * a chosen value and report what each holds afterwards.
 */
#include "regs.h"

/* Guests built without the hypercall page leave this at zero. */
    .weak hypercall_page

/* Save callee-saved registers and the out pointer, load all from *in. */
.macro probe_enter
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    push %rsi
    mov REGS_rax(%rdi), %rax
    mov REGS_rbx(%rdi), %rbx
    mov REGS_rcx(%rdi), %rcx
    mov REGS_rdx(%rdi), %rdx
    mov REGS_rsi(%rdi), %rsi
    mov REGS_rbp(%rdi), %rbp
    mov REGS_r8(%rdi), %r8
    mov REGS_r9(%rdi), %r9
    mov REGS_r10(%rdi), %r10
    mov REGS_r11(%rdi), %r11
    mov REGS_r12(%rdi), %r12
    mov REGS_r13(%rdi), %r13
    mov REGS_r14(%rdi), %r14
    mov REGS_r15(%rdi), %r15
    mov REGS_rdi(%rdi), %rdi
    mov %rsp, probe_rsp(%rip)
.endm

/* Store every register into the saved out pointer, restore, return. */
.macro probe_leave
    push %rdi
    mov 8(%rsp), %rdi
    mov %rax, REGS_rax(%rdi)
    mov %rbx, REGS_rbx(%rdi)
    mov %rcx, REGS_rcx(%rdi)
    mov %rdx, REGS_rdx(%rdi)
    mov %rsi, REGS_rsi(%rdi)
    mov %rbp, REGS_rbp(%rdi)
    mov %r8, REGS_r8(%rdi)
    mov %r9, REGS_r9(%rdi)
    mov %r10, REGS_r10(%rdi)
    mov %r11, REGS_r11(%rdi)
    mov %r12, REGS_r12(%rdi)
    mov %r13, REGS_r13(%rdi)
    mov %r14, REGS_r14(%rdi)
    mov %r15, REGS_r15(%rdi)
    /* RSP is reported as its change across the call: 0 when balanced. */
    lea 8(%rsp), %rax
    sub probe_rsp(%rip), %rax
    mov %rax, REGS_rsp(%rdi)
    pushfq
    pop %rax
    mov %rax, REGS_rflags(%rdi)
    pop %rax
    mov %rax, REGS_rdi(%rdi)
    add $8, %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
.endm

    .text
    .globl regs_syscall_probe
    .type regs_syscall_probe, @function
regs_syscall_probe:
    probe_enter
    syscall
    probe_leave
    ret
    .size regs_syscall_probe, . - regs_syscall_probe

    .globl regs_page_probe
    .type regs_page_probe, @function
regs_page_probe:
    /* Every register carries a test value, so the target lives in memory. */
    mov REGS_rax(%rdi), %rax
    shl $5, %rax
    mov $hypercall_page, %rcx
    add %rcx, %rax
    mov %rax, page_target(%rip)
    probe_enter
    call *page_target(%rip)
    probe_leave
    ret
    .size regs_page_probe, . - regs_page_probe

    .bss
    .p2align 3
page_target:
    .skip 8
probe_rsp:
    .skip 8

    .section .note.GNU-stack, "", @progbits
