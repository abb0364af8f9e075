/* SPDX-License-Identifier: GPL-2.0-only */
/* The commands that tune a running domain: vcpu-pin, sched-credit and
 * mem-max. */
#include <errno.h>
#include <string.h>

#include "domcfg.h"
#include "ops.h"
#include "vmctl.h"

/* A decimal number from @min to @max, or -1. */
static long parse_number(const char *text, long min, long max)
{
    long n = 0;
    const char *p;

    if ( !*text )
        return -1;
    for ( p = text; *p; p++ )
    {
        if ( *p < '0' || *p > '9' )
            return -1;
        n = n * 10 + (*p - '0');
        if ( n > max )
            return -1;
    }
    return n < min ? -1 : n;
}

int vmctl_main_vcpu_pin(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = { VMCTL_OPT_HELP, { 0 } };
    struct vmctl_cpulist cpus;
    long vcpu = -1;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "h", opts)) != -1 )
    {
        rc = vmctl_getopt_status(opt);
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 3, 3);
    if ( rc )
        goto out;
    if ( strcmp(argv[optind + 1], "all") )
    {
        vcpu = parse_number(argv[optind + 1], 0, DOMCFG_MAX_VCPUS - 1);
        if ( vcpu < 0 )
        {
            rc = vmctl_usage_error(cmd, "VCPU must be 'all' or a number "
                                   "from 0 to %d, not '%s'",
                                   DOMCFG_MAX_VCPUS - 1, argv[optind + 1]);
            goto out;
        }
    }
    switch ( vmctl_cpulist_parse(argv[optind + 2], &cpus) )
    {
    case 0:
        break;
    case -ERANGE:
        rc = vmctl_usage_error(cmd, "CPUS '%s' names a CPU above %d",
                               argv[optind + 2], VMCTL_MAX_CPUS - 1);
        goto out;
    default:
        rc = vmctl_usage_error(cmd, "CPUS must be 'all' or a list such as "
                               "0-3,6, not '%s'", argv[optind + 2]);
        goto out;
    }
    rc = vmctl_op_vcpu_pin(argv[optind], (int)vcpu, &cpus);

 out:
    return rc;
}

int vmctl_main_sched_credit(const struct vmctl_cmd *cmd, int argc,
                            char **argv)
{
    static const struct option opts[] = {
        { "domain", required_argument, NULL, 'd' },
        { "weight", required_argument, NULL, 'w' },
        { "cap", required_argument, NULL, 'c' },
        VMCTL_OPT_HELP,
        { 0 },
    };
    const char *domain = NULL;
    long weight = -1, cap = -1;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "d:w:c:h", opts)) != -1 )
    {
        switch ( opt )
        {
        case 'd':
            domain = optarg;
            break;
        case 'w':
            /* The credit scheduler keeps both as 16-bit numbers. */
            weight = parse_number(optarg, 1, 65535);
            if ( weight < 0 )
            {
                rc = vmctl_usage_error(cmd, "weight must be a number from "
                                       "1 to 65535, not '%s'", optarg);
                goto out;
            }
            break;
        case 'c':
            cap = parse_number(optarg, 0, 65535);
            if ( cap < 0 )
            {
                rc = vmctl_usage_error(cmd, "cap must be a number from 0 "
                                       "to 65535, not '%s'", optarg);
                goto out;
            }
            break;
        default:
            rc = vmctl_getopt_status(opt);
            goto out;
        }
    }
    rc = vmctl_check_args(cmd, argc - optind, 0, 0);
    if ( rc )
        goto out;
    if ( domain && !*domain )
    {
        rc = vmctl_usage_error(cmd, "DOMAIN may not be empty");
        goto out;
    }
    if ( !domain && (weight >= 0 || cap >= 0) )
    {
        rc = vmctl_usage_error(cmd, "--weight and --cap need --domain");
        goto out;
    }
    rc = vmctl_op_sched_credit(domain, (int)weight, (int)cap);

 out:
    return rc;
}

int vmctl_main_mem_max(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = { VMCTL_OPT_HELP, { 0 } };
    char number[32];
    const char *size, *unit;
    uint64_t kib = 0;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "h", opts)) != -1 )
    {
        rc = vmctl_getopt_status(opt);
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 2, 2);
    if ( rc )
        goto out;
    if ( !*argv[optind] )
    {
        rc = vmctl_usage_error(cmd, "DOMAIN may not be empty");
        goto out;
    }

    /* SIZE is digits, then a unit as in the XML's unit attribute. */
    size = argv[optind + 1];
    unit = size + strspn(size, "0123456789");
    if ( (size_t)(unit - size) >= sizeof(number) )
        unit = size;
    memcpy(number, size, unit - size);
    number[unit - size] = '\0';
    if ( domcfg_parse_size(number, unit, &kib) || !kib )
    {
        rc = vmctl_usage_error(cmd, "SIZE must be a positive number with "
                               "an optional unit (%s), not '%s'",
                               DOMCFG_UNITS, size);
        goto out;
    }
    rc = vmctl_op_mem_max(argv[optind], kib);

 out:
    return rc;
}
