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
#include <asm/config.h>
#include <public/xen.h>

/* entry_vector value marking a frame built by SYSCALL (as Xen numbers it). */
#define TRAP_syscall 256
/* Bytes per CPU's SYSCALL stub (pv.h has the same). */
#define PV_SYSCALL_STUB_SIZE 64

        /*
         * Per CPU, 16 bytes: the guest's RSP at SYSCALL, and where the frame
         * goes (&cpu_info->guest_cpu_user_regs.es).  Each CPU enters through
         * its own stubs (LSTAR, CSTAR), which reach only its own slots.
         */
        .section .bss
        .balign 16
        .globl  pv_syscall_slots
pv_syscall_slots:
        .skip   16 * NR_CPUS

        .text
        /* The frame SYSCALL leaves to us, up to error_code/entry_vector. */
        .macro  SYSCALL_FRAME cs, cpu
        movq    %rsp, pv_syscall_slots + 16 * \cpu(%rip)
        movq    pv_syscall_slots + 16 * \cpu + 8(%rip), %rsp
        pushq   $FLAT_KERNEL_SS
        pushq   pv_syscall_slots + 16 * \cpu(%rip)
        pushq   %r11
        pushq   $\cs
        pushq   %rcx
        pushq   $0
        .endm

        .balign PV_SYSCALL_STUB_SIZE
        .globl  pv_syscall_stubs
pv_syscall_stubs:
        .set    cpu, 0
        .rept   NR_CPUS
        .balign PV_SYSCALL_STUB_SIZE
        SYSCALL_FRAME FLAT_KERNEL_CS, cpu
        jmp     pv_syscall_64
        .set    cpu, cpu + 1
        .endr

        .balign PV_SYSCALL_STUB_SIZE
        .globl  pv_syscall_stubs_compat
pv_syscall_stubs_compat:
        .set    cpu, 0
        .rept   NR_CPUS
        .balign PV_SYSCALL_STUB_SIZE
        SYSCALL_FRAME FLAT_USER_CS32, cpu
        jmp     pv_syscall_32
        .set    cpu, cpu + 1
        .endr

pv_syscall_64:
        movl    $TRAP_syscall, 4(%rsp)
        jmp     1f
        /* SYSCALL from 32-bit code: we run no 32-bit PV guests, so the
         * guest only learns of it as a fault (see pv_syscall). */
pv_syscall_32:
        movl    $TRAP_syscall + 1, 4(%rsp)
1:      SAVE_ALL
        sti
        /* pv_syscall takes the hypervisor lock where it needs it. */
        movq    %rsp, %rdi
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
         * runs on the guest's stack pointer.  ist_dispatch (entry.S) moves
         * a frame from the guest to the usual place, so that the IST stack
         * is free again should bouncing it hit another of the guest's
         * breakpoints.
         */
        .globl  pv_debug_entry
pv_debug_entry:
        pushq   $0
        movl    $1, 4(%rsp)
        SAVE_ALL
        leaq    pv_debug_exception(%rip), %rbx
        jmp     ist_dispatch

        /* Start running a guest whose frame is at the top of our stack. */
        .globl  pv_enter_guest
pv_enter_guest:
        cli
        movq    %rdi, %rsp
        jmp     ret_from_intr
