/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of common/cmdline.c: Xen's option syntax, the registration
 * macros, dom0_mem= and what happens to malformed input. */

#include <stdint.h>
#include <string.h>

#include <hv/cmdline.h>
#include <hv/errno.h>
#include <hv/panic.h>

#include "harness/harness.h"

static bool tbool;
static uint32_t tint;
static uint8_t tbyte;
static uint64_t tsize;
static char tstr[8];
static char custom_seen[32];

static int parse_tcustom(const char *s)
{
    if ( !strcmp(s, "bad") )
        return -EINVAL;
    strncpy(custom_seen, s, sizeof(custom_seen) - 1);
    return 0;
}

boolean_param("tbool", tbool);
integer_param("tint", tint);
integer_param("tbyte", tbyte);
size_param("tsize", tsize);
string_param("tstr", tstr);
custom_param("tcustom", parse_tcustom);

#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

/* Parse, then show the complaints through the captured printk. */
static void parse(const char *line)
{
    harness_log_reset();
    cmdline_parse(line);
    cmdline_report();
}

static void test_image_name(void)
{
    tbool = false;
    parse("/boot/hypervisor.elf tbool");
    CU_ASSERT_TRUE(tbool);
    CU_ASSERT_STRING_EQUAL(cmdline_get(), "tbool");

    /* Without an image name, the first word is an option. */
    tbool = false;
    parse("tbool tint=3");
    CU_ASSERT_TRUE(tbool);
    CU_ASSERT_EQUAL(tint, 3);
    CU_ASSERT_STRING_EQUAL(cmdline_get(), "tbool tint=3");

    parse("tint=5");
    CU_ASSERT_EQUAL(tint, 5);
    parse("no-tbool");
    CU_ASSERT_FALSE(tbool);

    parse(NULL);
    CU_ASSERT_STRING_EQUAL(cmdline_get(), "");
    parse("   ");
    CU_ASSERT_STRING_EQUAL(cmdline_get(), "");
}

static void test_booleans(void)
{
    static const struct
    {
        const char *line;
        bool before, after;
    } cases[] = {
        { "x tbool", false, true },
        { "x no-tbool", true, false },
        { "x tbool=off", true, false },
        { "x tbool=0", true, false },
        { "x tbool=disable", true, false },
        { "x tbool=yes", false, true },
        { "x tbool=on", false, true },
        { "x tbool=true", false, true },
        { "x tbool=enable", false, true },
        { "x no-tbool=no", false, true },
        { "x tbool=1 tbool=0", true, false },
    };
    unsigned int i;

    for ( i = 0; i < sizeof(cases) / sizeof(cases[0]); i++ )
    {
        tbool = cases[i].before;
        parse(cases[i].line);
        CU_ASSERT_EQUAL(tbool, cases[i].after);
        CU_ASSERT_FALSE(harness_log_contains("<1>"));
    }

    tbool = true;
    parse("x tbool=maybe");
    CU_ASSERT_TRUE(tbool);
    CU_ASSERT(harness_log_contains("<1>Command line: option 'tbool' has "
                                   "an invalid value 'maybe'"));
}

static void test_integers(void)
{
    parse("x tint=0x10");
    CU_ASSERT_EQUAL(tint, 16);
    parse("x tint=010");
    CU_ASSERT_EQUAL(tint, 8);
    parse("x tint=-1");
    CU_ASSERT_EQUAL(tint, 0xffffffffu);
    parse("x tint=4294967295");
    CU_ASSERT_EQUAL(tint, 0xffffffffu);

    tint = 7;
    parse("x tint=4294967296");
    CU_ASSERT_EQUAL(tint, 7);
    CU_ASSERT(harness_log_contains("invalid value '4294967296'"));
    parse("x tint=12abc");
    CU_ASSERT_EQUAL(tint, 7);
    CU_ASSERT(harness_log_contains("<1>"));
    parse("x tint=");
    CU_ASSERT_EQUAL(tint, 7);
    CU_ASSERT(harness_log_contains("<1>"));
    parse("x tint");
    CU_ASSERT(harness_log_contains("<1>"));
    parse("x no-tint");
    CU_ASSERT(harness_log_contains("<1>"));
    CU_ASSERT_EQUAL(tint, 7);

    parse("x tbyte=255");
    CU_ASSERT_EQUAL(tbyte, 255);
    parse("x tbyte=256");
    CU_ASSERT_EQUAL(tbyte, 255);
    CU_ASSERT(harness_log_contains("<1>"));
}

