/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The run of one test: from the entry code to the result line and the
 * shutdown hypercall that ends the domain.
 */
#include "hvtest.h"

enum verdict {
    V_SUCCESS,
    V_SKIP,
    V_FAILURE,
};

const start_info_t *start_info;
/* Written before .bss is checked and cleared, so it lives in .data. */
struct regs entry_regs __attribute__((section(".data")));
enum hc_transport hc_transport;

static enum verdict verdict = V_SUCCESS;
static unsigned int shutdown_reason = SHUTDOWN_poweroff;
static unsigned int expected_reason = SHUTDOWN_poweroff;
static bool await_shutdown;

const char *const regs_names[REGS_SIZE / 8] = {
    "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
    "rflags", "cs", "ss", "ds", "es", "fs", "gs",
};

static const char *const shutdown_names[] = {
    [SHUTDOWN_poweroff] = "poweroff",
    [SHUTDOWN_reboot] = "reboot",
    [SHUTDOWN_suspend] = "suspend",
    [SHUTDOWN_crash] = "crash",
    [SHUTDOWN_watchdog] = "watchdog",
    [SHUTDOWN_soft_reset] = "soft_reset",
};

bool hc_set_transport(enum hc_transport t)
{
    if ( t == HC_PAGE && !hc_have_page() )
        return false;
    hc_transport = t;
    return true;
}

void test_fail(const char *fmt, ...)
{
    va_list ap;

    printf("FAIL: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    verdict = V_FAILURE;
}

void test_skip(const char *fmt, ...)
{
    va_list ap;

    printf("SKIP: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if ( verdict == V_SUCCESS )
        verdict = V_SKIP;
}

bool test_failed(void)
{
    return verdict == V_FAILURE;
}

bool check_eq(const char *what, long got, long want)
{
    if ( got == want )
    {
        printf("ok: %s = %ld (%#lx)\n", what, got, got);
        return true;
    }
    test_fail("%s = %ld (%#lx), want %ld (%#lx)", what, got, got, want, want);
    return false;
}

bool check_true(const char *what, bool ok)
{
    if ( ok )
        printf("ok: %s\n", what);
    else
        test_fail("%s", what);
    return ok;
}

void test_set_shutdown(unsigned int reason)
{
    shutdown_reason = reason;
    expected_reason = reason;
}

void test_expect_shutdown(unsigned int reason)
{
    expected_reason = reason;
}

void test_await_shutdown(void)
{
    await_shutdown = true;
}

const char *shutdown_name(unsigned int reason)
{
    return reason < ARRAY_SIZE(shutdown_names) ? shutdown_names[reason]
                                                : NULL;
}

int shutdown_parse(const char *s)
{
    unsigned int n = 0;

    for ( unsigned int i = 0; i < ARRAY_SIZE(shutdown_names); i++ )
        if ( !strcmp(s, shutdown_names[i]) )
            return i;
    if ( !*s )
        return -1;
    for ( ; *s; s++ )
    {
        if ( *s < '0' || *s > '9' || n > 0xffffff )
            return -1;
        n = n * 10 + (*s - '0');
    }
    return n;
}

bool cmdline_get(const char *key, char *buf, size_t size)
{
    const char *p = (const char *)start_info->cmd_line;
    const char *end = p + strnlen(p, sizeof(start_info->cmd_line));
    size_t klen = strlen(key);

    while ( p < end )
    {
        const char *tok = p;
        size_t n;

        while ( p < end && *p != ' ' )
            p++;
        if ( (size_t)(p - tok) >= klen && !strncmp(tok, key, klen) &&
             (tok[klen] == '=' || tok + klen == p) )
        {
            tok += klen + (tok + klen < p);
            n = p - tok < (long)size - 1 ? (size_t)(p - tok) : size - 1;
            memcpy(buf, tok, n);
            buf[n] = '\0';
            return true;
        }
        while ( p < end && *p == ' ' )
            p++;
    }
    return false;
}

static const char *verdict_name(void)
{
    switch ( verdict )
    {
    case V_SUCCESS:
        return "SUCCESS";
    case V_SKIP:
        return "SKIP";
    default:
        return "FAILURE";
    }
}

void test_report(void)
{
    static bool reported;
    const char *name;

    if ( reported )
        return;
    reported = true;
    printf("Test result: %s\n", verdict_name());

    /* The runner compares this line with what the hypervisor reports. */
    name = shutdown_name(expected_reason);
    if ( name )
        printf("hvtest: shutdown reason %s\n", name);
    else
        printf("hvtest: shutdown reason %u\n", expected_reason);
}

/* Called by head.S with the start_info pointer the hypervisor gave. */
void __attribute__((noreturn)) hvtest_start(const start_info_t *si)
{
    struct sched_shutdown sd;
    long rc;

    start_info = si;
    hc_set_transport(hc_have_page() ? HC_PAGE : HC_SYSCALL);

    printf("hvtest: %s\n", test_title);
    test_main();
    test_report();

    if ( await_shutdown )
        for ( ;; )
            HYPERVISOR_sched_op(SCHEDOP_yield, NULL);

    sd.reason = shutdown_reason;
    rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    /* The runner stops at this line; spin quietly until it does. */
    printf("hvtest: SCHEDOP_shutdown returned %ld\n", rc);
    for ( ;; )
        asm volatile ( "pause" );
}
