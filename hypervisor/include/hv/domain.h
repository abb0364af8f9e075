/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and VCPUs.
 *
 * A domain moves created -> running -> shut down (with a reason) -> dying ->
 * dead -> freed; pausing is orthogonal to that (pause counts).  The
 * privileged domain 0 is built at boot; when it shuts down the machine goes
 * with it, as with Xen's hardware domain.  common/domain.c explains the
 * states and counts.
 */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include <hv/types.h>
#include <hv/event.h>
#include <public/xen.h>
#include <hv/timer.h>
#include <hv/time.h>
#include <hv/sched-if.h>
#include <asm/domain.h>

/* VCPUs a domain may have: one per CPU we can bring up. */
#ifndef HV_MAX_VCPUS
#define HV_MAX_VCPUS 8
#endif

/*
 * shutdown_code before the guest set one (SCHEDOP_shutdown_code).  Xen
 * keeps it as -1 in an int, which getdomaininfo shows in its flags.
 */
#define SHUTDOWN_CODE_NONE (-1)

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
    bool is_blocked;                /* waits for an event (block, poll) */
    bool is_running;                /* picked by a CPU, not yet saved */
    bool ctx_live;                  /* its registers are in a CPU */
    struct evtchn_vcpu evtchn;
    struct vcpu_time time;          /* timers, runstate, time areas */

    /* Lifecycle (common/domain.c). */
    bool is_initialised;            /* has a context to run from */
    bool down;                      /* not brought up, or taken down */
    bool paused_for_shutdown;       /* holds a pause for its domain's */
    unsigned int pause_count;       /* vcpu_pause(): keeps it off CPUs */
    unsigned int processor;         /* CPU it runs on or last ran on */
    struct sched_unit sched_unit;   /* its hard affinity is the one used */
    cpumask_t soft_affinity;        /* CPUs it would rather run on */

    struct arch_vcpu arch;
};

enum domain_state
{
    DOMAIN_CREATED,
    DOMAIN_RUNNING,
    DOMAIN_SHUTDOWN,
    DOMAIN_DYING,                   /* destroydomain is taking it apart */
    DOMAIN_DEAD,                    /* only frames others hold remain */
};

struct domain
{
    domid_t domain_id;
    bool is_privileged;
    enum domain_state state;
    int shutdown_code;              /* SHUTDOWN_*, or SHUTDOWN_CODE_NONE */
    xen_domain_handle_t handle;     /* the toolstack's UUID */
    struct shared_info *shared_info;
    unsigned long tot_pages;        /* frames this domain owns */
    unsigned long max_pages;
    unsigned long outstanding_pages;    /* XENMEM_claim_pages, not yet got */
    unsigned int max_vcpus;
    struct vcpu *vcpu[HV_MAX_VCPUS];
    struct timer watchdog[NR_DOMAIN_WATCHDOG_TIMERS];
    unsigned int watchdog_inuse;    /* bit n: watchdog[n] handed out */
    struct evtchn_domain evtchn;
    struct grant_table *grant_table;    /* common/grant_table.c */

    /* Lifecycle and control (common/domain.c, domctl). */
    struct domain *next_in_list;    /* all domains, by increasing id */
    bool is_shut_down;              /* shut down, even once dying */
    bool creation_finished;         /* the toolstack unpaused it once */
    bool is_xenstore;               /* XEN_DOMCTL_CDF_xs_domain */
    unsigned int controller_pause_count;    /* the toolstack's, <= 255 */
    unsigned int pause_count;       /* domain_pause(), controller's too */
    uint32_t options;               /* XEN_DOMCTL_CDF_* it was made with */
    int64_t time_offset_seconds;    /* XEN_DOMCTL_settimeoffset */
    evtchn_port_t suspend_evtchn;   /* XEN_DOMCTL_subscribe */
    int max_grant_frames;           /* grant table limits, from */
    int max_maptrack_frames;        /* createdomain */
    unsigned int max_grant_version;
    struct sched_dom sched;         /* weight and cap */

    struct arch_domain arch;
};

/* The VCPU running on this CPU (NULL while idle). */
struct vcpu *current_vcpu(void);
void set_current_vcpu(struct vcpu *v);
#define current_domain() (current_vcpu()->domain)

extern struct domain *hardware_domain;

