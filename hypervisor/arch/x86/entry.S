/* SPDX-License-Identifier: GPL-2.0-only */
/* Exception and interrupt entry: one 16-byte stub per vector builds the
 * error_code/entry_vector word, then a common path saves the GPRs into a
 * struct cpu_user_regs, calls do_trap() and returns through ret_from_intr,
 * by SYSRETQ to a guest where that is exact, otherwise by IRETQ. */

#include <asm/asm-macros.h>
#include <asm/config.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <public/xen.h>

/* Vectors and the entry-vector flag of a SYSCALL-style frame (the C
 * headers' values, which are not assembler-safe). */
#define TRAP_nmi            2
#define TRAP_machine_check  18
#define TRAP_syscall        256
/* The RFLAGS bits SYSRETQ loads from R11, and the one always set. */
#define SYSRET_RFLAGS       0x3c7fd7
#define X86_EFLAGS_MBS      2

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
        jmp     ret_from_intr

/*
 * NMI, on its own IST stack: it may arrive at any instruction, including
 * the few that run in ring 0 on the guest's stack pointer (the first of
 * the SYSCALL entry, the last of the SYSRET exit).  Nothing here schedules
 * or delivers events, so the frame may stay on the IST stack, and the
 * return is always IRETQ: SYSRET would leave NMIs blocked.
 */
        .globl  nmi_entry
nmi_entry:
        pushq   $0
        movl    $TRAP_nmi, 4(%rsp)
        SAVE_ALL
        mov     %rsp, %rdi
        sub     $8, %rsp
        call    do_nmi
        add     $8, %rsp
        RESTORE_ALL
        add     $8, %rsp
        iretq

/* #MC, on its own IST stack too; see ist_dispatch. */
        .globl  mce_entry
mce_entry:
        pushq   $0
        movl    $TRAP_machine_check, 4(%rsp)
        SAVE_ALL
        leaq    do_trap(%rip), %rbx
        jmp     ist_dispatch

/*
 * Common to the IST entries that may reach the guest exit path (#DB,
 * #MC), with the frame saved and the C handler in %rbx.  A frame from
 * ring 3 moves to its usual place at the top of the main stack, which is
 * unused while a guest runs: the exit path may switch VCPUs, which swaps
 * that frame, and a second exception of the same kind must find the IST
 * stack free.  A frame from the hypervisor stays where it is.
 */
        .globl  ist_dispatch
ist_dispatch:
        testb   $3, UREGS_cs(%rsp)
        jz      1f
        /* This CPU's struct cpu_info, whose first member is the frame. */
        movq    %rsp, %rdi
        orq     $(STACK_SIZE - 1), %rdi
        subq    cpu_info_size(%rip), %rdi
        incq    %rdi
        movq    %rdi, %r12
        movq    %rsp, %rsi
        movl    $UREGS_kernel_sizeof / 8, %ecx
        rep movsq
        movq    %r12, %rsp
1:      movq    %rsp, %rdi
        movq    %rsp, %r12
        andq    $-16, %rsp
        call    *%rbx
        movq    %r12, %rsp
        /* Fall through. */

/*
 * Return to whatever was interrupted, with %rsp at a cpu_user_regs.
 * Guest returns (ring 3) first pass the scheduler, then run the PV layer's
 * hook, with interrupts off so that nothing new can become pending after
 * they looked.
 */
        .globl  ret_from_intr
ret_from_intr:
        testb   $3, UREGS_cs(%rsp)
        jz      .Lrestore_iret
        cli
        /* The scheduler first: the frame may become another VCPU's. */
        sub     $8, %rsp
        call    pv_sched_exit_to_guest
        add     $8, %rsp
        mov     %rsp, %rdi
        sub     $8, %rsp
        call    pv_exit_to_guest
        add     $8, %rsp

        /*
         * SYSRETQ where it does exactly what IRETQ would, since it costs a
         * fraction of it: a frame marked as a SYSCALL-style return (the
         * guest entered by SYSCALL, or was sent to a callback through a
         * bounce frame, and expects RCX and R11 clobbered), 64-bit code
         * (SYSRETQ loads STAR's flat ring-3 CS and SS, so the frame must
         * hold those very selectors), RCX holding the return RIP, and R11
         * the flags: SYSRETQ loads RFLAGS from R11 less RF, VM and the
         * reserved bits, so the frame's flags must already be that.  The
         * RIP must be canonical: Intel's SYSRET raises #GP on a
         * non-canonical one in ring 0, on the guest's stack.  Anything
         * else (an IRET hypercall restoring RCX and R11, an exception's
         * frame, RF set, 32-bit code) leaves by IRETQ.
         */
        testb   $TRAP_syscall >> 8, UREGS_entry_vector + 1(%rsp)
        jz      .Lrestore_iret
        cmpw    $FLAT_KERNEL_CS64, UREGS_cs(%rsp)
        jne     .Lrestore_iret
        cmpw    $FLAT_KERNEL_SS64, UREGS_ss(%rsp)
        jne     .Lrestore_iret
        movq    UREGS_rip(%rsp), %rax
        cmpq    %rax, UREGS_rcx(%rsp)
        jne     .Lrestore_iret
        sarq    $47, %rax
        incq    %rax
        cmpq    $1, %rax
        ja      .Lrestore_iret
        movq    UREGS_r11(%rsp), %rax
        andq    $SYSRET_RFLAGS, %rax
        orq     $X86_EFLAGS_MBS, %rax
        cmpq    %rax, UREGS_rflags(%rsp)
        jne     .Lrestore_iret
        /*
         * An interrupt or exception from ring 3 left a null SS.  AMD CPUs
         * keep a null SS's attributes through SYSRET, which would break
         * 32-bit code the guest reaches by a far jump later; a flat SS of
         * ours is reloaded by SYSRET as it should be.
         */
        movw    %ss, %ax
        testw   %ax, %ax
        jnz     1f
        movl    $__HYPERVISOR_DS, %eax
        movl    %eax, %ss
1:      RESTORE_ALL
        /* From here to SYSRETQ we run in ring 0 on the guest's stack:
         * NMI and #MC have IST stacks, and interrupts are off. */
        movq    UREGS_rsp - UREGS_error_code(%rsp), %rsp
        sysretq

.Lrestore_iret:
        RESTORE_ALL
        add     $8, %rsp                /* error_code, entry_vector */
        iretq
