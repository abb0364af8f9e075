/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl's operations over libctl and xenstore, but for create and list
 * (ops-create.c, ops-list.c): handles, messages, finding domains, and the
 * commands that act on one domain or tune it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "console-attach.h"
#include "libctl.h"
#include "ops.h"
#include "ops-libctl.h"
#include "vmctl.h"

int ops_fail(struct ops_ctx *o, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "vmctl: %s: ", o->cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return VMCTL_FAILED;
}

int ops_xc_fail(struct ops_ctx *o, const char *fmt, ...)
{
    const char *why = o->xch ? xc_get_last_error(o->xch)->message : "";
    va_list ap;

    fprintf(stderr, "vmctl: %s: ", o->cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s%s\n", *why ? ": " : "", why);
    return VMCTL_FAILED;
}

int ops_open(struct ops_ctx *o, const char *cmd, bool need_xs)
{
    memset(o, 0, sizeof(*o));
    o->cmd = cmd;
    o->xch = xc_interface_open(NULL, NULL, 0);
    if ( !o->xch )
        return ops_fail(o, "cannot open the hypervisor interface "
                        "(/dev/xen/privcmd): %s", strerror(errno));
    o->xs = xs_open(0);
    if ( !o->xs && need_xs )
    {
        int err = errno;

        ops_close(o);
        return ops_fail(o, "cannot reach the xenstore daemon (is vmstored "
                        "running?): %s", strerror(err));
    }
    return VMCTL_OK;
}

void ops_close(struct ops_ctx *o)
{
    xs_close(o->xs);
    xc_interface_close(o->xch);
    o->xs = NULL;
    o->xch = NULL;
}

bool ops_xs_printf(struct ops_ctx *o, xs_transaction_t t, const char *path,
                   const char *fmt, ...)
{
    char value[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(value, sizeof(value), fmt, ap);
    va_end(ap);
    if ( n < 0 || (size_t)n >= sizeof(value) )
    {
        errno = E2BIG;
        return false;
    }
    return xs_write(o->xs, t, path, value, (unsigned int)n);
}

char *ops_domain_name(struct ops_ctx *o, uint32_t domid)
{
    char path[64];

    if ( !o->xs )
        return domid ? NULL : strdup("Domain-0");
    snprintf(path, sizeof(path), "/local/domain/%u/name", domid);
    return xs_read(o->xs, XBT_NULL, path, NULL);
}

static bool all_digits(const char *s)
{
    if ( !*s )
        return false;
    for ( ; *s; s++ )
        if ( *s < '0' || *s > '9' )
            return false;
    return true;
}

/* 0, -ENOENT (no such domain), or -EIO (the hypervisor failed). */
int ops_resolve_quiet(struct ops_ctx *o, const char *domain,
                      uint32_t *domid)
{
    xc_domaininfo_t info[64];
    uint32_t next = 0;
    char *name;
    int n, i;

    if ( all_digits(domain) )
    {
        unsigned long id = strtoul(domain, NULL, 10);

        if ( id >= DOMID_FIRST_RESERVED ||
             xc_domain_getinfo_single(o->xch, (uint32_t)id, NULL) )
            return -ENOENT;
        *domid = (uint32_t)id;
        return 0;
    }
    if ( !strcmp(domain, "Domain-0") )
    {
        *domid = 0;
        return 0;
    }
    while ( (n = xc_domain_getinfolist(o->xch, next, 64, info)) > 0 )
    {
        for ( i = 0; i < n; i++ )
        {
            name = ops_domain_name(o, info[i].domain);
            if ( name && !strcmp(name, domain) &&
                 !(info[i].flags & XEN_DOMINF_dying) )
            {
                free(name);
                *domid = info[i].domain;
                return 0;
            }
            free(name);
        }
        next = info[n - 1].domain + 1u;
    }
    return n < 0 ? -EIO : -ENOENT;
}

int ops_resolve(struct ops_ctx *o, const char *domain, uint32_t *domid)
{
    int rc = ops_resolve_quiet(o, domain, domid);

    if ( rc == -EIO )
        return ops_xc_fail(o, "listing domains");
    if ( rc )
        return ops_fail(o, all_digits(domain) ? "no domain with id %s"
                                              : "no domain named '%s'",
                        domain);
    return VMCTL_OK;
}

/* Open, then find the domain named on the command line. */
static int open_domain(struct ops_ctx *o, const char *cmd,
                       const char *domain, bool need_xs, uint32_t *domid)
{
    int rc = ops_open(o, cmd, need_xs);

    if ( !rc )
        rc = ops_resolve(o, domain, domid);
    return rc;
}

/*
 * A destroyed domain lingers, dying, until the last mapping of its pages
 * goes (its keeper's console, the xenstore daemon's ring): give them a
 * moment, so that a list right after shows it gone.
 */
static void wait_freed(struct ops_ctx *o, uint32_t domid)
{
    struct timespec tick = { 0, 50 * 1000 * 1000 };
    unsigned int tries;

    for ( tries = 0; tries < 200; tries++ )
    {
        if ( xc_domain_getinfo_single(o->xch, domid, NULL) )
            return;
        nanosleep(&tick, NULL);
    }
}

int vmctl_op_destroy(const char *domain)
{
    struct ops_ctx o;
    uint32_t domid;
    int rc = open_domain(&o, "destroy", domain, false, &domid);

    if ( rc )
        goto out;
    if ( !domid )
    {
        rc = ops_fail(&o, "Domain-0 cannot be destroyed");
        goto out;
    }
    if ( xc_domain_destroy(o.xch, domid) )
    {
        rc = ops_xc_fail(&o, "domain %s", domain);
        goto out;
    }
    dom_teardown(&o, domid);
    wait_freed(&o, domid);
 out:
    ops_close(&o);
    return rc;
}

/*
 * Wait for domid to go away.  One that shut down and stays (no keeper is
 * there to carry out its action) is destroyed after a grace period when
 * it powered off; otherwise that is an error.
 */
static int wait_gone(struct ops_ctx *o, uint32_t domid)
{
    struct timespec tick = { 0, 100 * 1000 * 1000 };
    xc_domaininfo_t info;
    unsigned int stuck = 0;

    while ( !xc_domain_getinfo_single(o->xch, domid, &info) )
    {
        stuck = info.flags & XEN_DOMINF_shutdown ? stuck + 1 : 0;
        if ( stuck > 50 )
        {
            if ( !dominfo_shutdown_with(&info, SHUTDOWN_poweroff) )
                return ops_fail(o, "domain %u shut down (reason %u) and "
                                "nothing acts on it", domid,
                                dominfo_shutdown_reason(&info));
            xc_domain_destroy(o->xch, domid);
            dom_teardown(o, domid);
            break;
        }
        nanosleep(&tick, NULL);
    }
    return VMCTL_OK;
}

/* A reboot is done when the name names a running domain again. */
static int wait_back(struct ops_ctx *o, const char *name)
{
    struct timespec tick = { 0, 100 * 1000 * 1000 };
    unsigned int tries;
    uint32_t domid;

    for ( tries = 0; tries < 600; tries++ )
    {
        xs_close(o->xs);
        o->xs = xs_open(0);
        if ( o->xs && !ops_resolve_quiet(o, name, &domid) )
            return VMCTL_OK;
        nanosleep(&tick, NULL);
    }
    return ops_fail(o, "domain %s did not come back within 60 s", name);
}

/* Ask the guest through control/shutdown, as Xen's tools do. */
static int shutdown_op(const char *cmd, const char *domain, const char *how,
                       bool wait)
{
    struct ops_ctx o;
    uint32_t domid;
    char path[64], *name = NULL;
    int rc = open_domain(&o, cmd, domain, true, &domid);

    if ( rc )
        goto out;
    if ( !domid )
    {
        rc = ops_fail(&o, "Domain-0 is not shut down by vmctl");
        goto out;
    }
    name = ops_domain_name(&o, domid);
    snprintf(path, sizeof(path), "/local/domain/%u/control/shutdown",
             domid);
    if ( !xs_write(o.xs, XBT_NULL, path, how, (unsigned int)strlen(how)) )
    {
        rc = ops_fail(&o, "writing %s: %s", path, strerror(errno));
        goto out;
    }
    if ( wait )
        rc = wait_gone(&o, domid);
    if ( wait && !rc && !strcmp(how, "reboot") && name )
        rc = wait_back(&o, name);
 out:
    free(name);
    ops_close(&o);
    return rc;
}

int vmctl_op_shutdown(const char *domain, bool wait)
{
    return shutdown_op("shutdown", domain, "poweroff", wait);
}

int vmctl_op_reboot(const char *domain, bool wait)
{
    return shutdown_op("reboot", domain, "reboot", wait);
}

int vmctl_op_pause(const char *domain)
{
    struct ops_ctx o;
    uint32_t domid;
    int rc = open_domain(&o, "pause", domain, false, &domid);

    if ( !rc && xc_domain_pause(o.xch, domid) )
        rc = ops_xc_fail(&o, "domain %s", domain);
    ops_close(&o);
    return rc;
}

int vmctl_op_unpause(const char *domain)
{
    struct ops_ctx o;
    uint32_t domid;
    int rc = open_domain(&o, "unpause", domain, false, &domid);

    if ( !rc && xc_domain_unpause(o.xch, domid) )
        rc = ops_xc_fail(&o, "domain %s", domain);
    ops_close(&o);
    return rc;
}

int vmctl_op_console(const char *domain)
{
    struct ops_ctx o;
    uint32_t domid;
    int rc = open_domain(&o, "console", domain, true, &domid);

    if ( !rc )
        rc = console_attach_domain(o.xs, domid, domain);
    ops_close(&o);
    return rc;
}

/* The whole ring, a chunk at a time, continuing where the last ended. */
int vmctl_op_dmesg(bool clear)
{
    char buf[16384];
    unsigned int n;
    uint32_t index = 0;
    struct ops_ctx o;
    int rc = ops_open(&o, "dmesg", false);

    while ( !rc )
    {
        n = sizeof(buf);
        if ( xc_readconsolering(o.xch, buf, &n, 0, 1, &index) )
        {
            rc = ops_xc_fail(&o, "reading the console ring");
            break;
        }
        if ( !n )
            break;
        fwrite(buf, 1, n, stdout);
    }
    if ( !rc && clear )
    {
        n = 0;
        if ( xc_readconsolering(o.xch, buf, &n, 1, 0, NULL) )
            rc = ops_xc_fail(&o, "clearing the console ring");
    }
    ops_close(&o);
    return rc;
}

int vmctl_op_vcpu_pin(const char *domain, int vcpu,
                      const struct vmctl_cpulist *cpus)
{
    xc_cpumap_t map = NULL;
    xc_domaininfo_t info;
    struct ops_ctx o;
    uint32_t domid;
    int rc = open_domain(&o, "vcpu-pin", domain, false, &domid);
    int size, cpu, v, first, last;

    if ( rc )
        goto out;
    size = xc_get_cpumap_size(o.xch);
    map = xc_cpumap_alloc(o.xch);
    if ( size <= 0 || !map || xc_domain_getinfo_single(o.xch, domid, &info) )
    {
        rc = ops_xc_fail(&o, "domain %s", domain);
        goto out;
    }
    if ( vcpu > (int)info.max_vcpu_id )
    {
        rc = ops_fail(&o, "domain %s has no VCPU %d (it has %u)", domain,
                      vcpu, info.max_vcpu_id + 1);
        goto out;
    }
    for ( cpu = 0; cpu < size * 8; cpu++ )
        if ( cpus->all ||
             (cpu < (int)cpus->nr && (cpus->map[cpu / 8] >> (cpu % 8) & 1)) )
            xc_cpumap_setcpu(cpu, map);
    if ( !cpus->all && (int)cpus->nr > size * 8 )
    {
        rc = ops_fail(&o, "the host has %d CPUs", size * 8);
        goto out;
    }
    first = vcpu < 0 ? 0 : vcpu;
    last = vcpu < 0 ? (int)info.max_vcpu_id : vcpu;
    for ( v = first; v <= last; v++ )
        if ( xc_vcpu_setaffinity(o.xch, domid, v, map, NULL,
                                 XEN_VCPUAFFINITY_HARD) )
        {
            rc = ops_xc_fail(&o, "domain %s VCPU %d", domain, v);
            goto out;
        }
 out:
    free(map);
    ops_close(&o);
    return rc;
}

/*
 * Weight and cap under the host's scheduler: credit, or credit2 (Xen
 * 4.17's default), which keep them in the same two fields.
 */
static int credit_io(struct ops_ctx *o, int sched, uint32_t domid, bool set,
                     struct xen_domctl_sched_credit *s)
{
    struct xen_domctl_sched_credit2 s2 = { s->weight, s->cap };
    int rc;

    if ( sched == XEN_SCHEDULER_CREDIT )
        return set ? xc_sched_credit_domain_set(o->xch, domid, s)
                   : xc_sched_credit_domain_get(o->xch, domid, s);
    if ( sched != XEN_SCHEDULER_CREDIT2 )
    {
        errno = EOPNOTSUPP;
        return -1;
    }
    rc = set ? xc_sched_credit2_domain_set(o->xch, domid, &s2)
             : xc_sched_credit2_domain_get(o->xch, domid, &s2);
    s->weight = s2.weight;
    s->cap = s2.cap;
    return rc;
}

static int print_credit(struct ops_ctx *o, int sched, uint32_t domid,
                        bool header)
{
    struct xen_domctl_sched_credit s = { 0, 0 };
    char *name;

    if ( credit_io(o, sched, domid, false, &s) )
        return ops_xc_fail(o, "domain %u", domid);
    if ( header )
        printf("%-32s %5s %6s %5s\n", "Name", "ID", "Weight", "Cap");
    name = ops_domain_name(o, domid);
    printf("%-32s %5u %6u %5u\n", name ? name : "-", domid, s.weight, s.cap);
    free(name);
    return VMCTL_OK;
}

int vmctl_op_sched_credit(const char *domain, int weight, int cap)
{
    struct xen_domctl_sched_credit s;
    xc_domaininfo_t info[64];
    struct ops_ctx o;
    uint32_t domid, next = 0;
    int rc = ops_open(&o, "sched-credit", false), n, i, sched = 0;
    bool header = true;

    if ( rc )
        goto out;
    if ( xc_sched_id(o.xch, &sched) )
    {
        rc = ops_xc_fail(&o, "the host's scheduler");
        goto out;
    }
    if ( sched != XEN_SCHEDULER_CREDIT && sched != XEN_SCHEDULER_CREDIT2 )
    {
        rc = ops_fail(&o, "the host runs scheduler %d, not credit or "
                      "credit2", sched);
        goto out;
    }
    if ( domain )
    {
        rc = ops_resolve(&o, domain, &domid);
        if ( rc )
            goto out;
        if ( weight < 0 && cap < 0 )
        {
            rc = print_credit(&o, sched, domid, true);
            goto out;
        }
        if ( credit_io(&o, sched, domid, false, &s) )
        {
            rc = ops_xc_fail(&o, "domain %s", domain);
            goto out;
        }
        if ( weight >= 0 )
            s.weight = (uint16_t)weight;
        if ( cap >= 0 )
            s.cap = (uint16_t)cap;
        if ( credit_io(&o, sched, domid, true, &s) )
            rc = ops_xc_fail(&o, "domain %s", domain);
        goto out;
    }
    while ( !rc && (n = xc_domain_getinfolist(o.xch, next, 64, info)) > 0 )
    {
        for ( i = 0; i < n && !rc; i++, header = false )
            rc = print_credit(&o, sched, info[i].domain, header);
        next = info[n - 1].domain + 1u;
    }
 out:
    ops_close(&o);
    return rc;
}

int vmctl_op_mem_max(const char *domain, uint64_t kib)
{
    struct ops_ctx o;
    uint32_t domid;
    char path[64];
    int rc = open_domain(&o, "mem-max", domain, false, &domid);

    if ( rc )
        goto out;
    if ( xc_domain_setmaxmem(o.xch, domid, kib + XC_PV_MAXMEM_SLACK_KIB) )
    {
        rc = ops_xc_fail(&o, "domain %s", domain);
        goto out;
    }
    snprintf(path, sizeof(path), "/local/domain/%u/memory/static-max",
             domid);
    if ( o.xs && !ops_xs_printf(&o, XBT_NULL, path, "%llu",
                                (unsigned long long)kib) )
        rc = ops_fail(&o, "writing %s: %s", path, strerror(errno));
 out:
    ops_close(&o);
    return rc;
}
