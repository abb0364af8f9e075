/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a micro test guest sees of the framework: its entry points, the
 * checks that decide its result, console output and the command line.
 */
#ifndef HVTEST_H
#define HVTEST_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/xen.h>
#include <public/sched.h>
#include <public/version.h>

/* Error numbers as plain names (EINVAL...); hypercalls return them negated. */
#define XEN_ERRNO(name, value) enum { name = value };
#include <public/errno.h>

#include "hypercall.h"
#include "regs.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The guest's virtual base: our image starts here (PADDR_OFFSET 0). */
#define VIRT_BASE 0xffffffff80000000UL
extern char _image_start[], _image_end[];

/* Each guest defines these two. */
extern const char test_title[];
void test_main(void);

/* The start_info page the hypervisor passed in RSI. */
extern const start_info_t *start_info;

/* Verdicts: a failure is final, a skip holds unless something fails. */
void test_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void test_skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool test_failed(void);

/*
 * Compare a probed value with what the reference hypervisor answers and
 * log both, so that two runs of one guest can be read side by side.
 */
bool check_eq(const char *what, long got, long want);
bool check_true(const char *what, bool ok);
#define CHECK_EQ(expr, want) check_eq(#expr, (long)(expr), (long)(want))
#define CHECK(cond) check_true(#cond, (cond))

/*
 * The shutdown reason to request once the result is printed (default
 * SHUTDOWN_poweroff); the runner checks the hypervisor reports this one.
 */
void test_set_shutdown(unsigned int reason);
/* The reason the hypervisor should report, when not the one requested. */
void test_expect_shutdown(unsigned int reason);
/*
 * Print the result, then yield until the hypervisor ends the domain by
 * itself (a watchdog, say) instead of requesting a shutdown.
 */
void test_await_shutdown(void);
/*
 * Print the result line now, for a test whose last act ends the domain
 * some other way (a fatal fault); the verdict can no longer change.
 */
void test_report(void);
const char *shutdown_name(unsigned int reason);
/* Reason by name ("reboot") or number; -1 if neither. */
int shutdown_parse(const char *s);

/* Console output through HYPERVISOR_console_io(CONSOLEIO_write). */
void console_write(const char *s, size_t n);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/*
 * The value of "key=value" in the command line, copied into buf; false if
 * absent.  A bare "key" yields an empty value.
 */
bool cmdline_get(const char *key, char *buf, size_t size);

/* Just enough of the C library for the compiler and the tests. */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strstr(const char *hay, const char *needle);

#endif /* HVTEST_H */