static void test_sizes(void)
{
    static const struct
    {
        const char *line;
        uint64_t bytes;
    } cases[] = {
        { "x tsize=512M", 512 * MiB },
        { "x tsize=512m", 512 * MiB },
        { "x tsize=1G", GiB },
        { "x tsize=2T", 2ULL << 40 },
        { "x tsize=4", 4096 },          /* no suffix: KiB, as Xen */
        { "x tsize=4k", 4096 },
        { "x tsize=10b", 10 },
        { "x tsize=0x10M", 16 * MiB },
    };
    unsigned int i;

    for ( i = 0; i < sizeof(cases) / sizeof(cases[0]); i++ )
    {
        parse(cases[i].line);
        CU_ASSERT_EQUAL(tsize, cases[i].bytes);
        CU_ASSERT_FALSE(harness_log_contains("<1>"));
    }

    tsize = 1;
    parse("x tsize=3X");
    CU_ASSERT_EQUAL(tsize, 1);
    CU_ASSERT(harness_log_contains("<1>"));
    parse("x tsize=50%");
    CU_ASSERT_EQUAL(tsize, 1);
    parse("x tsize=M");
    CU_ASSERT_EQUAL(tsize, 1);
    parse("x tsize=");
    CU_ASSERT_EQUAL(tsize, 1);

    CU_ASSERT_EQUAL(parse_size_and_unit("64M", NULL), 64 * MiB);
    CU_ASSERT_EQUAL(parse_size_and_unit("7", NULL), 7 * 1024);
    CU_ASSERT_EQUAL(parse_size_and_unit("7%", NULL), 7 * 1024);
}

static void test_strings(void)
{
    parse("x tstr=abc");
    CU_ASSERT_STRING_EQUAL(tstr, "abc");
    parse("x tstr=toolongvalue");
    CU_ASSERT_STRING_EQUAL(tstr, "toolong");
    CU_ASSERT(harness_log_contains("<1>Command line: option 'tstr': "
                                   "value truncated"));
    parse("x tstr");
    CU_ASSERT_STRING_EQUAL(tstr, "");
    parse("x tstr=a=b");
    CU_ASSERT_STRING_EQUAL(tstr, "a=b");
}

static void test_custom(void)
{
    parse("x tcustom=hello,world");
    CU_ASSERT_STRING_EQUAL(custom_seen, "hello,world");
    parse("x no-tcustom");
    CU_ASSERT_STRING_EQUAL(custom_seen, "no");
    parse("x tcustom");
    CU_ASSERT_STRING_EQUAL(custom_seen, "");
    parse("x no-tcustom=1");
    CU_ASSERT(harness_log_contains("<1>"));
    parse("x tcustom=bad");
    CU_ASSERT(harness_log_contains("<1>Command line: option 'tcustom' has "
                                   "an invalid value 'bad' (error 22)"));
}

static void test_unknown_and_long(void)
{
    char line[600];

    tint = 1;
    parse("x bogus=1 tint=2 no-such");
    CU_ASSERT_EQUAL(tint, 2);
    CU_ASSERT(harness_log_contains("<3>Command line: unknown option "
                                   "'bogus' ignored"));
    CU_ASSERT(harness_log_contains("unknown option 'no-such' ignored"));
    CU_ASSERT_FALSE(harness_log_contains("<1>"));

    strcpy(line, "x tstr=");
    memset(line + 7, 'a', 400);
    strcpy(line + 407, " tint=9");
    parse(line);
    CU_ASSERT_EQUAL(tint, 9);
    CU_ASSERT(harness_log_contains("is too long, ignored"));
}

static void test_many_complaints(void)
{
    char line[512] = "x";
    unsigned int i;

    for ( i = 0; i < 20; i++ )
        strcat(line, " u=1");
    parse(line);
    CU_ASSERT(harness_log_contains("<1>Command line: 4 more complaints "
                                   "not shown"));
}

static void test_dom0_extra(void)
{
    tbool = false;
    tint = 0;
    parse("hv.elf tbool -- tint=4 console=hvc0");
    CU_ASSERT_TRUE(tbool);
    CU_ASSERT_EQUAL(tint, 0);
    CU_ASSERT_STRING_EQUAL(cmdline_get(), "tbool");
    CU_ASSERT_STRING_EQUAL(cmdline_dom0_extra(), "tint=4 console=hvc0");
    CU_ASSERT(harness_log_contains("<2>Options for dom0: tint=4"));

    parse("hv.elf -- root=/dev/xvda");
    CU_ASSERT_STRING_EQUAL(cmdline_get(), "");
    CU_ASSERT_STRING_EQUAL(cmdline_dom0_extra(), "root=/dev/xvda");

    /* "--" inside a word is not the separator. */
    parse("hv.elf tstr=a--b");
    CU_ASSERT_STRING_EQUAL(tstr, "a--b");
    CU_ASSERT_STRING_EQUAL(cmdline_dom0_extra(), "");
}

