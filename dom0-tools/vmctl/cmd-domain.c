/* SPDX-License-Identifier: GPL-2.0-only */
/* The commands that act on one domain named on the command line: destroy,
 * shutdown, reboot, pause, unpause and console. */
#include <stdbool.h>

#include "ops.h"
#include "vmctl.h"

/* parse_domain_args() printed the help: stop, successfully. */
#define HELP_SHOWN (-1)

/*
 * Parse "[-w] DOMAIN" (-w only when @wait is not NULL).  Returns
 * VMCTL_OK with the domain in *@domainp, HELP_SHOWN, or the status to
 * exit with.
 */
static int parse_domain_args(const struct vmctl_cmd *cmd, int argc,
                             char **argv, bool *wait, const char **domainp)
{
    static const struct option opts[] = {
        { "wait", no_argument, NULL, 'w' },
        VMCTL_OPT_HELP,
        { 0 },
    };
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, wait ? "wh" : "h",
                                wait ? opts : opts + 1)) != -1 )
    {
        if ( opt == 'w' && wait )
        {
            *wait = true;
            continue;
        }
        rc = vmctl_getopt_status(opt);
        if ( rc == VMCTL_OK )
            rc = HELP_SHOWN;
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 1, 1);
    if ( rc )
        goto out;
    if ( !*argv[optind] )
    {
        rc = vmctl_usage_error(cmd, "DOMAIN may not be empty");
        goto out;
    }
    *domainp = argv[optind];

 out:
    return rc;
}

/* parse_domain_args()'s result as an exit status. */
static int exit_status(int rc)
{
    return rc == HELP_SHOWN ? VMCTL_OK : rc;
}

int vmctl_main_destroy(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    const char *domain;
    int rc;

    rc = parse_domain_args(cmd, argc, argv, NULL, &domain);
    if ( rc )
        goto out;
    rc = vmctl_op_destroy(domain);

 out:
    return exit_status(rc);
}

int vmctl_main_shutdown(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    const char *domain;
    bool wait = false;
    int rc;

    rc = parse_domain_args(cmd, argc, argv, &wait, &domain);
    if ( rc )
        goto out;
    rc = vmctl_op_shutdown(domain, wait);

 out:
    return exit_status(rc);
}

int vmctl_main_reboot(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    const char *domain;
    bool wait = false;
    int rc;

    rc = parse_domain_args(cmd, argc, argv, &wait, &domain);
    if ( rc )
        goto out;
    rc = vmctl_op_reboot(domain, wait);

 out:
    return exit_status(rc);
}

int vmctl_main_pause(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    const char *domain;
    int rc;

    rc = parse_domain_args(cmd, argc, argv, NULL, &domain);
    if ( rc )
        goto out;
    rc = vmctl_op_pause(domain);

 out:
    return exit_status(rc);
}

int vmctl_main_unpause(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    const char *domain;
    int rc;

    rc = parse_domain_args(cmd, argc, argv, NULL, &domain);
    if ( rc )
        goto out;
    rc = vmctl_op_unpause(domain);

 out:
    return exit_status(rc);
}

int vmctl_main_console(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    const char *domain;
    int rc;

    rc = parse_domain_args(cmd, argc, argv, NULL, &domain);
    if ( rc )
        goto out;
    rc = vmctl_op_console(domain);

 out:
    return exit_status(rc);
}
