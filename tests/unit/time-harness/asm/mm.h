/* SPDX-License-Identifier: GPL-2.0-only */
/* Host stand-in for asm/mm.h in test-time: frames live in the test. */
#ifndef TIME_HARNESS_ASM_MM_H
#define TIME_HARNESS_ASM_MM_H

#include <hv/types.h>

void *harness_frame_va(mfn_t mfn);

static inline void *frame_va(mfn_t mfn)
{
    return harness_frame_va(mfn);
}

#endif /* TIME_HARNESS_ASM_MM_H */
