/* SPDX-License-Identifier: GPL-2.0-only */
/* Basic types for hypervisor code; only the compiler's freestanding headers. */
#ifndef HV_TYPES_H
#define HV_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

typedef uint64_t paddr_t;   /* machine (physical) address */
typedef uint64_t mfn_t;     /* machine frame number */
typedef uint64_t pfn_t;     /* guest pseudo-physical frame number */
typedef uint16_t domid_t;

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))
#define PFN_UP(x)       (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)     ((x) >> PAGE_SHIFT)

#define ARRAY_SIZE(a)   (sizeof(a) / sizeof((a)[0]))
#define ROUNDUP(x, a)   (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define ROUNDDOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define MIN(a, b)       ((a) < (b) ? (a) : (b))
#define MAX(a, b)       ((a) > (b) ? (a) : (b))

#define likely(x)       __builtin_expect(!!(x), 1)
#define unlikely(x)     __builtin_expect(!!(x), 0)
#define __packed        __attribute__((packed))
#define __aligned(a)    __attribute__((aligned(a)))
#define __noreturn      __attribute__((noreturn))
#define __unused        __attribute__((unused))
#define __section(s)    __attribute__((section(s)))
#define container_of(p, type, member) \
    ((type *)((char *)(p) - offsetof(type, member)))

#endif /* HV_TYPES_H */
