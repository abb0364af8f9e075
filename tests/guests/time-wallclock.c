/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The wallclock in shared_info: settled (even wc_version), nanoseconds
 * below a second, and with system time added a date no earlier than this
 * test was written.
 */
#include "time-util.h"

const char test_title[] = "time-wallclock: the wallclock in shared_info";

/* Civil date of a day count since 1970-01-01. */
static void civil(uint64_t days, unsigned int *y, unsigned int *m,
                  unsigned int *d)
{
    /* Shift to 0000-03-01 so that leap days fall at the end of a year. */
    uint64_t z = days + 719468;
    uint64_t era = z / 146097, doe = z % 146097;
    uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    uint64_t mp = (5 * doy + 2) / 153;

    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = era * 400 + yoe + (*m <= 2);
}

void test_main(void)
{
    uint64_t sec, t;
    uint32_t nsec;
    unsigned int y, m, d;

    if ( !map_shared_info() )
        return;

    CHECK_EQ(shinfo->wc_version & 1, 0);
    CHECK(shinfo->wc_version != 0);
    wallclock_read(&sec, &nsec);
    CHECK(nsec < NSEC_PER_SEC);
    CHECK_EQ(shinfo->wc_sec_hi, 0);

    t = sec + (nsec + now()) / NSEC_PER_SEC;
    civil(t / 86400, &y, &m, &d);
    printf("wallclock: %lu.%09u at boot, now %04u-%02u-%02u "
           "%02lu:%02lu:%02lu UTC\n", sec, nsec, y, m, d,
           t % 86400 / 3600, t % 3600 / 60, t % 60);
    CHECK(y >= 2024);
    CHECK(y < 2100);

    /* The date is consistent with the day count. */
    civil(0, &y, &m, &d);
    CHECK(y == 1970 && m == 1 && d == 1);
    civil(19782, &y, &m, &d);
    CHECK(y == 2024 && m == 2 && d == 29);
}