static void test_noreboot(void)
{
    opt_noreboot = false;
    parse("hv.elf noreboot");
    CU_ASSERT_TRUE(opt_noreboot);
    parse("hv.elf no-noreboot");
    CU_ASSERT_FALSE(opt_noreboot);
}

static void test_dom0_mem(void)
{
    parse("x dom0_mem=512M");
    CU_ASSERT_EQUAL(dom0_mem_bytes, 512 * MiB);
    CU_ASSERT_EQUAL(dom0_mem_min_bytes, 0);
    CU_ASSERT_EQUAL(dom0_mem_max_bytes, 0);

    parse("x dom0_mem=512M,max:1G");
    CU_ASSERT_EQUAL(dom0_mem_bytes, 512 * MiB);
    CU_ASSERT_EQUAL(dom0_mem_max_bytes, GiB);

    parse("x dom0_mem=min:128M,max:1G");
    CU_ASSERT_EQUAL(dom0_mem_min_bytes, 128 * MiB);
    CU_ASSERT_EQUAL(dom0_mem_max_bytes, GiB);
    CU_ASSERT_FALSE(harness_log_contains("<1>"));

    parse("x dom0_mem=1024");                   /* KiB */
    CU_ASSERT_EQUAL(dom0_mem_bytes, MiB);

    /* Relative sizes wait for the host's size. */
    parse("x dom0_mem=-256M,max:1G+25%,min:10%");
    CU_ASSERT_FALSE(harness_log_contains("<1>"));
    CU_ASSERT_EQUAL(dom0_mem_bytes, 0);
    dom0_mem_resolve(4 * GiB);
    CU_ASSERT_EQUAL(dom0_mem_bytes, 4 * GiB - 256 * MiB);
    CU_ASSERT_EQUAL(dom0_mem_max_bytes, 2 * GiB);
    CU_ASSERT_EQUAL(dom0_mem_min_bytes, 4 * GiB / 10);
    dom0_mem_resolve(128 * MiB);
    CU_ASSERT_EQUAL(dom0_mem_bytes, PAGE_SIZE);  /* never 0 once given */
}

static void test_dom0_mem_malformed(void)
{
    static const char *const bad[] = {
        "x dom0_mem=", "x dom0_mem=512Q", "x dom0_mem=25%+1G",
        "x dom0_mem=100%", "x dom0_mem=512M,", "x dom0_mem=max:",
        "x dom0_mem=max:1G,bogus", "x dom0_mem=1G+2G", "x dom0_mem=M",
    };
    unsigned int i;

    parse("x dom0_mem=768M,max:2G");
    for ( i = 0; i < sizeof(bad) / sizeof(bad[0]); i++ )
    {
        parse(bad[i]);
        CU_ASSERT(harness_log_contains("<1>Command line: option "
                                       "'dom0_mem' has an invalid value"));
        /* A bad value leaves the previous setting alone. */
        CU_ASSERT_EQUAL(dom0_mem_bytes, 768 * MiB);
        CU_ASSERT_EQUAL(dom0_mem_max_bytes, 2 * GiB);
    }
}

static void test_parse_bool_helper(void)
{
    const char *s = "onward";

    CU_ASSERT_EQUAL(parse_bool("on", NULL), 1);
    CU_ASSERT_EQUAL(parse_bool("no", NULL), 0);
    CU_ASSERT_EQUAL(parse_bool("nope", NULL), -1);
    CU_ASSERT_EQUAL(parse_bool(s, s + 2), 1);
    CU_ASSERT_EQUAL(parse_bool("", NULL), -1);
}

static void test_own_table(void)
{
    static uint32_t a;
    static bool b;
    const struct hv_param table[] = {
        { "a", PARAM_UINT, sizeof(a), { .var = &a }, 0 },
        { "b", PARAM_BOOL, sizeof(b), { .var = &b }, 0 },
    };

    parse("");
    parse_params("a=42 b tint=1", table, table + 2);
    CU_ASSERT_EQUAL(a, 42);
    CU_ASSERT_TRUE(b);
    cmdline_report();
    CU_ASSERT(harness_log_contains("unknown option 'tint'"));
}

static CU_TestInfo cmdline_tests[] = {
    { "image name", test_image_name },
    { "booleans", test_booleans },
    { "integers", test_integers },
    { "sizes", test_sizes },
    { "strings", test_strings },
    { "custom options", test_custom },
    { "unknown and overlong options", test_unknown_and_long },
    { "complaints overflow", test_many_complaints },
    { "options after --", test_dom0_extra },
    { "noreboot", test_noreboot },
    { "dom0_mem", test_dom0_mem },
    { "dom0_mem malformed", test_dom0_mem_malformed },
    { "parse_bool", test_parse_bool_helper },
    { "caller's table", test_own_table },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "cmdline", NULL, NULL, NULL, NULL, cmdline_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
