/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain lifecycle: ids, creation, pausing, shutdown and destruction.
 *
 * States (d->state).  CREATED until the toolstack first lets it run (dom0
 * starts RUNNING); RUNNING; SHUTDOWN with a reason in shutdown_code, which
 * domain_resume() undoes; DYING while destroydomain takes it apart; DEAD
 * once nothing of it remains but frames that others still reference.  A
 * DEAD domain stays listed (getdomaininfo shows it dying) until
 * arch_domain_may_free() says none of its frames is in use: usually at
 * once, later when dom0 still maps one of its pages.  Dead domains are
 * looked at again whenever the list is walked.
 *
 * Pauses.  d->pause_count counts every reason the domain must not run:
 * the controller's pauses (controller_pause_count, at most 255, one left
 * by creation) and the hypervisor's own (domain_pause()).  v->pause_count
 * does the same for one VCPU; shutdown holds one on each VCPU
 * (paused_for_shutdown).  A VCPU may run when both counts are 0 and it is
 * up and initialised.
 *
 * dom0 hears of what it must act on through VIRQ_DOM_EXC: a domain that
 * shut down, one that died, one whose last frame went.
 *
 * Memory.  Each domain and each VCPU is one block of the page allocator,
 * plus the shared_info frame; evtchn pages come and go with the domain's
 * ports.  Everything is given back by the time the domain leaves the list.
 *
 * Locking: control operations are serialised by domctl's lock, and all
 * guest work by the arch's hypervisor lock (one CPU at a time).  The list
 * is changed only there and at boot.  Whatever
 * vcpu_runnable() looks at is reported to the scheduler when it changes
 * (sched_vcpu_update()), which queues the VCPU or takes it off its CPU.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/grant_table.h>
#include <hv/page-alloc.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <asm/page.h>
#include <public/sched.h>
#include <public/domctl.h>

/* Domains in increasing id order; few enough to walk. */
static struct domain *domain_list;
struct domain *hardware_domain;
static struct vcpu_info dummy_vcpu_info;

/* Exit status written to QEMU's isa-debug-exit when dom0 shuts down. */
#define EXIT_DOM0_SHUTDOWN 0x10

/* Xen's defaults for the grant table sizes a toolstack leaves at -1. */
#define GNTTAB_DEFAULT_FRAMES       64
#define GNTTAB_DEFAULT_MAPTRACK     1024
/* Grant table versions a domain may use: v1 only here. */
#define GNTTAB_MAX_VERSION          1

static void domain_free(struct domain *d);

const char *shutdown_reason_name(unsigned int reason)
{
    static const char *const names[] = {
        [SHUTDOWN_poweroff] = "poweroff",
        [SHUTDOWN_reboot] = "reboot",
        [SHUTDOWN_suspend] = "suspend",
        [SHUTDOWN_crash] = "crash",
        [SHUTDOWN_watchdog] = "watchdog",
        [SHUTDOWN_soft_reset] = "soft_reset",
    };

    return reason < ARRAY_SIZE(names) && names[reason] ? names[reason] : NULL;
}

/* --- structures --------------------------------------------------------- */

static unsigned int order_of(size_t bytes)
{
    unsigned int order = 0;

    while ( ((size_t)PAGE_SIZE << order) < bytes )
        order++;
    return order;
}

static void *alloc_block(size_t bytes)
{
    unsigned int order = order_of(bytes);
    paddr_t pa = alloc_pages(order);
    void *va;

    if ( !pa )
        return NULL;
    va = maddr_to_virt(pa);
    memset(va, 0, (size_t)PAGE_SIZE << order);
    return va;
}

static void free_block(void *va, size_t bytes)
{
    free_pages(virt_to_maddr(va), order_of(bytes));
}

/* --- the list ----------------------------------------------------------- */

/* Free the dead domains nothing holds any more. */
static void domain_reap(void)
{
    struct domain **pd = &domain_list;

    while ( *pd )
    {
        struct domain *d = *pd;

        if ( d->state == DOMAIN_DEAD && arch_domain_may_free(d) &&
             !grant_table_in_use(d) )
        {
            *pd = d->next_in_list;
            domain_free(d);
            /* Xen tells dom0 again when the domain is finally gone. */
            send_global_virq(VIRQ_DOM_EXC);
            continue;
        }
        pd = &d->next_in_list;
    }
}

struct domain *domain_first_from(domid_t domid)
{
    struct domain *d;

