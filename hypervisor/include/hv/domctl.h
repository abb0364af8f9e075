/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain and system control: the plain functions behind do_domctl() and
 * do_sysctl().  Each takes the caller's domain where it matters, works on
 * the hypervisor's copy of the request, and returns 0 or -errno with Xen
 * 4.17's meaning; the marshalling (common/domctl.c, sysctl.c) copies the
 * request in and out and checks version and privilege.
 */
#ifndef HV_DOMCTL_H
#define HV_DOMCTL_H

#include <hv/types.h>
#include <hv/guest-access.h>
#include <public/domctl.h>
#include <public/sysctl.h>

struct domain;
struct vcpu;

/* The hypercalls (35, 36). */
long do_sysctl(guest_va_t u_sysctl);
long do_domctl(guest_va_t u_domctl);

/* Xen's default policy: the control domain, or the xenstore one (info). */
bool domctl_may_control(const struct domain *caller);
bool domctl_may_read_info(const struct domain *caller);

/* --- domains (common/domctl-domain.c) ---------------------------------- */

/* createdomain: op->domain asks for an id (0 or reserved: any), gets it. */
int domctl_createdomain(struct xen_domctl *op);
int domctl_destroydomain(struct domain *caller, struct domain *d);
int domctl_pausedomain(struct domain *caller, struct domain *d);
int domctl_unpausedomain(struct domain *d);
int domctl_resumedomain(struct domain *caller, struct domain *d);
/* Fill info about d as XEN_DOMCTL_getdomaininfo does. */
void domain_getinfo(struct domain *d, struct xen_domctl_getdomaininfo *info);
/*
 * getdomaininfo of op->domain, or of the next domain up when there is no
 * such one; op->domain becomes the one described.
 */
int domctl_getdomaininfo(struct domain *caller, struct xen_domctl *op);
int domctl_max_mem(struct domain *d, uint64_t max_memkb);
void domctl_setdomainhandle(struct domain *d, const xen_domain_handle_t h);
void domctl_settimeoffset(struct domain *d, int64_t seconds);

/* --- VCPUs (common/domctl-vcpu.c) -------------------------------------- */

int domctl_max_vcpus(struct domain *caller, struct domain *d,
                     uint32_t max);
int domctl_getvcpuinfo(struct domain *d, struct xen_domctl_getvcpuinfo *vi);
/* The context is at guest address ctxt; 0 means reset (set only). */
int domctl_setvcpucontext(struct domain *caller, struct domain *d,
                          uint32_t vcpu, guest_va_t ctxt);
int domctl_getvcpucontext(struct domain *caller, struct domain *d,
                          uint32_t vcpu, guest_va_t ctxt);
int domctl_vcpuaffinity(struct domain *d, uint32_t cmd,
                        struct xen_domctl_vcpuaffinity *aff);

/* --- scheduling (common/domctl-sched.c) -------------------------------- */

/* The scheduler's XEN_SCHEDULER_* id. */
uint32_t sched_id(void);
int domctl_scheduler_op(struct domain *d,
                        struct xen_domctl_scheduler_op *op);

/* --- arch (arch/x86/pv/control.c) -------------------------------------- */

/*
 * Sub-operations only the arch knows (address size, hypercall page,
 * HVM-only ones); -ENOSYS for the unknown.  *copyback: op changed.
 */
long arch_do_domctl(struct domain *caller, struct domain *d,
                    struct xen_domctl *op, bool *copyback);
void arch_get_domain_info(const struct domain *d,
                          struct xen_domctl_getdomaininfo *info);
/* CPU facts for physinfo: topology, speed, features. */
void arch_do_physinfo(struct xen_sysctl_physinfo *pi);

/* --- sysctl (common/sysctl-*.c) ----------------------------------------- */

int sysctl_readconsole(struct xen_sysctl_readconsole *rc);
void sysctl_physinfo(struct xen_sysctl_physinfo *pi);
int sysctl_getdomaininfolist(struct domain *caller,
                             struct xen_sysctl_getdomaininfolist *l);
int sysctl_getcpuinfo(struct xen_sysctl_getcpuinfo *ci);
/* Nanoseconds CPU cpu spent idle since boot. */
uint64_t cpu_idle_time(unsigned int cpu);

#endif /* HV_DOMCTL_H */
