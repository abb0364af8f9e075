/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's small C library: string and formatting helpers.
 * Prototypes match ISO C so that unit tests link the host's libc instead. */
#ifndef HV_LIB_H
#define HV_LIB_H

#include <hv/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
unsigned long long strtoull(const char *s, char **end, int base);
size_t strlcpy(char *dst, const char *src, size_t size);

/* Locale-free character classes (named so they never clash with libc). */
static inline bool hv_isdigit(int c)
{
    return c >= '0' && c <= '9';
}

static inline bool hv_isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int hv_tolower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Compile-time assertion usable inside functions. */
#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))

#endif /* HV_LIB_H */
