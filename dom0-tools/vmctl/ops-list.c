/* SPDX-License-Identifier: GPL-2.0-only */
/* vmctl list and info: the domains, as a table or JSON (through yajl),
 * and the host the hypervisor runs on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "ops.h"
#include "ops-libctl.h"
#include "vmctl.h"

/* xl's six state letters: running, blocked, paused, shutdown, crashed,
 * dying. */
static void state_letters(const xc_domaininfo_t *i, char s[7])
{
    bool crashed = dominfo_shutdown_with(i, SHUTDOWN_crash);

    snprintf(s, 7, "%c%c%c%c%c%c",
             i->flags & XEN_DOMINF_running ? 'r' : '-',
             i->flags & XEN_DOMINF_blocked ? 'b' : '-',
             i->flags & XEN_DOMINF_paused ? 'p' : '-',
             (i->flags & XEN_DOMINF_shutdown) && !crashed ? 's' : '-',
             crashed ? 'c' : '-',
             i->flags & XEN_DOMINF_dying ? 'd' : '-');
}

static const char *state_word(const xc_domaininfo_t *i)
{
    if ( i->flags & XEN_DOMINF_dying )
        return "dying";
    if ( dominfo_shutdown_with(i, SHUTDOWN_crash) )
        return "crashed";
    if ( i->flags & XEN_DOMINF_shutdown )
        return "shutdown";
    if ( i->flags & XEN_DOMINF_paused )
        return "paused";
    if ( i->flags & XEN_DOMINF_running )
        return "running";
    return "blocked";
}

static void uuid_text(const xen_domain_handle_t h, char out[37])
{
    domcfg_format_uuid(h, out);
}

static void gen_string(yajl_gen g, const char *s)
{
    yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

static void json_domain(yajl_gen g, const xc_domaininfo_t *i,
                        const char *name)
{
    char uuid[37];

    uuid_text(i->handle, uuid);
    yajl_gen_map_open(g);
    gen_string(g, "name");
    if ( name )
        gen_string(g, name);
    else
        yajl_gen_null(g);
    gen_string(g, "domid");
    yajl_gen_integer(g, i->domain);
    gen_string(g, "uuid");
    gen_string(g, uuid);
    gen_string(g, "state");
    gen_string(g, state_word(i));
    gen_string(g, "memory_kib");
    yajl_gen_integer(g, (long long)(i->tot_pages * 4));
    gen_string(g, "max_memory_kib");
    yajl_gen_integer(g, (long long)(i->max_pages * 4));
    gen_string(g, "vcpus");
    yajl_gen_integer(g, i->nr_online_vcpus);
    gen_string(g, "max_vcpus");
    yajl_gen_integer(g, (long long)i->max_vcpu_id + 1);
    gen_string(g, "cpu_time_s");
    yajl_gen_double(g, (double)i->cpu_time / 1e9);
    yajl_gen_map_close(g);
}

static void text_domain(const xc_domaininfo_t *i, const char *name)
{
    char state[7];

    state_letters(i, state);
    printf("%-32s %5u %7llu %5u %8s %9.1f\n", name ? name : "-", i->domain,
           (unsigned long long)(i->tot_pages >> 8), i->nr_online_vcpus,
           state, (double)i->cpu_time / 1e9);
}

int vmctl_op_list(const char *domain, bool json)
{
    yajl_gen g = NULL;
    xc_domaininfo_t info[64];
    const unsigned char *out;
    struct ops_ctx o;
    uint32_t next = 0, only = 0;
    size_t len;
    char *name;
    int rc = ops_open(&o, "list", false), n = 0, i;

    if ( !rc && domain )
        rc = ops_resolve(&o, domain, &only);
    if ( rc )
        goto out;
    if ( json )
    {
        g = yajl_gen_alloc(NULL);
        if ( !g )
        {
            rc = ops_fail(&o, "out of memory");
            goto out;
        }
        yajl_gen_config(g, yajl_gen_beautify, 1);
        yajl_gen_array_open(g);
    }
    else
        printf("%-32s %5s %7s %5s %8s %9s\n", "Name", "ID", "Mem", "VCPUs",
               "State", "Time(s)");
    while ( (n = xc_domain_getinfolist(o.xch, next, 64, info)) > 0 )
    {
        for ( i = 0; i < n; i++ )
        {
            if ( domain && info[i].domain != only )
                continue;
            name = ops_domain_name(&o, info[i].domain);
            if ( json )
                json_domain(g, &info[i], name);
            else
                text_domain(&info[i], name);
            free(name);
        }
        next = info[n - 1].domain + 1u;
    }
    if ( n < 0 )
    {
        rc = ops_xc_fail(&o, "listing domains");
        goto out;
    }
    if ( json )
    {
        yajl_gen_array_close(g);
        yajl_gen_get_buf(g, &out, &len);
        fwrite(out, 1, len, stdout);
    }
 out:
    if ( g )
        yajl_gen_free(g);
    ops_close(&o);
    return rc;
}

int vmctl_op_info(void)
{
    xen_extraversion_t extra;
    xc_physinfo_t p;
    struct ops_ctx o;
    int rc = ops_open(&o, "info", false), version, sched = 0;

    if ( rc )
        goto out;
    version = xc_version(o.xch, XENVER_version, NULL);
    if ( version < 0 || xc_version(o.xch, XENVER_extraversion, extra) ||
         xc_physinfo(o.xch, &p) || xc_sched_id(o.xch, &sched) )
    {
        rc = ops_xc_fail(&o, "querying the hypervisor");
        goto out;
    }
    extra[sizeof(extra) - 1] = '\0';
    printf("hypervisor      : %d.%d%s\n", version >> 16, version & 0xffff,
           extra);
    printf("scheduler       : %s\n",
           sched == XEN_SCHEDULER_CREDIT ? "credit" :
           sched == XEN_SCHEDULER_CREDIT2 ? "credit2" : "other");
    printf("cpus            : %u\n", p.nr_cpus);
    printf("cpu_mhz         : %u\n", p.cpu_khz / 1000);
    printf("threads_per_core: %u\n", p.threads_per_core);
    printf("cores_per_socket: %u\n", p.cores_per_socket);
    printf("total_memory    : %llu MiB\n",
           (unsigned long long)(p.total_pages >> 8));
    printf("free_memory     : %llu MiB\n",
           (unsigned long long)(p.free_pages >> 8));
 out:
    ops_close(&o);
    return rc;
}
