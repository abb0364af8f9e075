/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain from its configuration: libctl builds it (paused), then its
 * xenstore nodes are written the way Xen's tools lay them out, and the
 * xenstore daemon is told about its ring.  Nodes the guest writes
 * (control/shutdown, data, device, ...) are owned by the guest; the rest
 * it may only read.  Any failure takes everything down again.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops-libctl.h"
#include "vmctl.h"

/* Directories the guest owns and writes in. */
static const char *const guest_dirs[] = {
    "control/shutdown", "control/feature-poweroff", "control/feature-reboot",
    "control/sysrq", "data", "drivers", "feature", "attr", "error",
};

/* Directories dom0 owns and the guest reads. */
static const char *const host_dirs[] = {
    "cpu", "memory", "device", "control", "console", "store",
};

struct xs_writer
{
    struct ops_ctx *o;
    xs_transaction_t t;
    uint32_t domid;
    char dom_path[32];
    bool ok;
    char failed[256];           /* the first path that could not be made */
};

static void note_failure(struct xs_writer *w, const char *path)
{
    if ( w->ok )
        snprintf(w->failed, sizeof(w->failed), "%s: %s", path,
                 strerror(errno));
    w->ok = false;
}

static void node(struct xs_writer *w, const char *rel, bool guest_owned)
{
    struct xs_permissions ro[2] = {
        { 0, XS_PERM_NONE }, { w->domid, XS_PERM_READ },
    };
    struct xs_permissions rw[1] = { { w->domid, XS_PERM_NONE } };
    char path[160];

    snprintf(path, sizeof(path), "%s%s%s", w->dom_path, *rel ? "/" : "",
             rel);
    if ( !w->ok )
        return;
    if ( !xs_mkdir(w->o->xs, w->t, path) ||
         !xs_set_permissions(w->o->xs, w->t, path, guest_owned ? rw : ro,
                             guest_owned ? 1 : 2) )
        note_failure(w, path);
}

static void value(struct xs_writer *w, const char *rel, const char *fmt,
                  ...) __attribute__((format(printf, 3, 4)));

static void value(struct xs_writer *w, const char *rel, const char *fmt, ...)
{
    char path[160], v[256];
    va_list ap;

    if ( !w->ok )
        return;
    snprintf(path, sizeof(path), "%s/%s", w->dom_path, rel);
    va_start(ap, fmt);
    vsnprintf(v, sizeof(v), fmt, ap);
    va_end(ap);
    if ( !xs_write(w->o->xs, w->t, path, v, (unsigned int)strlen(v)) )
        note_failure(w, path);
}

/* The /vm/UUID record Xen's tools keep beside the domain. */
static void vm_record(struct xs_writer *w, const char *vm, const char *name,
                      const char *uuid)
{
    struct xs_permissions ro[2] = {
        { 0, XS_PERM_NONE }, { w->domid, XS_PERM_READ },
    };
    char path[128];

    if ( !w->ok )
        return;
    if ( !xs_mkdir(w->o->xs, w->t, vm) ||
         !xs_set_permissions(w->o->xs, w->t, vm, ro, 2) )
    {
        note_failure(w, vm);
        return;
    }
    snprintf(path, sizeof(path), "%s/name", vm);
    if ( !ops_xs_printf(w->o, w->t, path, "%s", name) )
        note_failure(w, path);
    snprintf(path, sizeof(path), "%s/uuid", vm);
    if ( w->ok && !ops_xs_printf(w->o, w->t, path, "%s", uuid) )
        note_failure(w, path);
}

static void write_nodes(struct xs_writer *w, const struct domain_config *cfg,
                        const struct built_domain *bd)
{
    const struct xc_pv_build_info *i = &bd->info;
    char uuid[37], vm[64], cpu[32];
    unsigned int k;

    domcfg_format_uuid(cfg->uuid, uuid);
    snprintf(vm, sizeof(vm), "/vm/%s", uuid);
    node(w, "", false);
    for ( k = 0; k < sizeof(host_dirs) / sizeof(host_dirs[0]); k++ )
        node(w, host_dirs[k], false);
    for ( k = 0; k < sizeof(guest_dirs) / sizeof(guest_dirs[0]); k++ )
        node(w, guest_dirs[k], true);
    value(w, "name", "%s", cfg->name);
    value(w, "domid", "%u", bd->domid);
    value(w, "vm", "%s", vm);
    value(w, "memory/static-max", "%llu",
          (unsigned long long)cfg->max_memory_kib);
    value(w, "memory/target", "%llu", (unsigned long long)cfg->memory_kib);
    for ( k = 0; k < cfg->vcpus; k++ )
    {
        snprintf(cpu, sizeof(cpu), "cpu/%u/availability", k);
        value(w, cpu, "online");
    }
    value(w, "control/platform-feature-multiprocessor-suspend", "1");
    value(w, "control/platform-feature-xs_reset_watches", "1");
    value(w, "store/ring-ref", "%lu", (unsigned long)i->store_mfn);
    value(w, "store/port", "%u", i->store_evtchn);
    value(w, "console/ring-ref", "%lu", (unsigned long)i->console_mfn);
    value(w, "console/port", "%u", i->console_evtchn);
    value(w, "console/limit", "%u", 1048576);
    value(w, "console/type", "xenconsoled");
    value(w, "console/output", "pty");

    vm_record(w, vm, cfg->name, uuid);
}

