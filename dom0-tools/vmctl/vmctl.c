/* SPDX-License-Identifier: GPL-2.0-only */
/* vmctl's entry point: global options, dispatch through the command
 * table, and the help and error output every command shares. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vmctl.h"

static void global_help(FILE *out)
{
    unsigned int i;

    fprintf(out,
            "Usage: vmctl [--help] [--version] COMMAND [ARGS]\n"
            "Manage the domains of a Xen-compatible hypervisor from "
            "dom0.\n\nCommands:\n");
    for ( i = 0; i < vmctl_nr_cmds; i++ )
        fprintf(out, "  %-14s%s\n", vmctl_cmds[i].name,
                vmctl_cmds[i].summary);
    fprintf(out, "\nRun 'vmctl help COMMAND' or 'vmctl COMMAND --help' for "
            "a command's usage.\n"
            "Exit status: 0 done, 1 failed, 2 wrong usage.\n");
}

void vmctl_cmd_help(FILE *out, const struct vmctl_cmd *cmd)
{
    fprintf(out, "Usage: vmctl %s%s%s\n%s.\n", cmd->name,
            *cmd->usage ? " " : "", cmd->usage, cmd->summary);
    if ( cmd->help )
        fprintf(out, "\n%s", cmd->help);
}

int vmctl_usage_error(const struct vmctl_cmd *cmd, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "vmctl: %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nUsage: vmctl %s%s%s\n"
            "Run 'vmctl help %s' for more.\n", cmd->name,
            *cmd->usage ? " " : "", cmd->usage, cmd->name);
    return VMCTL_USAGE;
}

int vmctl_fail(const struct vmctl_cmd *cmd, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "vmctl: %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return VMCTL_FAILED;
}

/* Say what was wrong with the option getopt_long() just refused. */
static void bad_option(const struct vmctl_cmd *cmd, char **argv,
                       const char *shortopts, const struct option *longopts)
{
    const char *known = optopt ? strchr(shortopts, optopt) : NULL;
    const char *name = "";

    /* An unknown long option leaves optopt at 0, its word before optind. */
    if ( !optopt )
    {
        vmctl_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
        return;
    }
    if ( !known )
    {
        vmctl_usage_error(cmd, "unknown option '-%c'", optopt);
        return;
    }
    for ( ; longopts->name; longopts++ )
        if ( longopts->val == optopt )
            name = longopts->name;
    vmctl_usage_error(cmd, "option -%c%s%s %s", optopt, *name ? "/--" : "",
                      name, known[1] == ':' ? "needs a value" :
                      "takes no value");
}

int vmctl_getopt(const struct vmctl_cmd *cmd, int argc, char **argv,
                 const char *shortopts, const struct option *longopts)
{
    int opt;

    opterr = 0;
    opt = getopt_long(argc, argv, shortopts, longopts, NULL);
    switch ( opt )
    {
    case 'h':
        vmctl_cmd_help(stdout, cmd);
        return VMCTL_GETOPT_HELP;
    case '?':
        bad_option(cmd, argv, shortopts, longopts);
        return VMCTL_GETOPT_BAD;
    default:
        return opt;
    }
}

int vmctl_getopt_status(int opt)
{
    return opt == VMCTL_GETOPT_HELP ? VMCTL_OK : VMCTL_USAGE;
}

int vmctl_check_args(const struct vmctl_cmd *cmd, int argc, int min,
                     int max)
{
    if ( argc < min )
        return vmctl_usage_error(cmd, "too few arguments");
    if ( argc > max )
        return vmctl_usage_error(cmd, "too many arguments");
    return VMCTL_OK;
}

int vmctl_main_help(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = { VMCTL_OPT_HELP, { 0 } };
    const struct vmctl_cmd *about;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "h", opts)) != -1 )
    {
        rc = vmctl_getopt_status(opt);
        goto out;
    }
    rc = vmctl_check_args(cmd, argc - optind, 0, 1);
    if ( rc )
        goto out;
    if ( optind == argc )
    {
        global_help(stdout);
        goto out;
    }
    about = vmctl_find_cmd(argv[optind]);
    if ( !about )
    {
        rc = vmctl_usage_error(cmd, "unknown command '%s'", argv[optind]);
        goto out;
    }
    vmctl_cmd_help(stdout, about);

 out:
    return rc;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { 0 },
    };
    const struct vmctl_cmd *cmd;
    int opt, rc = VMCTL_OK;

    /* '+': the first word that is not an option is the command. */
    opterr = 0;
    while ( (opt = getopt_long(argc, argv, "+hV", opts, NULL)) != -1 )
    {
        switch ( opt )
        {
        case 'h':
            global_help(stdout);
            goto out;
        case 'V':
            printf("vmctl (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
            goto out;
        default:
            fprintf(stderr, "vmctl: unknown option '%s'\n",
                    argv[optind - 1]);
            rc = VMCTL_USAGE;
            goto usage;
        }
    }
    if ( optind == argc )
    {
        fprintf(stderr, "vmctl: no command given\n");
        rc = VMCTL_USAGE;
        goto usage;
    }
    cmd = vmctl_find_cmd(argv[optind]);
    if ( !cmd )
    {
        fprintf(stderr, "vmctl: unknown command '%s'\n", argv[optind]);
        rc = VMCTL_USAGE;
        goto usage;
    }
    rc = cmd->main(cmd, argc - optind, argv + optind);
    if ( fflush(stdout) || ferror(stdout) )
    {
        fprintf(stderr, "vmctl: %s: cannot write the output\n", cmd->name);
        rc = VMCTL_FAILED;
    }
    goto out;

 usage:
    fprintf(stderr, "Run 'vmctl --help' for the list of commands.\n");
 out:
    return rc;
}
