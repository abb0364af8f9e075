/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The keeper: one background process per domain vmctl created.  It
 * carries out the domain's lifecycle actions once the guest shuts down,
 * restarting it from the configuration it still holds (as `xl create`'s
 * own background process does).  The console daemon (vmconsoled) serves
 * the domain's PV console; when none runs, the keeper does instead (the
 * ring to a log file and to a pty that `vmctl console` attaches to), as
 * a guest whose console ring fills waits for it to drain.  Output nobody
 * reads is kept in the log; a slow or absent reader never stalls the
 * guest.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "ops-libctl.h"
#include "vmctl.h"

static void log_bytes(struct keeper *k, const char *p, size_t n)
{
    if ( k->log_fd >= 0 && write(k->log_fd, p, n) < 0 )
    {
        close(k->log_fd);       /* a full disk does not stop the guest */
        k->log_fd = -1;
    }
    /* A full pty (nobody attached) drops output: the log keeps it. */
    if ( k->pty >= 0 && write(k->pty, p, n) < 0 && errno != EAGAIN )
    {
        close(k->pty);
        k->pty = -1;
    }
}

/* Guest output: what the guest produced since we last looked. */
static bool drain_output(struct keeper *k)
{
    struct xencons_interface *r = k->ring;
    XENCONS_RING_IDX cons = r->out_cons, prod;
    size_t off, n;

    prod = __atomic_load_n(&r->out_prod, __ATOMIC_ACQUIRE);
    if ( prod - cons > sizeof(r->out) )
        cons = prod - sizeof(r->out);   /* a confused guest: resync */
    while ( cons != prod )
    {
        off = MASK_XENCONS_IDX(cons, r->out);
        n = sizeof(r->out) - off;
        if ( n > prod - cons )
            n = prod - cons;
        log_bytes(k, r->out + off, n);
        cons += (XENCONS_RING_IDX)n;
    }
    if ( cons == r->out_cons )
        return false;
    /* The guest may reuse the space once it sees the new index. */
    __atomic_store_n(&r->out_cons, cons, __ATOMIC_RELEASE);
    return true;
}

/* Keyboard input from the pty into the guest's input ring. */
static bool feed_input(struct keeper *k)
{
    struct xencons_interface *r = k->ring;
    XENCONS_RING_IDX cons, prod = r->in_prod;
    char buf[sizeof(r->in)];
    ssize_t n, i;
    size_t room;

    cons = __atomic_load_n(&r->in_cons, __ATOMIC_ACQUIRE);
    room = sizeof(r->in) - (prod - cons);
    if ( !room || k->pty < 0 )
        return false;
    n = read(k->pty, buf, room);
    if ( n <= 0 )
        return false;
    for ( i = 0; i < n; i++, prod++ )
        r->in[MASK_XENCONS_IDX(prod, r->in)] = buf[i];
    __atomic_store_n(&r->in_prod, prod, __ATOMIC_RELEASE);
    return true;
}

