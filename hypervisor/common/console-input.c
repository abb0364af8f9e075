/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Serial input for the hardware domain: characters typed on the console
 * are gathered into a ring and announced with VIRQ_CONSOLE; dom0 reads them
 * with CONSOLEIO_read, as from Xen.
 *
 * The UART is polled from a software timer (the same idea as Xen's
 * IRQ-less serial mode): no interrupt routing is needed, at the cost of
 * timer ticks while idle.  Every poll that finds nothing doubles the
 * interval, from 20 ms up to 100 ms; input brings it back to 20 ms.  An
 * idle host then wakes 10 times a second for the UART instead of 50 (under
 * QEMU TCG that halved the idle CPU of a host with dom0 alone, see
 * docs/benchmarks.md), and a keystroke after a pause waits at most 100 ms.
 * Interrupt-driven input can replace the timer without changing the ring.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/event.h>
#include <hv/spinlock.h>
#include <hv/timer.h>
#include <public/xen.h>

#define INPUT_RING      1024            /* a power of two */
#define POLL_MIN_NS     MILLISECS(20)
#define POLL_MAX_NS     MILLISECS(100)

static char ring[INPUT_RING];
static unsigned int prod, cons;         /* free-running */
static spinlock_t input_lock = SPIN_LOCK_UNLOCKED;
static struct timer poll_timer;
static uint64_t poll_ns = POLL_MIN_NS;  /* only the timer's function */

/* Move what the UART holds into the ring; true if anything arrived. */
static bool input_drain(void)
{
    bool got = false;
    int c;

    while ( (c = console_getc()) >= 0 )
    {
        /* A full ring drops the newest input, like a full UART FIFO. */
        if ( prod - cons < INPUT_RING )
            ring[prod++ % INPUT_RING] = (char)c;
        got = true;
    }
    return got;
}

static void input_poll(void *unused)
{
    unsigned long flags;
    bool got;

    spin_lock_irqsave(&input_lock, flags);
    got = input_drain();
    spin_unlock_irqrestore(&input_lock, flags);
    if ( got )
    {
        send_global_virq(VIRQ_CONSOLE);
        poll_ns = POLL_MIN_NS;
    }
    else
        poll_ns = MIN(poll_ns * 2, POLL_MAX_NS);
    timer_set(&poll_timer, arch_now() + poll_ns);
}

void console_input_start(void)
{
    timer_init(&poll_timer, input_poll, NULL);
    timer_set(&poll_timer, arch_now() + poll_ns);
}

size_t console_input_read(char *buf, size_t len)
{
    unsigned long flags;
    size_t n = 0;

    spin_lock_irqsave(&input_lock, flags);
    input_drain();
    while ( n < len && cons != prod )
        buf[n++] = ring[cons++ % INPUT_RING];
    spin_unlock_irqrestore(&input_lock, flags);
    return n;
}
