/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * For host tests of hypercall handlers run as plain calls: nothing ever
 * asks a hypercall to stop, so none makes a continuation.
 */
#include <stdlib.h>

#include <hv/types.h>
#include <hv/continuation.h>

bool hypercall_preempt_check(void)
{
    return false;
}

long hypercall_create_continuation(unsigned int op, unsigned int nr,
                                   const unsigned long args[])
{
    /* Only an operation done in steps gets here: none of these tests'. */
    abort();
}

void hypercall_cancel_continuation(void)
{
}
