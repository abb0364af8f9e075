/* SPDX-License-Identifier: GPL-2.0-only */
/* Host stand-in for the CPU helpers common code uses: a unit test runs
 * in one thread with nothing to mask. */
#ifndef HARNESS_ASM_PROCESSOR_H
#define HARNESS_ASM_PROCESSOR_H

#define local_irq_save(flags)   ((flags) = 0)
#define local_irq_restore(flags) ((void)(flags))
#define local_irq_disable()     ((void)0)
#define local_irq_enable()      ((void)0)

#endif /* HARNESS_ASM_PROCESSOR_H */