/* Write every node in one transaction, retried while it conflicts. */
static int describe(struct ops_ctx *o, const struct domain_config *cfg,
                    const struct built_domain *bd)
{
    struct xs_writer w;
    unsigned int tries;

    for ( tries = 0; tries < 16; tries++ )
    {
        memset(&w, 0, sizeof(w));
        w.o = o;
        w.domid = bd->domid;
        w.ok = true;
        snprintf(w.dom_path, sizeof(w.dom_path), "/local/domain/%u",
                 bd->domid);
        w.t = xs_transaction_start(o->xs);
        if ( !w.t )
            return ops_fail(o, "domain %s: starting a xenstore "
                            "transaction: %s", cfg->name, strerror(errno));
        write_nodes(&w, cfg, bd);
        if ( !w.ok )
        {
            xs_transaction_end(o->xs, w.t, true);
            return ops_fail(o, "domain %s: xenstore %s", cfg->name,
                            w.failed);
        }
        if ( xs_transaction_end(o->xs, w.t, false) )
            return VMCTL_OK;
        if ( errno != EAGAIN )
            break;
    }
    return ops_fail(o, "domain %s: committing its xenstore nodes: %s",
                    cfg->name, strerror(errno));
}

int dom_build(struct ops_ctx *o, const struct domain_config *cfg,
              struct built_domain *bd)
{
    struct xc_pv_domain_spec spec;
    uint32_t other;

    memset(bd, 0, sizeof(*bd));
    if ( !ops_resolve_quiet(o, cfg->name, &other) )
        return ops_fail(o, "a domain named '%s' already exists (id %u)",
                        cfg->name, other);
    memset(&spec, 0, sizeof(spec));
    memcpy(spec.handle, cfg->uuid, sizeof(spec.handle));
    spec.memory_kib = cfg->memory_kib;
    spec.max_memory_kib = cfg->max_memory_kib;
    spec.vcpus = cfg->vcpus;
    spec.kernel = cfg->kernel;
    spec.initrd = cfg->initrd;
    spec.cmdline = cfg->cmdline;
    spec.backend_domid = 0;
    if ( xc_pv_domain_create(o->xch, &spec, &bd->domid, &bd->info) )
        return ops_xc_fail(o, "domain %s", cfg->name);

    if ( describe(o, cfg, bd) )
        goto fail;
    if ( !xs_introduce_domain(o->xs, bd->domid, bd->info.store_mfn,
                              bd->info.store_evtchn) )
    {
        ops_fail(o, "domain %s: introducing it to the xenstore daemon: %s",
                 cfg->name, strerror(errno));
        goto fail;
    }
    return VMCTL_OK;

 fail:
    dom_teardown(o, bd->domid);
    return VMCTL_FAILED;
}

/* Forget domid in xenstore: its nodes, its /vm record, its ring. */
static void forget(struct ops_ctx *o, uint32_t domid)
{
    char path[64], *vm;

    if ( !o->xs )
        return;
    snprintf(path, sizeof(path), "/local/domain/%u/vm", domid);
    vm = xs_read(o->xs, XBT_NULL, path, NULL);
    if ( vm && !strncmp(vm, "/vm/", 4) )
        xs_rm(o->xs, XBT_NULL, vm);
    free(vm);
    snprintf(path, sizeof(path), "/local/domain/%u", domid);
    xs_rm(o->xs, XBT_NULL, path);
    xs_release_domain(o->xs, domid);
}

void dom_teardown(struct ops_ctx *o, uint32_t domid)
{
    xc_domain_destroy(o->xch, domid);
    forget(o, domid);
}
