/* SPDX-License-Identifier: GPL-2.0-only */
/* Host unit-test harness: a CUnit main() and a captured console, so that
 * hypervisor sources compile and run unchanged in a host process. */
#ifndef TESTS_UNIT_HARNESS_H
#define TESTS_UNIT_HARNESS_H

#include <CUnit/CUnit.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * Register the suites (a CU_SuiteInfo array ending in CU_SUITE_INFO_NULL),
 * run them verbosely and return main()'s status: 0 when all passed.
 */
int harness_run(CU_SuiteInfo *suites);

#define HARNESS_MAIN(suites)                    \
    int main(void)                              \
    {                                           \
        return harness_run(suites);             \
    }

/*
 * Console capture (harness/printk.c, for tests that do not link
 * common/console.c): everything printk() and panic() print, levels
 * included ("<1>..."), accumulates here until harness_log_reset().
 */
const char *harness_log(void);
void harness_log_reset(void);
bool harness_log_contains(const char *needle);

/* Serial capture (harness/serial.c, for tests that link console.c). */
const char *harness_serial_output(void);
void harness_serial_reset(void);
void harness_serial_feed(const char *input);    /* for console_getc() */

#endif /* TESTS_UNIT_HARNESS_H */
