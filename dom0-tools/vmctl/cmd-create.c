/* SPDX-License-Identifier: GPL-2.0-only */
/* vmctl create: read and check the domain XML, then either print it as
 * JSON (--dry-run) or hand it to the toolstack. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domcfg.h"
#include "ops.h"
#include "vmctl.h"

/*
 * The kernel cache of libctl's builder: on by default in
 * VMCTL_KERNEL_CACHE_DIR; $VMCTL_KERNEL_CACHE names another directory or
 * "off", $VMCTL_KERNEL_CACHE_MAX its bound in MiB.  A keeper that
 * restarts the domain inherits the choice.
 */
#define VMCTL_KERNEL_CACHE_DIR "/var/cache/vmctl/kernels"

static void kernel_cache_setup(bool off)
{
    const char *dir = getenv("VMCTL_KERNEL_CACHE");
    const char *max = getenv("VMCTL_KERNEL_CACHE_MAX");

    if ( off || (dir && !strcmp(dir, "off")) )
        dir = "off";
    else if ( !dir || !*dir )
        dir = VMCTL_KERNEL_CACHE_DIR;
    setenv("LIBCTL_KERNEL_CACHE", dir, 1);
    if ( max && *max )
        setenv("LIBCTL_KERNEL_CACHE_MAX", max, 1);
}

int vmctl_main_create(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = {
        { "dry-run", no_argument, NULL, 'n' },
        { "paused", no_argument, NULL, 'p' },
        { "console", no_argument, NULL, 'c' },
        { "no-kernel-cache", no_argument, NULL, 'K' },
        VMCTL_OPT_HELP,
        { 0 },
    };
    struct domain_config *cfg = NULL;
    char err[DOMCFG_ERR_MAX];
    bool dry_run = false, paused = false, console = false;
    bool no_cache = false;
    char *json = NULL;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "npcKh", opts)) != -1 )
    {
        switch ( opt )
        {
        case 'n':
            dry_run = true;
            break;
        case 'p':
            paused = true;
            break;
        case 'c':
            console = true;
            break;
        case 'K':
            no_cache = true;
            break;
        default:
            rc = vmctl_getopt_status(opt);
            goto out;
        }
    }
    rc = vmctl_check_args(cmd, argc - optind, 1, 1);
    if ( rc )
        goto out;
    if ( dry_run && (paused || console) )
    {
        rc = vmctl_usage_error(cmd, "--dry-run starts no domain: it takes "
                               "neither --paused nor --console");
        goto out;
    }

    /* Configuration errors carry their own place: "vmctl: FILE:LINE: ". */
    if ( domcfg_load_file(argv[optind], &cfg, err, sizeof(err)) ||
         domcfg_fill_random(cfg, NULL, err, sizeof(err)) )
    {
        fprintf(stderr, "vmctl: %s\n", err);
        rc = VMCTL_FAILED;
        goto out;
    }

    if ( !dry_run )
    {
        kernel_cache_setup(no_cache);
        rc = vmctl_op_create(cfg, paused, console);
        goto out;
    }
    if ( domcfg_to_json(cfg, &json) )
    {
        rc = vmctl_fail(cmd, "cannot write the configuration as JSON");
        goto out;
    }
    fputs(json, stdout);

 out:
    free(json);
    domcfg_free(cfg);
    return rc;
}
