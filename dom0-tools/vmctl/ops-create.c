/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl create: build the domain (dom-build.c), give the console daemon
 * a moment to take its console (else its keeper serves it), start its
 * keeper, let it run unless --paused, and attach to its console with
 * --console.  Nothing it prints is lost: the guest waits for a backend.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "console-attach.h"
#include "ops.h"
#include "ops-libctl.h"
#include "vmctl.h"

/* Tests run the keeper in their own process: they replace this. */
int (*ops_spawn_keeper)(struct ops_ctx *o, const struct domain_config *cfg,
                        const struct built_domain *bd,
                        bool serve_console) = keeper_spawn;

/* VMCTL_PROFILE=1: each step's wall time on stderr. */
static void profile(const char *what)
{
    static double last;
    const char *e = getenv("VMCTL_PROFILE");
    struct timespec t;
    double ms;

    if ( !e || !*e || !strcmp(e, "0") )
        return;
    clock_gettime(CLOCK_MONOTONIC, &t);
    ms = t.tv_sec * 1e3 + t.tv_nsec / 1e6;
    if ( what )
        fprintf(stderr, "vmctl create: %-16s %8.1f ms\n", what, ms - last);
    last = ms;
}

int vmctl_op_create(const struct domain_config *cfg, bool paused,
                    bool console)
{
    struct built_domain bd;
    struct ops_ctx o;
    bool daemon;
    int rc;

    profile(NULL);
    rc = ops_open(&o, "create", true);
    profile("open");
    if ( rc )
        goto out;
    rc = dom_build(&o, cfg, &bd);
    profile("build");
    if ( rc )
        goto out;
    daemon = console_daemon_took(&o, bd.domid, CONSOLE_DAEMON_WAIT_MS);
    profile("console daemon");
    rc = ops_spawn_keeper(&o, cfg, &bd, !daemon);
    profile("keeper");
    if ( !rc && !paused && xc_domain_unpause(o.xch, bd.domid) )
        rc = ops_xc_fail(&o, "domain %s", cfg->name);
    profile("unpause");
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