static int open_pty(struct keeper *k)
{
    struct termios t;
    const char *name;

    k->pty = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if ( k->pty < 0 || grantpt(k->pty) || unlockpt(k->pty) ||
         !(name = ptsname(k->pty)) )
        return -errno;
    snprintf(k->tty, sizeof(k->tty), "%s", name);
    /* Held open so the master never reads EIO between attachments. */
    k->pty_slave = open(k->tty, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if ( k->pty_slave < 0 )
        return -errno;
    if ( !tcgetattr(k->pty_slave, &t) )
    {
        cfmakeraw(&t);
        tcsetattr(k->pty_slave, TCSANOW, &t);
    }
    return 0;
}

static void open_log(struct keeper *k)
{
    const char *dir = getenv("VMCTL_LOG_DIR");
    char path[512];

    if ( !dir )
        dir = VMCTL_LOG_DIR;
    mkdir(dir, 0750);
    snprintf(path, sizeof(path), "%s/%s.log", dir, k->cfg->name);
    k->log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
}

bool console_daemon_took(struct ops_ctx *o, uint32_t domid, int timeout_ms)
{
    struct timespec tick = { 0, 20 * 1000 * 1000 };
    char path[64], *tty;
    int waited;

    snprintf(path, sizeof(path), "/local/domain/%u/console/tty", domid);
    for ( waited = 0; o->xs && waited <= timeout_ms; waited += 20 )
    {
        tty = xs_read(o->xs, XBT_NULL, path, NULL);
        if ( tty && *tty )
        {
            free(tty);
            return true;
        }
        free(tty);
        nanosleep(&tick, NULL);
    }
    return false;
}

int keeper_attach(struct keeper *k, struct ops_ctx *o,
                  const struct domain_config *cfg,
                  const struct built_domain *bd, bool serve_console)
{
    char path[64];
    int rc;

    memset(k, 0, sizeof(*k));
    k->o = o;
    k->cfg = cfg;
    k->domid = bd->domid;
    k->serve_console = serve_console;
    k->pty = k->pty_slave = k->log_fd = k->local_port = -1;
    if ( !serve_console )
        return VMCTL_OK;
    /* Keep a console daemon that starts later off this console. */
    snprintf(path, sizeof(path), "/local/domain/%u/console/type", k->domid);
    if ( o->xs )
        xs_write(o->xs, XBT_NULL, path, KEEPER_CONSOLE_TYPE,
                 (unsigned int)strlen(KEEPER_CONSOLE_TYPE));
    k->ring = xc_map_foreign_range(o->xch, bd->domid, XC_PAGE_SIZE,
                                   PROT_READ | PROT_WRITE,
                                   bd->info.console_mfn);
    if ( !k->ring )
        return ops_xc_fail(o, "domain %s: mapping its console", cfg->name);
    k->xce = xenevtchn_open(NULL, 0);
    if ( k->xce )
        k->local_port = xenevtchn_bind_interdomain(k->xce, bd->domid,
                                                   bd->info.console_evtchn);
    if ( k->local_port < 0 )
    {
        rc = ops_fail(o, "domain %s: binding its console port %u: %s",
                      cfg->name, bd->info.console_evtchn, strerror(errno));
        keeper_detach(k);
        return rc;
    }
    /*
     * Without a pty (no devpts mounted) the console still drains to the
     * log, so the guest runs; only `vmctl console` is unavailable.
     */
    rc = open_pty(k);
    if ( rc )
    {
        if ( k->pty >= 0 )
            close(k->pty);
        k->pty = k->pty_slave = -1;
        k->tty[0] = '\0';
    }
    open_log(k);
    snprintf(path, sizeof(path), "/local/domain/%u/console/tty", k->domid);
    if ( k->tty[0] && o->xs &&
         !xs_write(o->xs, XBT_NULL, path, k->tty,
                   (unsigned int)strlen(k->tty)) )
    {
        rc = ops_fail(o, "domain %s: writing %s: %s", cfg->name, path,
                      strerror(errno));
        keeper_detach(k);
        return rc;
    }
    return VMCTL_OK;
}

void keeper_detach(struct keeper *k)
{
    if ( k->ring )
    {
        drain_output(k);
        munmap(k->ring, XC_PAGE_SIZE);
    }
    if ( k->xce )
    {
        if ( k->local_port >= 0 )
            xenevtchn_unbind(k->xce, (evtchn_port_t)k->local_port);
        xenevtchn_close(k->xce);
    }
    if ( k->pty >= 0 )
        close(k->pty);
    if ( k->pty_slave >= 0 )
        close(k->pty_slave);
    if ( k->log_fd >= 0 )
        close(k->log_fd);
    k->ring = NULL;
    k->xce = NULL;
    k->pty = k->pty_slave = k->log_fd = k->local_port = -1;
}

static enum domcfg_action action_for(const struct domain_config *cfg,
                                     unsigned int reason)
{
    switch ( reason )
    {
    case SHUTDOWN_poweroff:
        return cfg->on_poweroff;
    case SHUTDOWN_reboot:
        return cfg->on_reboot;
    default:
        return cfg->on_crash;
    }
}

/* The guest shut down: destroy it, restart it, or leave it be. */
static int act(struct keeper *k, unsigned int reason)
{
    enum domcfg_action a = action_for(k->cfg, reason);
    struct built_domain bd;

    switch ( a )
    {
    case DOMCFG_PRESERVE:
        return KEEPER_DONE;
    case DOMCFG_DESTROY:
    case DOMCFG_COREDUMP_DESTROY:
        keeper_detach(k);
        dom_teardown(k->o, k->domid);
        return KEEPER_DONE;
    default:
        break;
    }
    keeper_detach(k);
    dom_teardown(k->o, k->domid);
    if ( dom_build(k->o, k->cfg, &bd) ||
         keeper_attach(k, k->o, k->cfg, &bd,
                       !console_daemon_took(k->o, bd.domid,
                                            CONSOLE_DAEMON_WAIT_MS)) )
        return -1;
    if ( xc_domain_unpause(k->o->xch, bd.domid) )
    {
        ops_xc_fail(k->o, "domain %s: restarting", k->cfg->name);
        return -1;
    }
    return KEEPER_RUNNING;
}

/* Serve the console (if ours) for up to timeout_ms. */
static int serve(struct keeper *k, int timeout_ms)
{
    struct pollfd p[2] = {
        { .fd = k->xce ? xenevtchn_fd(k->xce) : -1, .events = POLLIN },
        { .fd = k->pty, .events = POLLIN },
    };
    bool kick;
    int port;

    if ( poll(p, 2, timeout_ms) < 0 && errno != EINTR )
        return -1;
    if ( !k->ring )
        return 0;
    while ( (port = xenevtchn_pending(k->xce)) >= 0 )
        xenevtchn_unmask(k->xce, (evtchn_port_t)port);
    kick = drain_output(k);
    kick |= feed_input(k);
    if ( kick )
        xenevtchn_notify(k->xce, (evtchn_port_t)k->local_port);
    return 0;
}

int keeper_step(struct keeper *k, int timeout_ms)
{
    xc_domaininfo_t info;

    if ( serve(k, timeout_ms) )
        return -1;

    if ( xc_domain_getinfo_single(k->o->xch, k->domid, &info) ||
         (info.flags & XEN_DOMINF_dying) )
        return KEEPER_DONE;
    if ( (info.flags & XEN_DOMINF_shutdown) &&
         dominfo_shutdown_reason(&info) != SHUTDOWN_suspend )
        return act(k, dominfo_shutdown_reason(&info));
    return KEEPER_RUNNING;
}

/*
 * In the daemon: fresh handles, as a child may not use its parent's
 * (their descriptors are closed; fork did not copy their mappings).
 */
static void keeper_main(struct ops_ctx *parent,
                        const struct domain_config *cfg,
                        const struct built_domain *bd, bool serve_console,
                        int ready_fd)
{
    struct ops_ctx o;
    struct keeper k;
    char ok = 0;
    int rc, nul;

    ops_close(parent);
    nul = open("/dev/null", O_RDWR);
    if ( nul >= 0 )
    {
        dup2(nul, STDIN_FILENO);
        dup2(nul, STDOUT_FILENO);
        if ( nul > STDERR_FILENO )
            close(nul);
    }
    rc = ops_open(&o, "keeper", true);
    if ( !rc )
        rc = keeper_attach(&k, &o, cfg, bd, serve_console);
    ok = rc ? 0 : 1;
    if ( write(ready_fd, &ok, 1) != 1 || rc )
        _exit(1);
    close(ready_fd);
    /* Messages from here on have no terminal to go to. */
    if ( nul >= 0 )
        dup2(STDIN_FILENO, STDERR_FILENO);
    while ( (rc = keeper_step(&k, 1000)) == KEEPER_RUNNING )
        continue;
    keeper_detach(&k);
    ops_close(&o);
    _exit(rc < 0 ? 1 : 0);
}

int keeper_spawn(struct ops_ctx *o, const struct domain_config *cfg,
                 const struct built_domain *bd, bool serve_console)
{
    int fds[2], status;
    char ok = 0;
    pid_t pid;

    if ( pipe2(fds, O_CLOEXEC) )
        return ops_fail(o, "domain %s: keeper: %s", cfg->name,
                        strerror(errno));
    pid = fork();
    if ( pid < 0 )
    {
        close(fds[0]);
        close(fds[1]);
        return ops_fail(o, "domain %s: keeper: %s", cfg->name,
                        strerror(errno));
    }
    if ( !pid )
    {
        /* Detach from vmctl's session and let init adopt the keeper. */
        close(fds[0]);
        setsid();
        signal(SIGHUP, SIG_IGN);
        if ( fork() )
            _exit(0);
        keeper_main(o, cfg, bd, serve_console, fds[1]);
    }
    close(fds[1]);
    waitpid(pid, &status, 0);
    if ( read(fds[0], &ok, 1) != 1 || !ok )
        ok = 0;
    close(fds[0]);
    if ( !ok )
        return ops_fail(o, "domain %s: its keeper (lifecycle and console) "
                        "did not start", cfg->name);
    return VMCTL_OK;
}
