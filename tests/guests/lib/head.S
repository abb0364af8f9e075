/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest entry: the hypervisor starts us in ring 3 at _start with RSI
 * pointing to start_info and RSP at the top of its one-page boot stack.
 */
#include "regs.h"

#define STACK_SIZE (16 * 1024)

    .section .text.entry, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    /* Record every register first: the start_info test checks them. */
    mov %rax, entry_regs + REGS_rax(%rip)
    mov %rbx, entry_regs + REGS_rbx(%rip)
    mov %rcx, entry_regs + REGS_rcx(%rip)
    mov %rdx, entry_regs + REGS_rdx(%rip)
    mov %rsi, entry_regs + REGS_rsi(%rip)
    mov %rdi, entry_regs + REGS_rdi(%rip)
    mov %rbp, entry_regs + REGS_rbp(%rip)
    mov %rsp, entry_regs + REGS_rsp(%rip)
    mov %r8, entry_regs + REGS_r8(%rip)
    mov %r9, entry_regs + REGS_r9(%rip)
    mov %r10, entry_regs + REGS_r10(%rip)
    mov %r11, entry_regs + REGS_r11(%rip)
    mov %r12, entry_regs + REGS_r12(%rip)
    mov %r13, entry_regs + REGS_r13(%rip)
    mov %r14, entry_regs + REGS_r14(%rip)
    mov %r15, entry_regs + REGS_r15(%rip)
    pushfq
    popq entry_regs + REGS_rflags(%rip)
    xor %eax, %eax
    mov %cs, %ax
    mov %rax, entry_regs + REGS_cs(%rip)
    mov %ss, %ax
    mov %rax, entry_regs + REGS_ss(%rip)
    mov %ds, %ax
    mov %rax, entry_regs + REGS_ds(%rip)
    mov %es, %ax
    mov %rax, entry_regs + REGS_es(%rip)
    mov %fs, %ax
    mov %rax, entry_regs + REGS_fs(%rip)
    mov %gs, %ax
    mov %rax, entry_regs + REGS_gs(%rip)

    cld
    /*
     * The loader must have zeroed .bss (the ELF segment's tail beyond its
     * file size).  Note whether it did for the start-info test, then make
     * sure of it: the framework's own state lives there.
     */
    lea _bss_start(%rip), %rdi
    lea _bss_end(%rip), %rcx
    sub %rdi, %rcx
    shr $3, %rcx
    xor %eax, %eax
    mov %rcx, %rdx
    repe scasq
    setne %al
    mov %rax, bss_was_dirty(%rip)
    lea _bss_start(%rip), %rdi
    mov %rdx, %rcx
    xor %eax, %eax
    rep stosq

    /* Our own stack, so tests need not fit in the boot stack's page. */
    lea boot_stack_top(%rip), %rsp
    mov %rsi, %rdi
    call hvtest_start
    ud2
    .size _start, . - _start

    .data
    .p2align 3
    .globl bss_was_dirty
bss_was_dirty:
    .quad 0

    .bss
    .p2align 12
boot_stack:
    .skip STACK_SIZE
boot_stack_top:

    .section .note.GNU-stack, "", @progbits