    domain_reap();
    for ( d = domain_list; d && d->domain_id < domid; d = d->next_in_list )
        ;
    return d;
}

struct domain *domain_next(const struct domain *d)
{
    return d->next_in_list;
}

struct domain *domain_lookup_any(domid_t domid)
{
    struct domain *d = domain_first_from(domid);

    return d && d->domain_id == domid ? d : NULL;
}

struct domain *domain_lookup(domid_t domid)
{
    struct domain *d;

    for ( d = domain_list; d && d->domain_id < domid; d = d->next_in_list )
        ;
    if ( !d || d->domain_id != domid || d->state >= DOMAIN_DYING )
        return NULL;
    return d;
}

static void domain_link(struct domain *d)
{
    struct domain **pd = &domain_list;

    while ( *pd && (*pd)->domain_id < d->domain_id )
        pd = &(*pd)->next_in_list;
    d->next_in_list = *pd;
    *pd = d;
}

/* --- creation ----------------------------------------------------------- */

struct vcpu *vcpu_create(struct domain *d, unsigned int id)
{
    struct vcpu *v;

    if ( id >= d->max_vcpus || id >= ARRAY_SIZE(d->vcpu) || d->vcpu[id] )
        return NULL;
    v = alloc_block(sizeof(*v));
    if ( !v )
        return NULL;
    v->vcpu_id = id;
    v->domain = d;
    /*
     * Past shared_info's array a VCPU must register a vcpu_info of its
     * own before it is brought up; until then it writes to a dummy.
     */
    v->vcpu_info = id < XEN_LEGACY_MAX_VCPUS ? &d->shared_info->vcpu_info[id]
                                             : &dummy_vcpu_info;
    /*
     * The mask is left as it is, as on Xen: dom0's builder masks every
     * VCPU, and a toolstack masks a domU's in shared_info as it builds it.
     */
    v->down = true;
    v->sched_unit.dom = &d->sched;
    v->sched_unit.owner = v;
    v->sched_unit.hard_affinity = ~(cpumask_t)0;
    v->soft_affinity = ~(cpumask_t)0;
    if ( arch_vcpu_create(v) )
    {
        free_block(v, sizeof(*v));
        return NULL;
    }
    vcpu_time_init(v);
    sched_add_vcpu(v);
    /* A VCPU added to a domain shutting down stops with the others. */
    if ( d->is_shut_down )
    {
        v->pause_count++;
        v->paused_for_shutdown = true;
    }
    d->vcpu[id] = v;
    return v;
}

static void vcpu_destroy(struct vcpu *v)
{
    struct domain *d = v->domain;

    d->vcpu[v->vcpu_id] = NULL;
    sched_remove_vcpu(v);
    arch_vcpu_destroy(v);
    free_block(v, sizeof(*v));
}

/* The grant table settings, as Xen's grant_table_init() checks them. */
static int grant_limits(struct domain *d,
                        const struct xen_domctl_createdomain *config)
{
    unsigned int version = XEN_DOMCTL_GRANT_version(config->grant_opts);
    int frames = config->max_grant_frames;
    int maptrack = config->max_maptrack_frames;

    if ( !version || version > GNTTAB_MAX_VERSION )
        return -EINVAL;

    if ( frames < 0 )
        frames = GNTTAB_DEFAULT_FRAMES;
    if ( maptrack < 0 )
        maptrack = GNTTAB_DEFAULT_MAPTRACK;
    if ( frames < 1 || frames > GNTTAB_DEFAULT_FRAMES ||
         maptrack > GNTTAB_DEFAULT_MAPTRACK )
        return -EINVAL;
    d->max_grant_frames = frames;
    d->max_maptrack_frames = maptrack;
    d->max_grant_version = version;
    return 0;
}

