/* SPDX-License-Identifier: GPL-2.0-only */
/* The x86 side of the common code's arch_* hooks: interrupts and time. */
#include <hv/types.h>
#include <hv/sched.h>
#include <hv/timer.h>
#include <asm/processor.h>
#include <asm/time.h>
#include <asm/smp.h>

void arch_irq_disable(void)
{
    local_irq_disable();
}

void arch_irq_enable(void)
{
    local_irq_enable();
}

void arch_wait_for_interrupt(void)
{
    /* STI's one-instruction shadow covers the HLT: no wake-up is lost. */
    safe_halt();
    local_irq_disable();
}

unsigned int arch_nr_cpus(void)
{
    return nr_cpus_online;
}

uint64_t arch_now(void)
{
    return now_ns();
}

void arch_set_deadline(uint64_t ns)
{
    set_timer_deadline(ns);
}

static void timer_interrupt(void)
{
    timers_run(now_ns());
}

void arch_timers_init(void)
{
    set_timer_handler(timer_interrupt);
}
