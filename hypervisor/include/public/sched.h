/* SPDX-License-Identifier: GPL-2.0-only */
/* HYPERVISOR_sched_op(cmd, arg): yielding, blocking, polling, shutdown. */
#ifndef __XEN_PUBLIC_SCHED_H__
#define __XEN_PUBLIC_SCHED_H__

#include "event_channel.h"

#define SCHEDOP_yield           0 /* no argument */
#define SCHEDOP_block           1 /* no argument; wakes on an event */
#define SCHEDOP_shutdown        2 /* sched_shutdown */
#define SCHEDOP_poll            3 /* sched_poll */
#define SCHEDOP_remote_shutdown 4 /* sched_remote_shutdown, privileged */
#define SCHEDOP_shutdown_code   5 /* sched_shutdown: sets the reason only */
#define SCHEDOP_watchdog        6 /* sched_watchdog */
#define SCHEDOP_pin_override    7 /* sched_pin_override, dom0 only */

struct sched_shutdown {
    unsigned int reason;    /* IN: SHUTDOWN_* */
};
typedef struct sched_shutdown sched_shutdown_t;
DEFINE_XEN_GUEST_HANDLE(sched_shutdown_t);

/* Blocks until one of the ports is pending or the timeout passes. */
struct sched_poll {
    XEN_GUEST_HANDLE(evtchn_port_t) ports;  /* IN */
    unsigned int nr_ports;                  /* IN */
    uint64_t timeout;       /* IN: absolute system time, 0 for none */
};
typedef struct sched_poll sched_poll_t;
DEFINE_XEN_GUEST_HANDLE(sched_poll_t);

struct sched_remote_shutdown {
    domid_t domain_id;      /* IN */
    unsigned int reason;    /* IN: SHUTDOWN_* */
};
typedef struct sched_remote_shutdown sched_remote_shutdown_t;
DEFINE_XEN_GUEST_HANDLE(sched_remote_shutdown_t);

/* id 0 creates a watchdog (id returned); timeout 0 destroys one. */
struct sched_watchdog {
    uint32_t id;            /* IN */
    uint32_t timeout;       /* IN: seconds */
};
typedef struct sched_watchdog sched_watchdog_t;
DEFINE_XEN_GUEST_HANDLE(sched_watchdog_t);

struct sched_pin_override {
    int32_t pcpu;           /* IN: physical CPU, or -1 to undo */
};
typedef struct sched_pin_override sched_pin_override_t;
DEFINE_XEN_GUEST_HANDLE(sched_pin_override_t);

/* Shutdown reasons; the tools act on them. */
#define SHUTDOWN_poweroff   0 /* destroy the domain */
#define SHUTDOWN_reboot     1 /* rebuild and restart it */
#define SHUTDOWN_suspend    2 /* state is saved; resumes later */
#define SHUTDOWN_crash      3
#define SHUTDOWN_watchdog   4 /* a watchdog expired */
#define SHUTDOWN_soft_reset 5 /* restart keeping memory */
#define SHUTDOWN_MAX        5

#endif /* __XEN_PUBLIC_SCHED_H__ */
