/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl console (console-attach.h).  The pty is non-blocking and typed
 * input waits in a buffer while the guest's ring is full, so that Ctrl-]
 * and the guest's output still get through.  Signals that would end us
 * are caught instead, so that the terminal always gets its mode back.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "xenstore.h"

#include "console-attach.h"
#include "vmctl.h"

/* How long typed input may wait for room once we detach. */
#define FLUSH_MS 1000

#define RELAY_DETACHED 0
#define RELAY_HANGUP   1

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int fail(const char *fmt, ...)
{
    va_list ap;

    fputs("vmctl: console: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return VMCTL_FAILED;
}

/* All of buf to fd, waiting when fd is non-blocking; 0 or -errno. */
static int put_all(int fd, const char *buf, size_t len, int timeout_ms)
{
    struct pollfd p = { .fd = fd, .events = POLLOUT };
    ssize_t n;

    while ( len )
    {
        n = write(fd, buf, len);
        if ( n > 0 )
        {
            buf += n;
            len -= (size_t)n;
            continue;
        }
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n < 0 && errno != EAGAIN )
            return -errno;
        n = poll(&p, 1, timeout_ms);
        if ( n == 0 )
            return -ETIMEDOUT;
        if ( n < 0 && errno != EINTR )
            return -errno;
    }
    return 0;
}

struct relay
{
    int tty, in, out;
    const sigset_t *waitmask;
    char typed[1024];           /* input the pty has not taken yet */
    size_t off, len;
};

/* Guest output to the terminal; false once the console is gone. */
static bool from_tty(struct relay *r, int *err)
{
    char buf[4096];
    ssize_t n = read(r->tty, buf, sizeof(buf));

    if ( n < 0 && (errno == EAGAIN || errno == EINTR) )
        return true;
    if ( n <= 0 )
        return false;           /* EIO: the daemon closed its side */
    *err = put_all(r->out, buf, (size_t)n, -1);
    return !*err;
}

/* Typed input towards the pty; false once it is gone. */
static bool to_tty(struct relay *r)
{
    ssize_t n = write(r->tty, r->typed + r->off, r->len);

    if ( n < 0 )
        return errno == EAGAIN || errno == EINTR;
    r->off += (size_t)n;
    r->len -= (size_t)n;
    return true;
}

/* Read the keyboard; true when the user detaches (Ctrl-], end). */
static bool from_in(struct relay *r)
{
    ssize_t n = read(r->in, r->typed, sizeof(r->typed));
    char *esc;

    if ( n < 0 && (errno == EAGAIN || errno == EINTR) )
        return false;
    if ( n <= 0 )
        return true;
    r->off = 0;
    r->len = (size_t)n;
    esc = memchr(r->typed, CONSOLE_ESCAPE, r->len);
    if ( esc )
        r->len = (size_t)(esc - r->typed);
    return esc != NULL;
}

static int relay(struct relay *r)
{
    struct pollfd p[2];
    int err = 0;

    while ( !interrupted )
    {
        p[0] = (struct pollfd){ .fd = r->in, .events = r->len ? 0 : POLLIN };
        p[1] = (struct pollfd){ .fd = r->tty,
                                .events = POLLIN | (r->len ? POLLOUT : 0) };
        if ( ppoll(p, 2, NULL, r->waitmask) < 0 )
        {
            if ( errno == EINTR )
                continue;
            return -errno;
        }
        if ( (p[1].revents & (POLLIN | POLLHUP | POLLERR)) &&
             !from_tty(r, &err) )
            return err ? err : RELAY_HANGUP;
        if ( (p[1].revents & POLLOUT) && !to_tty(r) )
            return RELAY_HANGUP;
        if ( !r->len && (p[0].revents & (POLLIN | POLLHUP | POLLERR)) &&
             from_in(r) )
        {
            put_all(r->tty, r->typed + r->off, r->len, FLUSH_MS);
            return RELAY_DETACHED;
        }
        if ( r->len && !to_tty(r) )
            return RELAY_HANGUP;
    }
    return RELAY_DETACHED;
}

int console_attach_tty(const char *tty, const char *domain, int in, int out)
{
    struct sigaction sa = { .sa_handler = on_signal }, old[3];
    static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
    struct relay r = { .tty = -1, .in = in, .out = out };
    struct termios saved, raw;
    sigset_t block, waitmask;
    bool is_term = isatty(in), restore = false;
    unsigned int i;
    int rc = VMCTL_OK, res;

    if ( !tty || !*tty )
        return fail("domain %s has no console pty: is vmconsoled running?",
                    domain);
    r.tty = open(tty, O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if ( r.tty < 0 )
        return fail("domain %s: its console %s: %s%s", domain, tty,
                    strerror(errno),
                    errno == ENOENT ? " (is vmconsoled running?)" : "");

    sigemptyset(&block);
    for ( i = 0; i < 3; i++ )
    {
        sigaddset(&block, sigs[i]);
        sigaction(sigs[i], &sa, &old[i]);
    }
    sigprocmask(SIG_BLOCK, &block, &waitmask);
    for ( i = 0; i < 3; i++ )
        sigdelset(&waitmask, sigs[i]);
    r.waitmask = &waitmask;
    interrupted = 0;

    if ( is_term && !tcgetattr(in, &saved) )
    {
        fprintf(stderr, "Connected to domain %s's console; Ctrl-] "
                "detaches.\r\n", domain);
        raw = saved;
        cfmakeraw(&raw);
        restore = !tcsetattr(in, TCSANOW, &raw);
    }
    res = relay(&r);
    if ( restore )
    {
        tcsetattr(in, TCSANOW, &saved);
        fputc('\n', stderr);
    }
    /* The domain going away ends a session as normally as Ctrl-] does. */
    if ( res == RELAY_HANGUP )
        fprintf(stderr, "vmctl: console: domain %s: its console closed (the "
                "domain is gone, or vmconsoled stopped)\n", domain);
    else if ( res < 0 )
        rc = fail("domain %s: relaying its console: %s", domain,
                  strerror(-res));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    for ( i = 0; i < 3; i++ )
        sigaction(sigs[i], &old[i], NULL);
    close(r.tty);
    return rc;
}

int console_attach_domain(struct xs_handle *xs, unsigned int domid,
                          const char *domain)
{
    char path[64], *tty;
    int rc;

    snprintf(path, sizeof(path), "/local/domain/%u/console/tty", domid);
    tty = xs_read(xs, XBT_NULL, path, NULL);
    if ( !tty && errno != ENOENT )
        return fail("domain %s: reading %s: %s", domain, path,
                    strerror(errno));
    if ( !tty )
        return fail("domain %s has no console (%s is not set): is "
                    "vmconsoled running?", domain, path);
    rc = console_attach_tty(tty, domain, STDIN_FILENO, STDOUT_FILENO);
    free(tty);
    return rc;
}
