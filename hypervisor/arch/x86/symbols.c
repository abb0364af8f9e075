/* SPDX-License-Identifier: GPL-2.0-only */
/* Address to "function+offset" through the table tools/mksyms fills. */

#include <hv/lib.h>
#include <asm/config.h>
#include <asm/symbols.h>

/* Zeros in the file: mksyms overwrites them in place after the link. */
const uint8_t hv_symtab[HV_SYMTAB_SIZE] __aligned(8)
    __section(".rodata.hvsyms") = { 0 };

void symbol_describe(unsigned long addr, char *buf, size_t len)
{
    const uint8_t *table = hv_symtab;
    const struct hv_symtab_header *hdr;
    const struct hv_symtab_entry *ent;
    unsigned long off = addr - HV_VIRT_START;
    unsigned int lo = 0, hi;

    /* The compiler must not read the zeros the source shows. */
    asm ( "" : "+r" (table) );
    hdr = (const void *)table;
    ent = (const void *)(hdr + 1);

    BUILD_BUG_ON(HV_SYMTAB_BASE != HV_VIRT_START);
    if ( hdr->magic != HV_SYMTAB_MAGIC || !hdr->count ||
         addr < HV_VIRT_START || off < ent[0].offset )
    {
        snprintf(buf, len, "?");
        return;
    }

    /* Last entry at or below the address. */
    hi = hdr->count;
    while ( hi - lo > 1 )
    {
        unsigned int mid = (lo + hi) / 2;

        if ( ent[mid].offset <= off )
            lo = mid;
        else
            hi = mid;
    }
    ent += lo;
    if ( ent->size && off - ent->offset >= ent->size )
        snprintf(buf, len, "?");
    else if ( ent->size )
        snprintf(buf, len, "%s+%#lx/%#x", (const char *)hdr + ent->name,
                 off - ent->offset, ent->size);
    else
        snprintf(buf, len, "%s+%#lx", (const char *)hdr + ent->name,
                 off - ent->offset);
}
