/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The x86 side of guest time: the TSC and the scale that turns it into
 * system time (asm/time.h), handed to common/time.c as pvclock wants it.
 */
#include <hv/types.h>
#include <hv/time.h>
#include <asm/processor.h>
#include <asm/time.h>

uint64_t arch_read_tsc(void)
{
    return rdtsc_ordered();
}

void arch_time_scale(uint64_t *origin, uint32_t *mul, int8_t *shift)
{
    *origin = tsc_at_boot;
    *mul = tsc_scale.mul_frac;
    *shift = tsc_scale.shift;
}

/*
 * System time is the TSC alone, scaled the same on every CPU: guests may
 * skip their cross-CPU monotonicity fix-ups (and Linux may use the record
 * from user mode).
 */
uint8_t arch_pvclock_flags(void)
{
    return XEN_PVCLOCK_TSC_STABLE_BIT;
}
