/* SPDX-License-Identifier: GPL-2.0-only */
/* Time: the TSC is calibrated once against PIT channel 2 and is the only
 * clock afterwards; the APIC timer, calibrated against the TSC, only
 * raises one-shot interrupts. */

#include <hv/console.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/time.h>
#include <asm/traps.h>

#define PIT_HZ          1193182
#define PIT_CH2         0x42
#define PIT_MODE        0x43
#define PIT_GATE_PORT   0x61
#define CALIBRATE_MS    20

uint64_t tsc_khz;
uint64_t apic_timer_khz;
struct time_scale tsc_scale;
uint64_t tsc_at_boot;

static void (*timer_handler)(void);

/*
 * Count TSC ticks while PIT channel 2 counts down CALIBRATE_MS in mode 0;
 * its output (port 0x61 bit 5) rises at terminal count.
 */
static uint64_t pit_calibrate_tsc(void)
{
    const unsigned int count = PIT_HZ * CALIBRATE_MS / 1000;
    uint64_t start, end;
    unsigned long spins = 0;

    /* Gate on, speaker off. */
    outb((inb(PIT_GATE_PORT) & ~0x02) | 0x01, PIT_GATE_PORT);
    outb(0xb0, PIT_MODE);           /* channel 2, lo/hi byte, mode 0 */
    outb(count & 0xff, PIT_CH2);
    start = rdtsc_ordered();
    outb(count >> 8, PIT_CH2);
    while ( !(inb(PIT_GATE_PORT) & 0x20) )
        if ( ++spins > 100000000UL )
            return 0;
    end = rdtsc_ordered();
    return (end - start) / CALIBRATE_MS;
}

/*
 * mul_frac and shift for 'hz' ticks per second, as pvclock wants them:
 * scale the rate by 2^shift into (1e9, 2e9] so that mul_frac =
 * 1e9 * 2^32 / (hz * 2^shift) lies in [2^31, 2^32).
 */
static void compute_scale(struct time_scale *ts, uint64_t hz)
{
    int shift = 0;

    while ( hz > 2000000000ULL )
    {
        hz >>= 1;
        shift--;
    }
    while ( hz <= 1000000000ULL )
    {
        hz <<= 1;
        shift++;
    }
    ts->shift = shift;
    ts->mul_frac = (uint32_t)((1000000000ULL << 32) / hz);
}

uint64_t scale_delta(uint64_t delta, const struct time_scale *scale)
{
    if ( scale->shift < 0 )
        delta >>= -scale->shift;
    else
        delta <<= scale->shift;
    return (uint64_t)(((unsigned __int128)delta * scale->mul_frac) >> 32);
}

uint64_t now_ns(void)
{
    return scale_delta(rdtsc() - tsc_at_boot, &tsc_scale);
}

void udelay(unsigned long us)
{
    uint64_t end = rdtsc() + us * tsc_khz / 1000;

    while ( (int64_t)(rdtsc() - end) < 0 )
        cpu_relax();
}

void set_timer_handler(void (*handler)(void))
{
    timer_handler = handler;
}

static void timer_interrupt(struct cpu_user_regs *regs)
{
    if ( timer_handler )
        timer_handler();
}

void set_timer_deadline(uint64_t ns)
{
    uint64_t now, ticks;

    if ( !ns )
    {
        apic_timer_oneshot(0);
        return;
    }
    now = now_ns();
    if ( ns <= now )
        ticks = 1;
    else
    {
        /* Cap first so that the product cannot overflow. */
        uint64_t delta = MIN(ns - now, 1000000000000ULL);

        ticks = delta * apic_timer_khz / 1000000;
        if ( !ticks )
            ticks = 1;
        if ( ticks > 0xffffffffULL )
            ticks = 0xffffffffULL;
    }
    apic_timer_oneshot((uint32_t)ticks);
}

void time_init(void)
{
    uint64_t start, elapsed;
    uint32_t left;

    tsc_khz = pit_calibrate_tsc();
    if ( !tsc_khz )
    {
        printk(LOG_WARNING "TSC calibration failed (no PIT?): assuming "
               "1 GHz\n");
        tsc_khz = 1000000;
    }
    compute_scale(&tsc_scale, tsc_khz * 1000);
    tsc_at_boot = rdtsc();

    /* APIC timer ticks during CALIBRATE_MS milliseconds of TSC. */
    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | TIMER_VECTOR);
    apic_write(APIC_TMICT, 0xffffffff);
    start = rdtsc();
    udelay(CALIBRATE_MS * 1000);
    left = apic_timer_current();
    elapsed = rdtsc() - start;
    apic_write(APIC_TMICT, 0);
    apic_timer_khz = (uint64_t)(0xffffffffu - left) * tsc_khz / elapsed;

    request_irq(TIMER_VECTOR, timer_interrupt);
    printk(LOG_INFO "TSC: %llu kHz, APIC timer: %llu kHz\n",
           (unsigned long long)tsc_khz, (unsigned long long)apic_timer_khz);
}
