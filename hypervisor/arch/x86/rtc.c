/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The wallclock at boot, from the CMOS real-time clock (MC146818 layout,
 * BCD or binary, 12- or 24-hour).  Like a native Linux we take the RTC's
 * whole seconds rather than wait up to a second for the next tick.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/time.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/time.h>

#define CMOS_INDEX      0x70
#define CMOS_DATA       0x71

#define RTC_SECONDS     0x00
#define RTC_MINUTES     0x02
#define RTC_HOURS       0x04
#define RTC_DAY         0x07
#define RTC_MONTH       0x08
#define RTC_YEAR        0x09
#define RTC_REG_A       0x0a
#define RTC_REG_B       0x0b

#define RTC_UIP         0x80    /* A: an update is (about to be) under way */
#define RTC_24H         0x02    /* B: 24-hour mode */
#define RTC_BINARY      0x04    /* B: binary, not BCD */
#define RTC_PM          0x80    /* hours, 12-hour mode */

/* An update keeps UIP set for under 2 ms; give up well after that. */
#define UIP_WAIT_NS     MILLISECS(10)
#define READ_TRIES      5

struct rtc_regs
{
    uint8_t sec, min, hour, day, mon, year, b;
};

static uint8_t cmos_read(uint8_t reg)
{
    outb(reg, CMOS_INDEX);
    return inb(CMOS_DATA);
}

/* One reading while no update is in progress; false if UIP never ends. */
static bool rtc_snapshot(struct rtc_regs *r)
{
    uint64_t start = now_ns();

    while ( cmos_read(RTC_REG_A) & RTC_UIP )
    {
        if ( now_ns() - start > UIP_WAIT_NS )
            return false;
        cpu_relax();
    }
    r->sec = cmos_read(RTC_SECONDS);
    r->min = cmos_read(RTC_MINUTES);
    r->hour = cmos_read(RTC_HOURS);
    r->day = cmos_read(RTC_DAY);
    r->mon = cmos_read(RTC_MONTH);
    r->year = cmos_read(RTC_YEAR);
    r->b = cmos_read(RTC_REG_B);
    return true;
}

static unsigned int bcd(uint8_t v)
{
    return (v & 0x0f) + (v >> 4) * 10;
}

/*
 * Two identical snapshots in a row: an update that struck between the
 * UIP check and the reads (a carry into the minutes, say) shows up as a
 * difference.
 */
static bool rtc_read(struct rtc_regs *r)
{
    struct rtc_regs again;

    if ( !rtc_snapshot(r) )
        return false;
    for ( unsigned int i = 0; i < READ_TRIES; i++ )
    {
        if ( !rtc_snapshot(&again) )
            return false;
        if ( !memcmp(r, &again, sizeof(again)) )
            return true;
        *r = again;
    }
    return false;
}

uint64_t arch_get_wallclock(uint64_t *at)
{
    struct rtc_regs r;
    unsigned int year;
    unsigned long flags;
    bool ok, pm;

    /* The index/data pair must not be split by anything else using it. */
    local_irq_save(flags);
    ok = rtc_read(&r);
    *at = now_ns();
    local_irq_restore(flags);
    if ( !ok )
        return 0;

    pm = !(r.b & RTC_24H) && (r.hour & RTC_PM);
    r.hour &= ~RTC_PM;
    if ( !(r.b & RTC_BINARY) )
    {
        r.sec = bcd(r.sec);
        r.min = bcd(r.min);
        r.hour = bcd(r.hour);
        r.day = bcd(r.day);
        r.mon = bcd(r.mon);
        r.year = bcd(r.year);
    }
    if ( !(r.b & RTC_24H) )
        r.hour = r.hour % 12 + (pm ? 12 : 0);
    /* Two digits of year: 70-99 are the 1900s, the rest this century. */
    year = r.year + (r.year < 70 ? 2000 : 1900);

    if ( r.sec > 59 || r.min > 59 || r.hour > 23 || !r.day || r.day > 31 ||
         !r.mon || r.mon > 12 )
        return 0;
    return time_mktime(year, r.mon, r.day, r.hour, r.min, r.sec);
}
