/* SPDX-License-Identifier: GPL-2.0-only */
/* vmctl's command table, exit statuses and the helpers every command uses
 * to parse its arguments the same way. */
#ifndef VMCTL_H
#define VMCTL_H

#include <getopt.h>
#include <stdio.h>

/* Exit statuses a script can rely on. */
#define VMCTL_OK      0   /* done */
#define VMCTL_FAILED  1   /* the operation failed */
#define VMCTL_USAGE   2   /* the command line was wrong; nothing was done */

struct vmctl_cmd;
typedef int vmctl_main_fn(const struct vmctl_cmd *cmd, int argc,
                          char **argv);

struct vmctl_cmd
{
    const char *name;
    vmctl_main_fn *main;
    const char *summary;     /* one line, for `vmctl --help` */
    const char *usage;       /* the arguments after the command's name */
    const char *help;        /* what it does, then its options, or NULL */
};

extern const struct vmctl_cmd vmctl_cmds[];
extern const unsigned int vmctl_nr_cmds;

const struct vmctl_cmd *vmctl_find_cmd(const char *name);

/* The command's full help (`vmctl help CMD`, `vmctl CMD --help`). */
void vmctl_cmd_help(FILE *out, const struct vmctl_cmd *cmd);

/* "vmctl: CMD: message", the usage line and a hint; VMCTL_USAGE. */
int vmctl_usage_error(const struct vmctl_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "vmctl: CMD: message" on stderr; VMCTL_FAILED. */
int vmctl_fail(const struct vmctl_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Every command takes -h/--help: list this in its getopt options. */
#define VMCTL_OPT_HELP  { "help", no_argument, NULL, 'h' }

/* vmctl_getopt() results besides an option's character and -1. */
#define VMCTL_GETOPT_HELP  (-2)   /* help printed: exit VMCTL_OK */
#define VMCTL_GETOPT_BAD   (-3)   /* error printed: exit VMCTL_USAGE */

/*
 * getopt_long() over a command's own arguments (argv[0] is the command's
 * name), with messages in vmctl's form.  Start each command with
 * optind = 0 so that getopt forgets the previous parse.
 */
int vmctl_getopt(const struct vmctl_cmd *cmd, int argc, char **argv,
                 const char *shortopts, const struct option *longopts);

/* Exit status for a vmctl_getopt() result the command did not expect. */
int vmctl_getopt_status(int opt);

/* Check that between @min and @max arguments follow the options. */
int vmctl_check_args(const struct vmctl_cmd *cmd, int argc, int min,
                     int max);

/* The commands (cmd-*.c). */
vmctl_main_fn vmctl_main_create, vmctl_main_list, vmctl_main_info,
    vmctl_main_destroy, vmctl_main_shutdown, vmctl_main_reboot,
    vmctl_main_pause, vmctl_main_unpause, vmctl_main_console,
    vmctl_main_dmesg, vmctl_main_vcpu_pin, vmctl_main_sched_credit,
    vmctl_main_mem_max, vmctl_main_help;

#endif /* VMCTL_H */
