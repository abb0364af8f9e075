/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What vmctl's operations share over libctl: the hypervisor and xenstore
 * handles, messages in vmctl's form, finding a domain by name or id, and
 * building one from its configuration (dom-build.c), looked after by a
 * keeper process (keeper.c) that carries out its on_poweroff/on_reboot/
 * on_crash actions, and serves its console when no console daemon does.
 */
#ifndef VMCTL_OPS_LIBCTL_H
#define VMCTL_OPS_LIBCTL_H

#include <stdbool.h>
#include <stdint.h>

#include "domcfg.h"
#include "xcbuild.h"
#include "xenctrl.h"
#include "xenevtchn.h"
#include "xenstore.h"

#include <public/io/console.h>

struct ops_ctx
{
    const char *cmd;            /* for messages: "vmctl: CMD: ..." */
    xc_interface *xch;
    struct xs_handle *xs;       /* NULL when no xenstore daemon runs */
};

/* Open the hypervisor (and xenstore when need_xs); VMCTL_OK or failed. */
int ops_open(struct ops_ctx *o, const char *cmd, bool need_xs);
void ops_close(struct ops_ctx *o);

/* "vmctl: CMD: message" on stderr; VMCTL_FAILED. */
int ops_fail(struct ops_ctx *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same, ending with libctl's account of its last failure. */
int ops_xc_fail(struct ops_ctx *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A domain by name or number: VMCTL_OK with *domid, else a message. */
int ops_resolve(struct ops_ctx *o, const char *domain, uint32_t *domid);
/* The same without the message: 0, -ENOENT, or -EIO. */
int ops_resolve_quiet(struct ops_ctx *o, const char *domain,
                      uint32_t *domid);
/* Its name from xenstore ("Domain-0" for 0), to free(); NULL if none. */
char *ops_domain_name(struct ops_ctx *o, uint32_t domid);
/* Write a formatted value; false with errno on failure. */
bool ops_xs_printf(struct ops_ctx *o, xs_transaction_t t, const char *path,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Where vmctl keeps per-domain console logs ($VMCTL_LOG_DIR overrides). */
#define VMCTL_LOG_DIR "/var/log/vmctl"

/* A domain made from a configuration, paused, described in xenstore. */
struct built_domain
{
    uint32_t domid;
    struct xc_pv_build_info info;
};

/*
 * Build cfg's domain, write its xenstore nodes and introduce it to the
 * xenstore daemon.  Any failure undoes everything; VMCTL_OK or failed.
 */
int dom_build(struct ops_ctx *o, const struct domain_config *cfg,
              struct built_domain *bd);
/* Destroy domid and forget it in xenstore (its nodes, its introduction). */
void dom_teardown(struct ops_ctx *o, uint32_t domid);

/*
 * Wait up to timeout_ms for the console daemon (vmconsoled) to take
 * domid's console, which it shows by writing console/tty.
 */
bool console_daemon_took(struct ops_ctx *o, uint32_t domid, int timeout_ms);
#define CONSOLE_DAEMON_WAIT_MS 1500

/* The type that keeps the console daemon off a console the keeper serves. */
#define KEEPER_CONSOLE_TYPE "vmctl-keeper"

/* The keeper of one domain: its lifecycle, and its console if need be. */
struct keeper
{
    struct ops_ctx *o;
    const struct domain_config *cfg;
    uint32_t domid;
    bool serve_console;
    struct xencons_interface *ring;
    xenevtchn_handle *xce;
    int local_port;
    int pty, pty_slave;         /* master and our own slave, or -1 */
    int log_fd;                 /* or -1 */
    char tty[64];
};

/* What keeper_step() found. */
#define KEEPER_RUNNING  0
#define KEEPER_DONE     1       /* the domain is gone, or preserved */

/*
 * Take charge of bd; with serve_console, also map the console, bind its
 * port, open the pty and the log (and mark the console as ours).
 */
int keeper_attach(struct keeper *k, struct ops_ctx *o,
                  const struct domain_config *cfg,
                  const struct built_domain *bd, bool serve_console);
/* Serve the console for up to timeout_ms, then act on the domain's
 * state; KEEPER_RUNNING, KEEPER_DONE, or -1 on a fatal error. */
int keeper_step(struct keeper *k, int timeout_ms);
void keeper_detach(struct keeper *k);
/* Run a keeper for bd in a daemon process; VMCTL_OK or failed. */
int keeper_spawn(struct ops_ctx *o, const struct domain_config *cfg,
                 const struct built_domain *bd, bool serve_console);

/* What vmctl create starts the keeper with (keeper_spawn). */
extern int (*ops_spawn_keeper)(struct ops_ctx *o,
                               const struct domain_config *cfg,
                               const struct built_domain *bd,
                               bool serve_console);

#endif /* VMCTL_OPS_LIBCTL_H */
