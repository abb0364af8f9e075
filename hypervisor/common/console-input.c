/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Serial input for the hardware domain: characters typed on the console
 * are gathered into a ring and announced with VIRQ_CONSOLE; dom0 reads them
 * with CONSOLEIO_read, as from Xen.
 *
 * The UART is polled from a software timer every 20 ms (the same idea as
 * Xen's IRQ-less serial mode): no interrupt routing is needed, at the cost
 * of a timer tick while idle.  Interrupt-driven input can replace the
 * timer without changing the ring.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/event.h>
#include <hv/spinlock.h>
#include <hv/timer.h>
#include <public/xen.h>

#define INPUT_RING      1024            /* a power of two */
#define POLL_NS         MILLISECS(20)

static char ring[INPUT_RING];
static unsigned int prod, cons;         /* free-running */
static spinlock_t input_lock = SPIN_LOCK_UNLOCKED;
static struct timer poll_timer;

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
        send_global_virq(VIRQ_CONSOLE);
    timer_set(&poll_timer, arch_now() + POLL_NS);
}

void console_input_start(void)
{
    timer_init(&poll_timer, input_poll, NULL);
    timer_set(&poll_timer, arch_now() + POLL_NS);
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
