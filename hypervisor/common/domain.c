/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain lifecycle.  Domains are few and long-lived: they sit in a small
 * table indexed by domain id.  The hardware domain (dom0) takes the machine
 * down with it when it shuts down, like Xen's.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/page-alloc.h>
#include <hv/time.h>
#include <asm/page.h>
#include <public/sched.h>

#define MAX_DOMAINS 16

static struct domain domain_table[MAX_DOMAINS];
static struct vcpu vcpu_table[MAX_DOMAINS][HV_MAX_VCPUS];
struct domain *hardware_domain;

/* Exit status written to QEMU's isa-debug-exit when dom0 shuts down. */
#define EXIT_DOM0_SHUTDOWN 0x10

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

struct domain *domain_lookup(domid_t domid)
{
    struct domain *d;

    if ( domid >= MAX_DOMAINS )
        return NULL;
    d = &domain_table[domid];
    return d->shared_info && d->state != DOMAIN_DYING ? d : NULL;
}

struct domain *domain_create(domid_t domid, bool privileged)
{
    struct domain *d;
    paddr_t si;

    if ( domid >= MAX_DOMAINS )
        return NULL;
    d = &domain_table[domid];
    if ( d->state != DOMAIN_CREATED || d->shared_info )
        return NULL;

    si = alloc_zeroed_page();
    if ( !si )
        return NULL;
    memset(d, 0, sizeof(*d));
    d->domain_id = domid;
    d->is_privileged = privileged;
    d->shutdown_code = SHUTDOWN_CODE_NONE;
    d->arch.shared_info_maddr = si;
    d->shared_info = maddr_to_virt(si);
    d->max_vcpus = HV_MAX_VCPUS;
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
    {
        struct vcpu *v = &vcpu_table[domid][i];

        memset(v, 0, sizeof(*v));
        v->vcpu_id = i;
        v->domain = d;
        v->vcpu_info = &d->shared_info->vcpu_info[i];
        /* Events stay masked until the guest asks for them. */
        v->vcpu_info->evtchn_upcall_mask = 1;
        d->vcpu[i] = v;
    }
    /* dom0 may use every port; the toolstack sets domUs' limits. */
    if ( evtchn_init(d, domid == 0 ? UINT32_MAX : 1023) )
    {
        free_page(si);
        memset(d, 0, sizeof(*d));
        return NULL;
    }
    domain_time_init(d);
    if ( domid == 0 )
        hardware_domain = d;
    return d;
}

int domain_shutdown(struct domain *d, uint8_t reason)
{
    const char *name = shutdown_reason_name(reason);

    if ( d->state == DOMAIN_SHUTDOWN || d->state == DOMAIN_DYING )
        return 0;
    d->state = DOMAIN_SHUTDOWN;
    /* A code preset with SCHEDOP_shutdown_code wins over this one. */
    if ( d->shutdown_code == SHUTDOWN_CODE_NONE )
        d->shutdown_code = reason;
    reason = d->shutdown_code;
    name = shutdown_reason_name(reason);

    if ( d == hardware_domain )
    {
        if ( name )
            printk(LOG_INFO "dom%u shut down: reason %s\n", d->domain_id,
                   name);
        else
            printk(LOG_INFO "dom%u shut down: reason %u\n", d->domain_id,
                   reason);
        machine_exit(EXIT_DOM0_SHUTDOWN + reason);
    }
    return 0;
}

void domain_crash(struct domain *d, const char *why)
{
    printk(LOG_ERR "dom%u crashed: %s\n", d->domain_id, why);
    domain_shutdown(d, SHUTDOWN_crash);
    /* Only the hardware domain exists yet, and it took the machine down. */
    panic("domain %u crashed with nothing else to run", d->domain_id);
}
