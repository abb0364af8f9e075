/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Secondary CPUs: from real mode at TRAMPOLINE_PHYS, where the startup IPI
 * sends them, to 64-bit mode at the linked address and into
 * start_secondary().  trampoline_start..trampoline_end is copied there;
 * it runs on head.S's boot page tables, which map the low 4 GiB 1:1 and
 * the image, until the idle page tables are loaded.
 */
#include <asm/config.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/page.h>
#include <asm/smp.h>

#define sym_phys(s)     ((s) - HV_VIRT_START + HV_LOAD_PHYS)
#define tramp_phys(s)   ((s) - trampoline_start + TRAMPOLINE_PHYS)

#define T_CS32          0x08
#define T_DS            0x10
#define T_CS64          0x18

        .text
        .code16
        .balign 16
        .globl  trampoline_start
trampoline_start:
        cli
        cld
        mov     %cs, %ax
        mov     %ax, %ds
        lgdtl   tramp_gdt_desc - trampoline_start
        mov     %cr0, %eax
        or      $X86_CR0_PE, %eax
        mov     %eax, %cr0
        ljmpl   $T_CS32, $tramp_phys(tramp32)

        .code32
tramp32:
        mov     $T_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss
        /* As the boot CPU did in head.S: PAE, EFER, then paging. */
        mov     $X86_CR4_PAE, %eax
        mov     %eax, %cr4
        mov     $sym_phys(boot_l4), %eax
        mov     %eax, %cr3
        mov     $MSR_EFER, %ecx
        rdmsr
        or      $(EFER_LME | EFER_NXE | EFER_SCE), %eax
        wrmsr
        mov     $(X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_ET | \
                  X86_CR0_MP | X86_CR0_PE), %eax
        mov     %eax, %cr0
        ljmp    $T_CS64, $tramp_phys(tramp64)

        .code64
tramp64:
        movabs  $ap_start64, %rax
        jmp     *%rax

        .balign 8
tramp_gdt:
        .quad   0
        .quad   0x00cf9a000000ffff      /* 0x08: 32-bit code */
        .quad   0x00cf92000000ffff      /* 0x10: flat data */
        .quad   0x00af9a000000ffff      /* 0x18: 64-bit code */
tramp_gdt_end:
tramp_gdt_desc:
        .word   tramp_gdt_end - tramp_gdt - 1
        .long   tramp_phys(tramp_gdt)
        .globl  trampoline_end
trampoline_end:

        /*
         * At the linked address.  The idle page tables and the boot CPU's
         * CR4 first (the new stack may lie beyond what the boot tables
         * map); start_secondary() loads this CPU's own GDT before anything
         * touches a segment register.
         */
ap_start64:
        mov     ap_cr3(%rip), %rax
        mov     %rax, %cr3
        mov     ap_cr4(%rip), %rax
        mov     %rax, %cr4
        mov     ap_stack_top(%rip), %rsp
        xor     %ebp, %ebp
        call    start_secondary
        ud2
