/* SPDX-License-Identifier: GPL-2.0-only */
/* HYPERVISOR_vcpu_op(cmd, vcpuid, arg): VCPU lifecycle, timers, areas. */
#ifndef __XEN_PUBLIC_VCPU_H__
#define __XEN_PUBLIC_VCPU_H__

#include "xen.h"

/* arg: vcpu_guest_context; only for a VCPU never brought up before. */
#define VCPUOP_initialise           0
#define VCPUOP_up                   1 /* no argument */
#define VCPUOP_down                 2 /* no argument */
#define VCPUOP_is_up                3 /* no argument; returns 0 or 1 */

#define VCPUOP_get_runstate_info    4 /* arg: vcpu_runstate_info, OUT */
struct vcpu_runstate_info {
    int      state;             /* RUNSTATE_* */
    uint64_t state_entry_time;  /* system time of the last change */
    /*
     * With VMASST_TYPE_runstate_update_flag, the hypervisor sets this bit
     * in state_entry_time while it rewrites the area.
     */
#define XEN_RUNSTATE_UPDATE (xen_mk_ullong(1) << 63)
    uint64_t time[4];           /* ns spent in each RUNSTATE_* */
};
typedef struct vcpu_runstate_info vcpu_runstate_info_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_runstate_info_t);

#define RUNSTATE_running  0
#define RUNSTATE_runnable 1
#define RUNSTATE_blocked  2
#define RUNSTATE_offline  3

/* Asks the hypervisor to keep a runstate copy at a guest address. */
#define VCPUOP_register_runstate_memory_area 5
struct vcpu_register_runstate_memory_area {
    union {
        XEN_GUEST_HANDLE(vcpu_runstate_info_t) h;
        struct vcpu_runstate_info *v;
        uint64_t p;
    } addr;                     /* IN: guest virtual address */
};
typedef struct vcpu_register_runstate_memory_area
    vcpu_register_runstate_memory_area_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_runstate_memory_area_t);

#define VCPUOP_set_periodic_timer   6
#define VCPUOP_stop_periodic_timer  7 /* no argument */
struct vcpu_set_periodic_timer {
    uint64_t period_ns;         /* IN */
};
typedef struct vcpu_set_periodic_timer vcpu_set_periodic_timer_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_set_periodic_timer_t);

#define VCPUOP_set_singleshot_timer  8
#define VCPUOP_stop_singleshot_timer 9 /* no argument */
struct vcpu_set_singleshot_timer {
    uint64_t timeout_abs_ns;    /* IN: absolute system time */
    uint32_t flags;             /* IN: VCPU_SSHOTTMR_* */
};
typedef struct vcpu_set_singleshot_timer vcpu_set_singleshot_timer_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_set_singleshot_timer_t);

/* Fail with -ETIME rather than fire at once if the time has passed. */
#define _VCPU_SSHOTTMR_future (0)
#define VCPU_SSHOTTMR_future  (1U << _VCPU_SSHOTTMR_future)

/* Moves the VCPU's vcpu_info out of shared_info into a guest page. */
#define VCPUOP_register_vcpu_info   10
struct vcpu_register_vcpu_info {
    uint64_t mfn;               /* IN: frame of the new area */
    uint32_t offset;            /* IN: offset in it */
    uint32_t rsvd;              /* must be zero */
};
typedef struct vcpu_register_vcpu_info vcpu_register_vcpu_info_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_vcpu_info_t);

#define VCPUOP_send_nmi             11 /* no argument */

/* Physical identity of the CPU a pinned dom0 VCPU runs on. */
#define VCPUOP_get_physid           12
struct vcpu_get_physid {
    uint64_t phys_id;           /* OUT: ACPI id << 32 | APIC id */
};
typedef struct vcpu_get_physid vcpu_get_physid_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_get_physid_t);
#define xen_vcpu_physid_to_x86_apicid(physid) ((uint32_t)(physid))
#define xen_vcpu_physid_to_x86_acpiid(physid) ((uint32_t)((physid) >> 32))

/* Asks for a second copy of vcpu_time_info, readable from user mode. */
#define VCPUOP_register_vcpu_time_memory_area 13
DEFINE_XEN_GUEST_HANDLE(vcpu_time_info_t);
struct vcpu_register_time_memory_area {
    union {
        XEN_GUEST_HANDLE(vcpu_time_info_t) h;
        struct vcpu_time_info *v;
        uint64_t p;
    } addr;                     /* IN: guest virtual address */
};
typedef struct vcpu_register_time_memory_area
    vcpu_register_time_memory_area_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_register_time_memory_area_t);

#endif /* __XEN_PUBLIC_VCPU_H__ */
