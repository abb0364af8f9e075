/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen ELF notes that make a micro test guest loadable as a PV dom0.
 * Built with HVTEST_HYPERCALL_PAGE defined, it also asks for a hypercall page.
 */
#include <public/elfnote.h>
#include <public/features.h>

/* One note: owner "Xen", a type, and a descriptor given as assembler data. */
#define ELFNOTE(type, desc...)              \
    .pushsection .note.Xen, "a", @note;     \
    .p2align 2;                             \
    .long 2f - 1f;                          \
    .long 4f - 3f;                          \
    .long type;                             \
1:  .asciz "Xen";                           \
2:  .p2align 2;                             \
3:  desc;                                   \
4:  .p2align 2;                             \
    .popsection

ELFNOTE(XEN_ELFNOTE_GUEST_OS, .asciz "hvtest")
ELFNOTE(XEN_ELFNOTE_GUEST_VERSION, .asciz "1")
ELFNOTE(XEN_ELFNOTE_XEN_VERSION, .asciz "xen-3.0")
/* Xen loads only "generic" images or those whose GUEST_OS is "linux". */
ELFNOTE(XEN_ELFNOTE_LOADER, .asciz "generic")
ELFNOTE(XEN_ELFNOTE_VIRT_BASE, .quad 0xffffffff80000000)
ELFNOTE(XEN_ELFNOTE_PADDR_OFFSET, .quad 0)
ELFNOTE(XEN_ELFNOTE_ENTRY, .quad _start)
ELFNOTE(XEN_ELFNOTE_FEATURES, .asciz "")
/* Xen 4.17 refuses a dom0 kernel that does not claim XENFEAT_dom0. */
ELFNOTE(XEN_ELFNOTE_SUPPORTED_FEATURES, .long 1 << XENFEAT_dom0)

#ifdef HVTEST_HYPERCALL_PAGE
ELFNOTE(XEN_ELFNOTE_HYPERCALL_PAGE, .quad hypercall_page)

    /* The hypervisor fills this page with one 32-byte stub per hypercall. */
    .pushsection .text.hypercall_page, "ax", @progbits
    .p2align 12
    .globl hypercall_page
hypercall_page:
    .fill 4096, 1, 0xcc
    .size hypercall_page, . - hypercall_page
    .popsection
#endif

    .section .note.GNU-stack, "", @progbits