int domain_create_config(domid_t domid,
                         struct xen_domctl_createdomain *config,
                         bool privileged, struct domain **out)
{
    struct domain *d;
    paddr_t si;
    int rc;

    if ( domain_lookup_any(domid) )
        return -EEXIST;
    rc = domain_check_config(config);
    if ( rc )
        return rc;
    d = alloc_block(sizeof(*d));
    if ( !d )
        return -ENOMEM;
    si = alloc_zeroed_page();
    if ( !si )
    {
        free_block(d, sizeof(*d));
        return -ENOMEM;
    }

    d->domain_id = domid;
    d->is_privileged = privileged;
    d->state = DOMAIN_CREATED;
    d->shutdown_code = SHUTDOWN_CODE_NONE;
    d->options = config->flags;
    d->is_xenstore = config->flags & XEN_DOMCTL_CDF_xs_domain;
    memcpy(d->handle, config->handle, sizeof(d->handle));
    d->max_vcpus = config->max_vcpus;
    d->arch.shared_info_maddr = si;
    d->shared_info = maddr_to_virt(si);
    d->sched.weight = SCHED_DEFAULT_WEIGHT;
    /* Paused until the toolstack's first unpause says it is built. */
    d->controller_pause_count = 1;
    d->pause_count = 1;

    rc = arch_domain_create(d, config);
    if ( rc )
        goto fail_arch;
    rc = evtchn_init(d, config->max_evtchn_port);
    if ( rc )
        goto fail_evtchn;
    rc = grant_limits(d, config);
    if ( rc )
        goto fail_grant;
    /* A CPU pool other than 0 does not exist here. */
    rc = -ESRCH;
    if ( config->cpupool_id )
        goto fail_grant;
    rc = grant_table_init(d, config->max_grant_frames,
                          config->max_maptrack_frames, config->grant_opts);
    if ( rc )
        goto fail_grant;

    domain_time_init(d);
    domain_link(d);
    if ( domid == 0 )
        hardware_domain = d;
    *out = d;
    return 0;

 fail_grant:
    evtchn_destroy(d);
 fail_evtchn:
    arch_domain_destroy(d);
 fail_arch:
    free_page(si);
    free_block(d, sizeof(*d));
    return rc;
}

/* dom0_max_vcpus=N: dom0's VCPUs (it brings up all but the first). */
static unsigned int opt_dom0_max_vcpus = 1;
integer_param("dom0_max_vcpus", opt_dom0_max_vcpus);

struct domain *domain_create(domid_t domid, bool privileged)
{
    struct xen_domctl_createdomain config = {
        .max_vcpus = MAX(1u, MIN(opt_dom0_max_vcpus,
                                 (unsigned int)HV_MAX_VCPUS)),
        /* dom0 may use every port; the toolstack sets domUs' limits. */
        .max_evtchn_port = UINT32_MAX,
        .max_grant_frames = -1,
        .max_maptrack_frames = -1,
        .grant_opts = XEN_DOMCTL_GRANT_version(1),
    };
    struct domain *d;

    if ( domain_create_config(domid, &config, privileged, &d) )
        return NULL;
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = vcpu_create(d, i);

        if ( !v )
            panic("dom%u: cannot create VCPU %u", domid, i);
        /* The builder gives the first a context; the guest starts the
         * others itself (VCPUOP_initialise, VCPUOP_up). */
        if ( i == 0 )
        {
            v->down = false;
            v->is_initialised = true;
        }
    }
    /* Built by the hypervisor itself: nobody else will unpause it. */
    d->controller_pause_count = 0;
    d->pause_count = 0;
    d->creation_finished = true;
    return d;
}

/* --- pausing ------------------------------------------------------------ */

/* Each change of a count is reported to the scheduler at once. */
void domain_pause(struct domain *d)
{
    d->pause_count++;
    sched_domain_update(d);
}

void domain_unpause(struct domain *d)
{
    if ( d->pause_count )
        d->pause_count--;
    sched_domain_update(d);
}

void vcpu_pause(struct vcpu *v)
{
    v->pause_count++;
    sched_vcpu_update(v);
}

void vcpu_unpause(struct vcpu *v)
{
    if ( v->pause_count )
        v->pause_count--;
    sched_vcpu_update(v);
}

int domain_pause_by_controller(struct domain *d)
{
    /* A bound keeps repeated calls from overflowing the counts. */
    if ( d->controller_pause_count >= 255 )
        return -EOVERFLOW;
    d->controller_pause_count++;
    domain_pause(d);
    /* Paused means off every CPU by the time the toolstack hears back. */
    sched_domain_sync(d);
    return 0;
}

int domain_unpause_by_controller(struct domain *d)
{
    if ( !d->controller_pause_count )
        return -EINVAL;
    d->controller_pause_count--;
    /* The first time it reaches 0, the builder is done with it. */
    if ( !d->controller_pause_count && !d->creation_finished )
    {
        d->creation_finished = true;
        if ( d->state == DOMAIN_CREATED )
            d->state = DOMAIN_RUNNING;
    }
    domain_unpause(d);
    return 0;
}

