/* SPDX-License-Identifier: GPL-2.0-only */
/* Exception fixups: an instruction allowed to fault in the hypervisor
 * names where execution resumes instead (section __ex_table). */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#ifdef __ASSEMBLY__

#define _ASM_EXTABLE(from, to)                  \
        .pushsection __ex_table, "a";           \
        .balign 8;                              \
        .quad from, to;                         \
        .popsection

#else

#include <hv/types.h>

#define _ASM_EXTABLE(from, to)                  \
        " .pushsection __ex_table, \"a\"\n"     \
        " .balign 8\n"                          \
        " .quad " #from ", " #to "\n"           \
        " .popsection\n"

struct exception_table_entry
{
    unsigned long insn;
    unsigned long fixup;
};

/* The fixup address for a faulting instruction, or 0. */
unsigned long search_exception_table(unsigned long rip);

#endif

#endif /* ASM_EXTABLE_H */
