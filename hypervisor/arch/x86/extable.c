/* SPDX-License-Identifier: GPL-2.0-only */
/* Lookup in the exception fixup table (section __ex_table). */

#include <asm/extable.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

unsigned long search_exception_table(unsigned long rip)
{
    const struct exception_table_entry *e;

    /* A handful of entries: a linear scan is fine. */
    for ( e = __start___ex_table; e < __stop___ex_table; e++ )
        if ( e->insn == rip )
            return e->fixup;
    return 0;
}
