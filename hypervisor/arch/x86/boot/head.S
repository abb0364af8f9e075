/* SPDX-License-Identifier: GPL-2.0-only */
/* Multiboot v1 entry: from 32-bit protected mode without paging to
 * 64-bit mode at the linked (high) address, then into start_hv(). */

#include <asm/config.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/page.h>

#define sym_phys(s)     ((s) - HV_VIRT_START + HV_LOAD_PHYS)

#define MB_MAGIC        0x1badb002
#define MB_BOOT_MAGIC   0x2badb002
/* Page-aligned modules, memory information, header address fields. */
#define MB_FLAGS        0x00010003

#define BOOT_CS         0x08
#define BOOT_DS         0x10

#define COM1            0x3f8

        .section .text.head, "ax", @progbits
        .code32
        .balign 4
multiboot_header:
        .long   MB_MAGIC
        .long   MB_FLAGS
        .long   -(MB_MAGIC + MB_FLAGS)
        .long   sym_phys(multiboot_header)
        .long   sym_phys(_stext)
        .long   sym_phys(_edata)
        .long   sym_phys(__bss_end)
        .long   sym_phys(start)

        .globl  start
start:
        cli
        cld
        mov     %ebx, %ebp                  /* multiboot info, kept */
        cmp     $MB_BOOT_MAGIC, %eax
        mov     $sym_phys(msg_not_multiboot), %esi
        jne     early_fail

        /* The loader may not clear .bss: the page tables below need it. */
        mov     $sym_phys(__bss_start), %edi
        mov     $sym_phys(__bss_end), %ecx
        sub     %edi, %ecx
        xor     %eax, %eax
        rep stosb

        /* Long mode and NX are the minimum; say so rather than reset. */
        mov     $0x80000000, %eax
        cpuid
        cmp     $0x80000001, %eax
        mov     $sym_phys(msg_no_long_mode), %esi
        jb      early_fail
        mov     $0x80000001, %eax
        cpuid
        bt      $29, %edx
        jnc     early_fail
        bt      $20, %edx
        mov     $sym_phys(msg_no_nx), %esi
        jnc     early_fail

        /*
         * Boot page tables: the low 4 GiB both 1:1 (to survive turning
         * paging on) and at DIRECTMAP_VIRT_START (so C code can reach the
         * multiboot data and the first free frames through maddr_to_virt()
         * before the real tables exist), plus the image at HV_VIRT_START.
         * Both views share one L3 and its four L2 tables of 2 MiB pages.
         */
        mov     $sym_phys(boot_l3_low) + __PAGE_HYPERVISOR_TABLE, %eax
        mov     %eax, sym_phys(boot_l4)
        mov     %eax, sym_phys(boot_l4) + 8 * 262
        mov     $sym_phys(boot_l3_hv) + __PAGE_HYPERVISOR_TABLE, %eax
        mov     %eax, sym_phys(boot_l4) + 8 * 261

        mov     $sym_phys(boot_l2_low) + __PAGE_HYPERVISOR_TABLE, %eax
        mov     $sym_phys(boot_l3_low), %edi
        mov     $4, %ecx
1:      mov     %eax, (%edi)
        add     $4096, %eax
        add     $8, %edi
        loop    1b

        mov     $(_PAGE_PSE + __PAGE_HYPERVISOR_TABLE), %eax
        mov     $sym_phys(boot_l2_low), %edi
        mov     $2048, %ecx
1:      mov     %eax, (%edi)
        add     $(1 << L2_PAGETABLE_SHIFT), %eax
        add     $8, %edi
        loop    1b

        mov     $sym_phys(boot_l2_hv) + __PAGE_HYPERVISOR_TABLE, %eax
        mov     %eax, sym_phys(boot_l3_hv) + 8 * 322
        mov     $(HV_LOAD_PHYS + _PAGE_PSE + __PAGE_HYPERVISOR_TABLE), %eax
        mov     $sym_phys(boot_l2_hv), %edi
        mov     $sym_phys(_end) + (1 << L2_PAGETABLE_SHIFT) - 1, %ecx
        sub     $HV_LOAD_PHYS, %ecx
        shr     $L2_PAGETABLE_SHIFT, %ecx
1:      mov     %eax, (%edi)
        add     $(1 << L2_PAGETABLE_SHIFT), %eax
        add     $8, %edi
        loop    1b

        /* PAE, then EFER (long mode, NX, SYSCALL), then paging. */
        mov     $X86_CR4_PAE, %eax
        mov     %eax, %cr4
        mov     $sym_phys(boot_l4), %eax
        mov     %eax, %cr3
        mov     $MSR_EFER, %ecx
        rdmsr
        or      $(EFER_LME | EFER_NXE | EFER_SCE), %eax
        wrmsr
        lgdt    sym_phys(boot_gdt_desc32)
        mov     $(X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_ET | \
                  X86_CR0_MP | X86_CR0_PE), %eax
        mov     %eax, %cr0
        ljmp    $BOOT_CS, $sym_phys(start64_low)

/* Print the NUL-terminated string at %esi on COM1 and stop. */
early_fail:
        mov     $COM1, %dx
1:      lodsb
        test    %al, %al
        jz      2f
        out     %al, %dx
        jmp     1b
2:      hlt
        jmp     2b

        .code64
start64_low:
        mov     $BOOT_DS, %eax
        mov     %eax, %ds
        mov     %eax, %es
        mov     %eax, %ss
        xor     %eax, %eax
        mov     %eax, %fs
        mov     %eax, %gs
        movabs  $start64_high, %rax
        jmp     *%rax

        .text
start64_high:
        /* Reload the GDT at its high address; the 1:1 map goes away. */
        lgdt    boot_gdt_desc64(%rip)

        /*
         * The boot CPU's stack.  struct cpu_info sits at the top, its size
         * comes from C so that fields can be added there freely.
         */
        lea     cpu0_stack + STACK_SIZE(%rip), %rsp
        sub     cpu_info_size(%rip), %rsp
        and     $~15, %rsp
        mov     %ebp, %edi                  /* zero-extends */
        xor     %ebp, %ebp
        call    start_hv
        ud2

        .section .rodata, "a", @progbits
msg_not_multiboot:
        .asciz  "hv: not started by a multiboot loader\r\n"
msg_no_long_mode:
        .asciz  "hv: this CPU has no 64-bit mode\r\n"
msg_no_nx:
        .asciz  "hv: this CPU has no NX bit\r\n"

        .balign 8
boot_gdt:
        .quad   0
        .quad   0x00af9a000000ffff      /* 0x08: 64-bit code, DPL0 */
        .quad   0x00cf92000000ffff      /* 0x10: flat data, DPL0 */
boot_gdt_end:

        .word   0
boot_gdt_desc32:
        .word   boot_gdt_end - boot_gdt - 1
        .long   sym_phys(boot_gdt)

        .word   0, 0, 0
boot_gdt_desc64:
        .word   boot_gdt_end - boot_gdt - 1
        .quad   boot_gdt

        .section .bss.stack_aligned, "aw", @nobits
        .balign 4096                /* STACK_SIZE by the linker script */
        .globl  cpu0_stack
cpu0_stack:
        .skip   STACK_SIZE

        .section .bss.page_aligned, "aw", @nobits
        .balign 4096
        .globl  boot_l4
boot_l4:
        .skip   4096
boot_l3_low:
        .skip   4096
boot_l3_hv:
        .skip   4096
boot_l2_hv:
        .skip   4096
boot_l2_low:
        .skip   4 * 4096
