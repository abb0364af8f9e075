/* SPDX-License-Identifier: GPL-2.0-only */
/* Parse a CPU list ("all", or "0-3,6") into a bitmap. */
#include <errno.h>
#include <string.h>

#include "cpulist.h"

/* A decimal CPU number at *@pp, which moves past it. */
static int parse_cpu(const char **pp, unsigned int *cpup)
{
    const char *p = *pp;
    unsigned long n = 0;

    if ( *p < '0' || *p > '9' )
        return -EINVAL;
    for ( ; *p >= '0' && *p <= '9'; p++ )
    {
        n = n * 10 + (unsigned long)(*p - '0');
        if ( n >= VMCTL_MAX_CPUS )
            return -ERANGE;
    }
    *pp = p;
    *cpup = (unsigned int)n;
    return 0;
}

int vmctl_cpulist_parse(const char *text, struct vmctl_cpulist *list)
{
    unsigned int first, last, cpu;
    const char *p = text;
    int rc = 0;

    memset(list, 0, sizeof(*list));
    if ( !strcmp(text, "all") )
    {
        list->all = true;
        goto out;
    }
    for ( ;; )
    {
        rc = parse_cpu(&p, &first);
        if ( rc )
            goto out;
        last = first;
        if ( *p == '-' )
        {
            p++;
            rc = parse_cpu(&p, &last);
            if ( rc )
                goto out;
            if ( last < first )
            {
                rc = -EINVAL;
                goto out;
            }
        }
        for ( cpu = first; cpu <= last; cpu++ )
            list->map[cpu / 8] |= (uint8_t)(1u << (cpu % 8));
        if ( last + 1 > list->nr )
            list->nr = last + 1;
        if ( !*p )
            break;
        if ( *p++ != ',' )
        {
            rc = -EINVAL;
            goto out;
        }
    }

 out:
    return rc;
}
