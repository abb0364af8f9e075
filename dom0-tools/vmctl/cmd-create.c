/* SPDX-License-Identifier: GPL-2.0-only */
/* vmctl create: read and check the domain XML, then either print it as
 * JSON (--dry-run) or hand it to the toolstack. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "domcfg.h"
#include "ops.h"
#include "vmctl.h"

int vmctl_main_create(const struct vmctl_cmd *cmd, int argc, char **argv)
{
    static const struct option opts[] = {
        { "dry-run", no_argument, NULL, 'n' },
        { "paused", no_argument, NULL, 'p' },
        { "console", no_argument, NULL, 'c' },
        VMCTL_OPT_HELP,
        { 0 },
    };
    struct domain_config *cfg = NULL;
    char err[DOMCFG_ERR_MAX];
    bool dry_run = false, paused = false, console = false;
    char *json = NULL;
    int opt, rc;

    optind = 0;
    while ( (opt = vmctl_getopt(cmd, argc, argv, "npch", opts)) != -1 )
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
