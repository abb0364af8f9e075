/* SPDX-License-Identifier: GPL-2.0-only */
/* The commands about the host as a whole: list, info and dmesg. */
#include <stdbool.h>

#include "ops.h"
#include "vmctl.h"

int vmctl_main_list(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = {
        { "json", no_argument, NULL, 'j' },
        VMCTL_OPT_HELP,
        { 0 },
    };
    bool json = false;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "jh", opts)) != -1 )
    {
        if ( opt == 'j' )
        {
            json = true;
            continue;
        }
        rc = vmctl_getopt_status(opt);
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 0, 1);
    if ( rc )
        goto out;
    rc = vmctl_op_list(optind < argc ? argv[optind] : NULL, json);

 out:
    return rc;
}

int vmctl_main_info(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = { VMCTL_OPT_HELP, { 0 } };
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "h", opts)) != -1 )
    {
        rc = vmctl_getopt_status(opt);
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 0, 0);
    if ( rc )
        goto out;
    rc = vmctl_op_info();

 out:
    return rc;
}

int vmctl_main_dmesg(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = {
        { "clear", no_argument, NULL, 'c' },
        VMCTL_OPT_HELP,
        { 0 },
    };
    bool clear = false;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "ch", opts)) != -1 )
    {
        if ( opt == 'c' )
        {
            clear = true;
            continue;
        }
        rc = vmctl_getopt_status(opt);
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 0, 0);
    if ( rc )
        goto out;
    rc = vmctl_op_dmesg(clear);

 out:
    return rc;
}
