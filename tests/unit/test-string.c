/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of common/lib/{string,strtoull,strlcpy}.c, built with an
 * hv_ prefix and compared with the host C library where ISO C applies. */

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "harness/harness.h"

void *hv_memcpy(void *dst, const void *src, size_t n);
void *hv_memmove(void *dst, const void *src, size_t n);
void *hv_memset(void *s, int c, size_t n);
int hv_memcmp(const void *a, const void *b, size_t n);
void *hv_memchr(const void *s, int c, size_t n);
size_t hv_strlen(const char *s);
size_t hv_strnlen(const char *s, size_t max);
int hv_strcmp(const char *a, const char *b);
int hv_strncmp(const char *a, const char *b, size_t n);
char *hv_strchr(const char *s, int c);
unsigned long long hv_strtoull(const char *s, char **end, int base);
size_t hv_strlcpy(char *dst, const char *src, size_t size);

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_mem(void)
{
    char a[32] = "0123456789abcdef", b[32];

    hv_memset(b, 'q', sizeof(b));
    CU_ASSERT_EQUAL(b[31], 'q');
    CU_ASSERT_PTR_EQUAL(hv_memcpy(b, a, 17), b);
    CU_ASSERT_STRING_EQUAL(b, a);
    /* Overlap both ways. */
    hv_memmove(a + 2, a, 10);
    CU_ASSERT_EQUAL(memcmp(a, "010123456789cdef", 16), 0);
    strcpy(a, "0123456789");
    hv_memmove(a, a + 2, 8);
    CU_ASSERT_EQUAL(memcmp(a, "2345678989", 10), 0);
    CU_ASSERT_EQUAL(hv_memcmp("abc", "abd", 2), 0);
    CU_ASSERT(hv_memcmp("abc", "abd", 3) < 0);
    CU_ASSERT(hv_memcmp("\xff", "\x01", 1) > 0);
    CU_ASSERT_PTR_EQUAL(hv_memchr(a, '9', 10), memchr(a, '9', 10));
    CU_ASSERT_PTR_NULL(hv_memchr(a, 'z', 10));
}

static void test_str(void)
{
    static const char *const words[] = { "", "a", "ab", "abc", "abd", "b",
                                         "\xe9" };
    unsigned int i, j;

    CU_ASSERT_EQUAL(hv_strlen("hello"), 5);
    CU_ASSERT_EQUAL(hv_strnlen("hello", 3), 3);
    CU_ASSERT_EQUAL(hv_strnlen("hi", 30), 2);
    for ( i = 0; i < 7; i++ )
        for ( j = 0; j < 7; j++ )
        {
            CU_ASSERT_EQUAL(sign(hv_strcmp(words[i], words[j])),
                            sign(strcmp(words[i], words[j])));
            CU_ASSERT_EQUAL(sign(hv_strncmp(words[i], words[j], 2)),
                            sign(strncmp(words[i], words[j], 2)));
        }
    CU_ASSERT_PTR_EQUAL(hv_strchr(words[3], 'c'), words[3] + 2);
    CU_ASSERT_PTR_EQUAL(hv_strchr(words[3], '\0'), words[3] + 3);
    CU_ASSERT_PTR_NULL(hv_strchr(words[3], 'z'));
}

static void test_strtoull(void)
{
    static const struct
    {
        const char *s;
        int base;
    } cases[] = {
        { "0", 0 }, { "123", 0 }, { "0x1F", 0 }, { "0X1f", 16 },
        { "0755", 0 }, { "0755", 10 }, { "  42abc", 0 }, { "+7", 0 },
        { "-1", 0 }, { "18446744073709551615", 0 },
        { "18446744073709551616", 0 }, { "99999999999999999999999", 10 },
        { "0x", 0 }, { "0xg", 16 }, { "", 0 }, { "abc", 0 },
        { "z", 36 }, { "1010", 2 }, { "12M", 0 }, { "09", 0 },
    };
    unsigned int i;

    for ( i = 0; i < sizeof(cases) / sizeof(cases[0]); i++ )
    {
        char *e1, *e2;
        unsigned long long a = hv_strtoull(cases[i].s, &e1, cases[i].base);
        unsigned long long b = strtoull(cases[i].s, &e2, cases[i].base);

        CU_ASSERT_EQUAL(a, b);
        CU_ASSERT_PTR_EQUAL(e1, e2);
    }
    CU_ASSERT_EQUAL(hv_strtoull("77", NULL, 8), 63);
}

static void test_strlcpy(void)
{
    char buf[6];

    CU_ASSERT_EQUAL(hv_strlcpy(buf, "abc", sizeof(buf)), 3);
    CU_ASSERT_STRING_EQUAL(buf, "abc");
    CU_ASSERT_EQUAL(hv_strlcpy(buf, "abcdefgh", sizeof(buf)), 8);
    CU_ASSERT_STRING_EQUAL(buf, "abcde");
    buf[0] = 'x';
    CU_ASSERT_EQUAL(hv_strlcpy(buf, "abc", 0), 3);
    CU_ASSERT_EQUAL(buf[0], 'x');
}

static CU_TestInfo string_tests[] = {
    { "memory functions", test_mem },
    { "string functions", test_str },
    { "strtoull", test_strtoull },
    { "strlcpy", test_strlcpy },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "string", NULL, NULL, NULL, NULL, string_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