bool domain_controller_paused(const struct domain *d)
{
    return d->controller_pause_count > 0;
}

bool vcpu_runnable(const struct vcpu *v)
{
    const struct domain *d = v->domain;

    return v->is_initialised && !v->down && !v->pause_count &&
           !d->pause_count && d->state < DOMAIN_DYING;
}

/* --- shutdown ----------------------------------------------------------- */

int domain_shutdown(struct domain *d, uint8_t reason)
{
    const char *name;

    /* A code preset with SCHEDOP_shutdown_code wins over this one. */
    if ( d->shutdown_code == SHUTDOWN_CODE_NONE )
        d->shutdown_code = reason;
    reason = d->shutdown_code;

    if ( d == hardware_domain )
    {
        name = shutdown_reason_name(reason);
        if ( name )
            printk(LOG_INFO "dom%u shut down: reason %s\n", d->domain_id,
                   name);
        else
            printk(LOG_INFO "dom%u shut down: reason %u\n", d->domain_id,
                   reason);
        machine_exit(EXIT_DOM0_SHUTDOWN + reason);
    }

    if ( d->is_shut_down )
        return 0;
    d->is_shut_down = true;
    if ( d->state < DOMAIN_SHUTDOWN )
        d->state = DOMAIN_SHUTDOWN;
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = d->vcpu[i];

        if ( v && !v->paused_for_shutdown )
        {
            vcpu_pause(v);
            v->paused_for_shutdown = true;
        }
    }

    /* A suspending guest's toolstack may have asked to be told directly. */
    if ( reason == SHUTDOWN_suspend && d->suspend_evtchn )
        evtchn_send(d, d->suspend_evtchn);
    else
        send_global_virq(VIRQ_DOM_EXC);
    return 0;
}

void domain_resume(struct domain *d)
{
    d->is_shut_down = false;
    d->shutdown_code = SHUTDOWN_CODE_NONE;
    if ( d->state == DOMAIN_SHUTDOWN )
        d->state = d->creation_finished ? DOMAIN_RUNNING : DOMAIN_CREATED;
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = d->vcpu[i];

        if ( v && v->paused_for_shutdown )
        {
            v->paused_for_shutdown = false;
            vcpu_unpause(v);
        }
    }
}

void domain_crash(struct domain *d, const char *why)
{
    printk(LOG_ERR "dom%u crashed: %s\n", d->domain_id, why);
    domain_shutdown(d, SHUTDOWN_crash);
    /* The hardware domain took the machine down; any other stops here. */
    sched_leave_crashed(d);
}

/* --- destruction -------------------------------------------------------- */

static void domain_stop_timers(struct domain *d)
{
    for ( unsigned int i = 0; i < NR_DOMAIN_WATCHDOG_TIMERS; i++ )
        timer_stop(&d->watchdog[i]);
    d->watchdog_inuse = 0;
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = d->vcpu[i];

        if ( !v )
            continue;
        timer_stop(&v->poll_timer);
        timer_stop(&v->time.singleshot);
        timer_stop(&v->time.periodic);
        timer_stop(&v->time.refresh);
    }
}

int domain_kill(struct domain *d)
{
    int rc;

    if ( d == current_domain() )
        return -EINVAL;
    if ( d->state >= DOMAIN_DEAD )
        return 0;
    if ( d->state < DOMAIN_DYING )
    {
        domain_pause(d);
        /* Nothing of it may still run elsewhere while it is taken apart. */
        sched_domain_sync(d);
        d->state = DOMAIN_DYING;
        evtchn_destroy(d);
        grant_table_relinquish(d);
        domain_stop_timers(d);
    }
    rc = arch_domain_relinquish(d);
    if ( rc )
        return rc;
    d->state = DOMAIN_DEAD;
    send_global_virq(VIRQ_DOM_EXC);
    domain_reap();
    return 0;
}

/* The last of a dead domain: its VCPUs, arch state and memory blocks. */
static void domain_free(struct domain *d)
{
    for ( unsigned int i = d->max_vcpus; i-- > 0; )
        if ( d->vcpu[i] )
            vcpu_destroy(d->vcpu[i]);
    grant_table_destroy(d);
    arch_domain_destroy(d);
    free_page(d->arch.shared_info_maddr);
    if ( hardware_domain == d )
        hardware_domain = NULL;
    free_block(d, sizeof(*d));
}
