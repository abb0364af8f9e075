/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and VCPUs.
 *
 * A domain moves created -> running -> shut down (with a reason) -> dying ->
 * destroyed.  The privileged domain 0 is built at boot; when it shuts down
 * the machine goes with it, as with Xen's hardware domain.
 */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/types.h>
#include <hv/event.h>
#include <public/xen.h>
#include <hv/timer.h>
#include <hv/time.h>
#include <asm/domain.h>

#ifndef HV_MAX_VCPUS
#define HV_MAX_VCPUS 1
#endif

/* shutdown_code before the guest set one (SCHEDOP_shutdown_code). */
#define SHUTDOWN_CODE_NONE 0xff

/* SCHEDOP_watchdog timers per domain (as many as Xen gives). */
#define NR_DOMAIN_WATCHDOG_TIMERS 2

struct domain;

struct vcpu
{
    unsigned int vcpu_id;
    struct domain *domain;
    struct vcpu_info *vcpu_info;    /* in the domain's shared_info */
    mfn_t vcpu_info_mfn;            /* or in this frame (0: not moved) */
    bool pin_override;              /* SCHEDOP_pin_override in force */
    struct timer poll_timer;        /* SCHEDOP_poll's timeout */
    bool poll_timed_out;
    bool kicked;                    /* woken since it last blocked */
    struct evtchn_vcpu evtchn;
    struct vcpu_time time;          /* timers, runstate, time areas */
    struct arch_vcpu arch;
};

enum domain_state
{
    DOMAIN_CREATED,
    DOMAIN_RUNNING,
    DOMAIN_SHUTDOWN,
    DOMAIN_DYING,
};

struct domain
{
    domid_t domain_id;
    bool is_privileged;
    enum domain_state state;
    uint8_t shutdown_code;          /* SHUTDOWN_* once shut down */
    xen_domain_handle_t handle;     /* the toolstack's UUID */
    struct shared_info *shared_info;
    unsigned long tot_pages;        /* frames this domain owns */
    unsigned long max_pages;
    unsigned int max_vcpus;
    struct vcpu *vcpu[HV_MAX_VCPUS];
    struct timer watchdog[NR_DOMAIN_WATCHDOG_TIMERS];
    unsigned int watchdog_inuse;    /* bit n: watchdog[n] handed out */
    struct evtchn_domain evtchn;
    struct arch_domain arch;
};

/* The VCPU running on this CPU (NULL while idle). */
struct vcpu *current_vcpu(void);
void set_current_vcpu(struct vcpu *v);
#define current_domain() (current_vcpu()->domain)

extern struct domain *hardware_domain;

struct domain *domain_create(domid_t domid, bool privileged);
struct domain *domain_lookup(domid_t domid);
int domain_shutdown(struct domain *d, uint8_t reason);
void __noreturn domain_crash(struct domain *d, const char *why);
const char *shutdown_reason_name(unsigned int reason);

#endif /* HV_DOMAIN_H */
