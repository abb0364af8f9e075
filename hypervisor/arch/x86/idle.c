/* SPDX-License-Identifier: GPL-2.0-only */
/* Idling: the CPU halts until an interrupt instead of spinning. */

#include <hv/sched.h>
#include <asm/processor.h>

void arch_idle_until_interrupt(void)
{
    /* Returns after the interrupt was handled, interrupts enabled. */
    safe_halt();
}
