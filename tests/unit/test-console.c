/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of common/console.c over a fake serial port: line prefixes,
 * CR LF, log levels and loglvl=, console=, raw output, history, input. */

#include <string.h>

#include <hv/cmdline.h>
#include <hv/console.h>

#include "harness/harness.h"

static void start(const char *cmdline)
{
    cmdline_parse(cmdline);
    console_init();
    harness_serial_reset();
}

static void test_prefix_and_crlf(void)
{
    start("hv.elf");
    printk("hello\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) hello\r\n");

    harness_serial_reset();
    printk("a\nb\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) a\r\n(HV) b\r\n");

    harness_serial_reset();
    printk("abc");
    printk("def\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) abcdef\r\n");

    harness_serial_reset();
    printk(LOG_INFO "x");
    console_break_line();
    console_break_line();
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) x\r\n");
}

static void test_default_levels(void)
{
    start("hv.elf");
    printk(LOG_DEBUG "debug\n");
    printk(LOG_INFO "info\n");
    printk(LOG_WARNING "warning\n");
    printk(LOG_ERR "error\n");
    printk("plain\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(),
                           "(HV) info\r\n(HV) warning\r\n(HV) error\r\n"
                           "(HV) plain\r\n");
    CU_ASSERT_TRUE(printk_level_enabled(LOGLVL_INFO));
    CU_ASSERT_FALSE(printk_level_enabled(LOGLVL_DEBUG));
}

static void test_loglvl_option(void)
{
    start("hv.elf loglvl=all");
    printk(LOG_DEBUG "d\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) d\r\n");

    start("hv.elf loglvl=error");
    printk(LOG_WARNING "w\n");
    printk("plain\n");
    printk(LOG_ERR "e\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) e\r\n");

    start("hv.elf loglvl=none");
    printk(LOG_ERR "e\n");
    printk_forced(LOG_ERR "forced\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) forced\r\n");

    /* Xen's "<level>/<rate-limited level>" form. */
    start("hv.elf loglvl=warning/all");
    printk(LOG_INFO "i\n");
    printk(LOG_WARNING "w\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) w\r\n");

    /* A bad value is reported and changes nothing. */
    start("hv.elf loglvl=debug loglvl=loud");
    cmdline_report();
    CU_ASSERT(strstr(harness_serial_output(),
                     "(HV) Command line: option 'loglvl' has an invalid "
                     "value 'loud'") != NULL);
    harness_serial_reset();
    printk(LOG_DEBUG "still debug\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) still debug\r\n");
    start("hv.elf");
}

static void test_console_option(void)
{
    uint64_t pos = 0;
    char buf[64];

    start("hv.elf console=none");
    harness_serial_feed("q");
    printk("quiet\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "");
    CU_ASSERT_EQUAL(console_getc(), -1);
    /* History is still kept. */
    while ( console_ring_read(buf, sizeof(buf), &pos) )
        continue;

    start("hv.elf console=com1,vga");
    printk("loud\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) loud\r\n");

    start("hv.elf console=lpt1");
    cmdline_report();
    CU_ASSERT(strstr(harness_serial_output(), "option 'console' has an "
                     "invalid value 'lpt1'") != NULL);
    start("hv.elf");
}

static void test_raw_write(void)
{
    start("hv.elf");
    console_write("guest\n", 6);
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "guest\r\n");

    harness_serial_reset();
    console_write("partial", 7);
    printk("hv\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "partialhv\r\n");

    harness_serial_reset();
    console_write("line\n", 5);
    printk("hv\n");
    console_write("", 0);
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "line\r\n(HV) hv\r\n");
}

static void test_history(void)
{
    static char big[40000];
    char buf[64];
    uint64_t pos;
    size_t n, total = 0;

    start("hv.elf");
    pos = 0;
    while ( console_ring_read(buf, sizeof(buf), &pos) )
        continue;
    printk("ring\n");
    n = console_ring_read(buf, sizeof(buf), &pos);
    CU_ASSERT_EQUAL(n, 10);
    CU_ASSERT_EQUAL(memcmp(buf, "(HV) ring\n", 10), 0);
    CU_ASSERT_EQUAL(console_ring_read(buf, sizeof(buf), &pos), 0);

    /* Old history is overwritten; a stale position skips ahead. */
    memset(big, 'z', sizeof(big));
    console_write(big, sizeof(big));
    pos = 0;
    while ( (n = console_ring_read(buf, sizeof(buf), &pos)) != 0 )
        total += n;
    CU_ASSERT_EQUAL(total, 16 * 1024);
    CU_ASSERT_EQUAL(buf[0], 'z');
}

static void test_input(void)
{
    start("hv.elf");
    harness_serial_feed("ab");
    CU_ASSERT_EQUAL(console_getc(), 'a');
    CU_ASSERT_EQUAL(console_getc(), 'b');
    CU_ASSERT_EQUAL(console_getc(), -1);
}

static void test_truncation(void)
{
    char msg[1000];
    const char *out;

    start("hv.elf");
    memset(msg, 'm', sizeof(msg) - 1);
    msg[sizeof(msg) - 1] = '\0';
    printk("%s\n", msg);
    out = harness_serial_output();
    CU_ASSERT(strlen(out) > 500 && strlen(out) < 530);
    CU_ASSERT_EQUAL(out[strlen(out) - 1], '\n');
    harness_serial_reset();
    printk("next\n");
    CU_ASSERT_STRING_EQUAL(harness_serial_output(), "(HV) next\r\n");
}

static CU_TestInfo console_tests[] = {
    { "prefix and CR LF", test_prefix_and_crlf },
    { "default levels", test_default_levels },
    { "loglvl=", test_loglvl_option },
    { "console=", test_console_option },
    { "raw output", test_raw_write },
    { "history ring", test_history },
    { "input", test_input },
    { "long messages", test_truncation },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "console", NULL, NULL, NULL, NULL, console_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