/* A new domain's settings (struct xen_domctl_createdomain, domctl.h). */
struct xen_domctl_createdomain;

/*
 * Create domain domid from config (checked here, as Xen does; the checks
 * may adjust it) in *out; 0 or -errno.  It starts paused by the
 * controller, with no VCPUs.
 */
int domain_create_config(domid_t domid,
                         struct xen_domctl_createdomain *config,
                         bool privileged, struct domain **out);
/*
 * Xen 4.17's checks of a createdomain configuration, common then arch;
 * may adjust it (as Xen sets oos_off for PV).  0 or -EINVAL/-EOPNOTSUPP.
 */
int domain_check_config(struct xen_domctl_createdomain *config);
/* dom0 at boot: every VCPU created, up, and not paused. */
struct domain *domain_create(domid_t domid, bool privileged);
/* VCPU id of d (down, not initialised); NULL without memory. */
struct vcpu *vcpu_create(struct domain *d, unsigned int id);

/* A domain that is neither dying nor dead, or NULL. */
struct domain *domain_lookup(domid_t domid);
/* Any domain still known, dying and dead ones included (domctl). */
struct domain *domain_lookup_any(domid_t domid);
/* The known domain with the lowest id >= domid, and the one after d. */
struct domain *domain_first_from(domid_t domid);
struct domain *domain_next(const struct domain *d);

/*
 * XEN_DOMCTL_destroydomain: close the domain down and give back what it
 * holds; the structure goes when no frame of it is left in use.  0,
 * -EINVAL for one's own domain, or -ERESTART: call again to go on.
 */
int domain_kill(struct domain *d);

int domain_shutdown(struct domain *d, uint8_t reason);
/* XEN_DOMCTL_resumedomain: undo a shutdown (a cancelled suspend). */
void domain_resume(struct domain *d);
void __noreturn domain_crash(struct domain *d, const char *why);
const char *shutdown_reason_name(unsigned int reason);

/*
 * Pausing.  The controller's pauses (the toolstack's, at most 255, one
 * from creation) stack with the hypervisor's own; a domain runs when no
 * pause of either kind is left.  -EOVERFLOW / -EINVAL as Xen.
 */
void domain_pause(struct domain *d);
void domain_unpause(struct domain *d);
int domain_pause_by_controller(struct domain *d);
int domain_unpause_by_controller(struct domain *d);
void vcpu_pause(struct vcpu *v);
void vcpu_unpause(struct vcpu *v);
/* May v run: up, initialised, and nothing pauses it or its domain. */
bool vcpu_runnable(const struct vcpu *v);

/*
 * The arch side of a domain's life (arch/x86/pv/lifecycle.c).  The
 * sanitise hook refuses what the arch cannot give; create lends the
 * shared_info frame to the guest; relinquish drops every reference the
 * domain's VCPUs hold on its frames and the domain's own on its memory;
 * may_free says whether nothing of the domain is still in use, so its
 * structure and shared_info can go.
 */
int arch_sanitise_domain_config(struct xen_domctl_createdomain *config);
int arch_domain_create(struct domain *d,
                       const struct xen_domctl_createdomain *config);
void arch_domain_destroy(struct domain *d);
int arch_vcpu_create(struct vcpu *v);
void arch_vcpu_destroy(struct vcpu *v);
int arch_domain_relinquish(struct domain *d);
bool arch_domain_may_free(const struct domain *d);

/*
 * The VCPU state a toolstack sets and reads back (never of the VCPU that
 * is running): Xen's arch_set_info_guest() checks and error codes, and
 * the reset of a null context.  arch/x86/pv/guest-context.c.
 */
struct vcpu_guest_context;
int arch_set_info_guest(struct vcpu *v, struct vcpu_guest_context *c);
void arch_get_info_guest(struct vcpu *v, struct vcpu_guest_context *c);
int arch_vcpu_reset(struct vcpu *v);

/*
 * The MMU's part of destroying a domain: unpin its tables and drop its
 * allocation references, so that each frame goes when its last user does.
 * A fallback built on the frame-table API is in arch/x86/pv/lifecycle.c.
 * 0, or -ERESTART when it stopped to be continued (it resumes where it
 * was on the next call).
 */
int mm_relinquish_memory(struct domain *d);

#endif /* HV_DOMAIN_H */
