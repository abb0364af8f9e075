/* SPDX-License-Identifier: GPL-2.0-only */
/* The image's own symbol table, for "function+offset" in crash reports.
 * Filled after the link by tools/mksyms; also read by that host tool. */
#ifndef ASM_SYMBOLS_H
#define ASM_SYMBOLS_H

#include <stdint.h>

#define HV_SYMTAB_SIZE  (256 * 1024)
#define HV_SYMTAB_MAGIC 0x534d5948u     /* "HYMS" */
#define HV_SYMTAB_BASE  0xffff82d080000000ULL   /* HV_VIRT_START */

/* Followed by 'count' entries sorted by offset, then the names. */
struct hv_symtab_header
{
    uint32_t magic;
    uint32_t count;
};

struct hv_symtab_entry
{
    uint32_t offset;            /* address - HV_SYMTAB_BASE */
    uint32_t size;              /* 0 for assembly labels */
    uint32_t name;              /* byte offset from the header */
};

#ifdef __HV__
#include <hv/types.h>

/* "name+0xoff/0xsize" for a code address, or "?" if unknown. */
void symbol_describe(unsigned long addr, char *buf, size_t len);
#endif

#endif /* ASM_SYMBOLS_H */
