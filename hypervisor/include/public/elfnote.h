/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Types of the ELF notes (owner "Xen") by which a PV kernel tells its
 * loader where and how to start it; and those of core dumps.
 */
#ifndef __XEN_PUBLIC_ELFNOTE_H__
#define __XEN_PUBLIC_ELFNOTE_H__

/*
 * Descriptor formats: "int" notes hold a 4- or 8-byte number, "string"
 * notes a NUL-terminated string.  Addresses are virtual unless noted.
 */
#define XEN_ELFNOTE_INFO               0  /* unused */
#define XEN_ELFNOTE_ENTRY              1  /* int: entry point */
#define XEN_ELFNOTE_HYPERCALL_PAGE     2  /* int: where to put the page */
#define XEN_ELFNOTE_VIRT_BASE          3  /* int: virtual address of load */
#define XEN_ELFNOTE_PADDR_OFFSET       4  /* int: virtual - ELF paddr */
#define XEN_ELFNOTE_XEN_VERSION        5  /* string: e.g. "xen-3.0" */
#define XEN_ELFNOTE_GUEST_OS           6  /* string: e.g. "linux" */
#define XEN_ELFNOTE_GUEST_VERSION      7  /* string */
#define XEN_ELFNOTE_LOADER             8  /* string: "generic" */
#define XEN_ELFNOTE_PAE_MODE           9  /* string: "yes", "bimodal"... */
#define XEN_ELFNOTE_FEATURES          10  /* string: '|'-separated */
#define XEN_ELFNOTE_BSD_SYMTAB        11  /* string: "yes" loads symbols */
#define XEN_ELFNOTE_HV_START_LOW      12  /* int: hypervisor hole, 32-bit */
#define XEN_ELFNOTE_L1_MFN_VALID      13  /* int pair: mask, value */
#define XEN_ELFNOTE_SUSPEND_CANCEL    14  /* int: supports resume */
#define XEN_ELFNOTE_INIT_P2M          15  /* int: where to map the P2M */
#define XEN_ELFNOTE_MOD_START_PFN     16  /* int: takes SIF_MOD_START_PFN */
#define XEN_ELFNOTE_SUPPORTED_FEATURES 17 /* int: XENFEAT_* bitmap */
#define XEN_ELFNOTE_PHYS32_ENTRY      18  /* int: 32-bit PVH entry point */

#define XEN_ELFNOTE_MAX XEN_ELFNOTE_PHYS32_ENTRY

/* Notes in the hypervisor's own crash dump. */
#define XEN_ELFNOTE_CRASH_INFO 0x1000001
#define XEN_ELFNOTE_CRASH_REGS 0x1000002

/* Notes in a domain core dump written by the tools. */
#define XEN_ELFNOTE_DUMPCORE_NONE           0x2000000
#define XEN_ELFNOTE_DUMPCORE_HEADER         0x2000001
#define XEN_ELFNOTE_DUMPCORE_XEN_VERSION    0x2000002
#define XEN_ELFNOTE_DUMPCORE_FORMAT_VERSION 0x2000003

#endif /* __XEN_PUBLIC_ELFNOTE_H__ */
