/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl create: build the domain (dom-build.c), start its keeper (its
 * console and lifecycle), let it run unless --paused, and attach to its
 * console with --console.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ops.h"
#include "ops-libctl.h"
#include "vmctl.h"

/* Tests run the keeper in their own process: they replace this. */
int (*ops_spawn_keeper)(struct ops_ctx *o, const struct domain_config *cfg,
                        const struct built_domain *bd) = keeper_spawn;

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
    rc = ops_spawn_keeper(&o, cfg, &bd);
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
        rc = console_attach(&o, bd.domid);
 out:
    ops_close(&o);
    return rc;
}
