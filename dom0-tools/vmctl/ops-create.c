/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl create: build the domain (dom-build.c), give the console daemon
 * a moment to take its console (else its keeper serves it), start its
 * keeper, let it run unless --paused, and attach to its console with
 * --console.  Nothing it prints is lost: the guest waits for a backend.
 */
#include <stdio.h>
#include <stdlib.h>

#include "console-attach.h"
#include "ops.h"
#include "ops-libctl.h"
#include "vmctl.h"

/* Tests run the keeper in their own process: they replace this. */
int (*ops_spawn_keeper)(struct ops_ctx *o, const struct domain_config *cfg,
                        const struct built_domain *bd,
                        bool serve_console) = keeper_spawn;

int vmctl_op_create(const struct domain_config *cfg, bool paused,
                    bool console)
{
    struct built_domain bd;
    struct ops_ctx o;
    int rc = ops_open(&o, "create", true);

    if ( rc )
        goto out;
    rc = dom_build(&o, cfg, &bd);
    if ( rc )
        goto out;
    rc = ops_spawn_keeper(&o, cfg, &bd,
                          !console_daemon_took(&o, bd.domid,
                                               CONSOLE_DAEMON_WAIT_MS));
    if ( !rc && !paused && xc_domain_unpause(o.xch, bd.domid) )
        rc = ops_xc_fail(&o, "domain %s", cfg->name);
    if ( rc )
    {
        dom_teardown(&o, bd.domid);
        goto out;
    }
    printf("%s: domain %u\n", cfg->name, bd.domid);
    fflush(stdout);
    if ( console )
        rc = console_attach_domain(o.xs, bd.domid, cfg->name);
 out:
    ops_close(&o);
    return rc;
}
