/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor command line and the options files register on it.
 * Syntax as Xen's: space-separated name[=value]; "no-" negates booleans. */
#ifndef HV_CMDLINE_H
#define HV_CMDLINE_H

#include <hv/types.h>

enum hv_param_type
{
    PARAM_BOOL,     /* name, no-name, name=yes|no|on|off|true|false|1|0 */
    PARAM_UINT,     /* C integer syntax (0x.., 0..) into a 1-8 byte var */
    PARAM_SIZE,     /* number with K/M/G/T/B suffix, KiB without one */
    PARAM_STR,      /* copied into a char array, truncated to fit */
    PARAM_CUSTOM,   /* int fn(const char *value): 0 or -EINVAL etc. */
};

/* One option; 32 bytes so that the section is a plain array. */
struct hv_param
{
    const char *name;
    enum hv_param_type type;
    unsigned int len;               /* variable or buffer size */
    union
    {
        void *var;
        int (*func)(const char *value);
    } par;
    unsigned long reserved;
};

#define __hv_param_entry(id)   \
    static const struct hv_param __hv_param_##id                        \
    __attribute__((used, section("hv_param"), aligned(8)))

/* Register an option from any file; the variable keeps its default. */
#define boolean_param(name_, v_)                                        \
    __hv_param_entry(v_) = { name_, PARAM_BOOL, sizeof(v_),            \
                              { .var = &(v_) }, 0 }
#define integer_param(name_, v_)                                        \
    __hv_param_entry(v_) = { name_, PARAM_UINT, sizeof(v_),            \
                              { .var = &(v_) }, 0 }
#define size_param(name_, v_)  \
    __hv_param_entry(v_) = { name_, PARAM_SIZE, sizeof(v_),            \
                              { .var = &(v_) }, 0 }
#define string_param(name_, v_)                                         \
    __hv_param_entry(v_) = { name_, PARAM_STR, sizeof(v_),             \
                              { .var = (v_) }, 0 }
#define custom_param(name_, fn_) \
    __hv_param_entry(fn_) = { name_, PARAM_CUSTOM, 0, { .func = (fn_) }, 0 }

/*
 * Parse the boot command line: skip the image name a loader puts first,
 * stop at " -- " (the rest belongs to dom0) and apply every option.  Runs
 * before the console exists, so complaints are kept for cmdline_report().
 * Never fails: unknown options are noted at debug level, malformed ones as
 * warnings.
 */
void cmdline_parse(const char *cmdline);

/* Print the command line and what parsing had to say about it. */
void cmdline_report(void);

/* The options as given (without the image name and the dom0 part). */
const char *cmdline_get(void);

/* What followed " -- ", for dom0's command line ("" if nothing). */
const char *cmdline_dom0_extra(void);

/* The parser itself, over any table (unit tests give their own). */
void parse_params(const char *cmdline, const struct hv_param *start,
                  const struct hv_param *end);

/* Helpers for custom options, with Xen's syntax. */
int parse_bool(const char *s, const char *end);   /* 1, 0 or -1 */
unsigned long long parse_size_and_unit(const char *s, const char **ps);

/* Record a complaint at boot (custom parsers may use it); level: LOG_*. */
void cmdline_note(const char *level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * dom0_mem= (x86 Xen syntax): List of ( min:<sz> | max:<sz> | <sz> ),
 * <sz> = [-]<size> | [-][<size>+]<frac>%.  Sizes relative to host memory
 * are resolved by dom0_mem_resolve(); absolute ones are set at parse time.
 * All values are bytes; 0 means "not given".
 */
extern uint64_t dom0_mem_bytes;
extern uint64_t dom0_mem_min_bytes;
extern uint64_t dom0_mem_max_bytes;
void dom0_mem_resolve(uint64_t host_bytes);

#endif /* HV_CMDLINE_H */
