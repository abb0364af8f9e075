/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmstored: the xenstore daemon of our dom0 toolstack.  Parses the command
 * line, opens the sockets and the hypervisor interface, serves dom0's own
 * ring, then runs the main loop until SIGTERM or SIGINT.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain.h"
#include "log.h"
#include "server.h"
#include "sock.h"
#include "vmstored.h"
#include "xenif.h"

#define MAX_SOCKETS 4

/* Where Xen's libxenstore looks (XEN_RUN_STORED/socket), and its alias. */
static const char *const default_sockets[] = {
    "/run/xenstored/socket", "/var/run/xenstored/socket",
};

struct options
{
    const char *sockets[MAX_SOCKETS];
    unsigned int nsockets;
    const char *pid_file;
    const char *log_file;
    int foreground;
    int no_xen;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

static void usage(FILE *f)
{
    fputs("usage: vmstored [options]\n"
          "Serve the xenstore protocol to dom0 clients over a Unix socket\n"
          "and to guests over their store rings.\n\n"
          "  -s, --socket PATH      listen on PATH (repeatable; default\n"
          "                         /run/xenstored/socket and\n"
          "                         /var/run/xenstored/socket)\n"
          "  -N, --no-xen           no hypervisor: local sockets only\n"
          "  -F, --foreground       stay in the foreground, log to stderr\n"
          "  -P, --pid-file FILE    write the daemon's pid to FILE\n"
          "  -L, --log-file FILE    log to FILE (default: stderr in the\n"
          "                         foreground, else syslog)\n"
          "  -Q, --quota NAME=N     per-domain limit, 0 for none: nodes,\n"
          "                         watches, transactions, node-size,\n"
          "                         permissions, path-max, outstanding\n"
          "  -v, --verbose          log every request\n"
          "  -h, --help             this text\n", f);
}

static int set_quota(struct quota *q, const char *arg)
{
    static const struct
    {
        const char *name;
        size_t off;
    } names[] = {
        { "nodes", offsetof(struct quota, nodes) },
        { "watches", offsetof(struct quota, watches) },
        { "transactions", offsetof(struct quota, transactions) },
        { "node-size", offsetof(struct quota, node_size) },
        { "permissions", offsetof(struct quota, perms) },
        { "path-max", offsetof(struct quota, path_len) },
        { "outstanding", offsetof(struct quota, outstanding) },
    };
    const char *eq = strchr(arg, '=');
    unsigned long val;
    char *end;
    size_t i;

    if ( !eq || eq[1] < '0' || eq[1] > '9' )
        goto bad;
    val = strtoul(eq + 1, &end, 10);
    if ( *end || val > UINT_MAX )
        goto bad;
    for ( i = 0; i < sizeof(names) / sizeof(names[0]); i++ )
        if ( strlen(names[i].name) == (size_t)(eq - arg) &&
             !strncmp(arg, names[i].name, eq - arg) )
        {
            *(unsigned int *)((char *)q + names[i].off) = val;
            return 0;
        }
 bad:
    fprintf(stderr, "vmstored: --quota %s: expected NAME=NUMBER with a "
            "NAME from --help\n", arg);
    return -1;
}

static int parse_args(int argc, char **argv, struct options *o,
                      struct quota *q)
{
    static const struct option longs[] = {
        { "socket", required_argument, NULL, 's' },
        { "no-xen", no_argument, NULL, 'N' },
        { "foreground", no_argument, NULL, 'F' },
        { "pid-file", required_argument, NULL, 'P' },
        { "log-file", required_argument, NULL, 'L' },
        { "quota", required_argument, NULL, 'Q' },
        { "verbose", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int opt;

    while ( (opt = getopt_long(argc, argv, "s:NFP:L:Q:vh", longs,
                               NULL)) != -1 )
    {
        switch ( opt )
        {
        case 's':
            if ( o->nsockets == MAX_SOCKETS )
            {
                fprintf(stderr, "vmstored: at most %d sockets\n",
                        MAX_SOCKETS);
                return -1;
            }
            o->sockets[o->nsockets++] = optarg;
            break;
        case 'N': o->no_xen = 1; break;
        case 'F': o->foreground = 1; break;
        case 'P': o->pid_file = optarg; break;
        case 'L': o->log_file = optarg; break;
        case 'Q':
            if ( set_quota(q, optarg) )
                return -1;
            break;
        case 'v': log_verbose = 1; break;
        case 'h':
            usage(stdout);
            exit(0);
        default:
            usage(stderr);
            return -1;
        }
    }
    if ( optind < argc )
    {
        fprintf(stderr, "vmstored: unexpected argument '%s'\n", argv[optind]);
        return -1;
    }
    return 0;
}

/* Listen on each path once, though two names may reach one file. */
static int open_sockets(struct options *o, int *fds, unsigned int *nfds)
{
    unsigned int i, j;

    if ( !o->nsockets )
    {
        o->sockets[0] = default_sockets[0];
        o->sockets[1] = default_sockets[1];
        o->nsockets = 2;
    }
    *nfds = 0;
    for ( i = 0; i < o->nsockets; i++ )
    {
        struct stat a, b;
        int dup = 0;

        for ( j = 0; j < i && !dup; j++ )
            dup = !stat(o->sockets[i], &a) && !stat(o->sockets[j], &b) &&
                  a.st_dev == b.st_dev && a.st_ino == b.st_ino;
        if ( dup )
            continue;
        fds[*nfds] = sock_listen(o->sockets[i]);
        if ( fds[*nfds] < 0 )
            return -1;
        (*nfds)++;
    }
    return 0;
}

static int write_pid_file(const char *path, pid_t pid)
{
    FILE *f = fopen(path, "w");

    if ( !f || fprintf(f, "%ld\n", (long)pid) < 0 || fclose(f) )
    {
        log_err("%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

/*
 * Detach from the terminal once clients can connect.  The parent writes
 * the pid file before it returns, so that a script finds both ready.
 */
static int daemonise(const char *pid_file)
{
    pid_t pid = fork();
    int fd;

    if ( pid < 0 )
    {
        log_err("fork: %s", strerror(errno));
        return -1;
    }
    if ( pid > 0 )
        _exit(pid_file && write_pid_file(pid_file, pid) ? 1 : 0);
    setsid();
    if ( chdir("/") )
        return -1;
    fd = open("/dev/null", O_RDWR);
    if ( fd >= 0 )
    {
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        if ( fd > 2 )
            close(fd);
    }
    log_to_syslog(true);
    return 0;
}

/* Xen's xenstored in dom0 serves the dom0 kernel's ring from the start. */
static void serve_dom0(struct vms *v)
{
    struct xenif *xi = v->xenif;
    int port = xi->ops->dom0_port(xi), rc;

    if ( port < 0 )
    {
        log_info("no dom0 store ring (%s): dom0's kernel is not served",
                 strerror(-port));
        return;
    }
    rc = domain_introduce(v, 0, 0, port, false);
    if ( rc )
        log_err("dom0's store ring: %s", strerror(rc));
}

int main(int argc, char **argv)
{
    struct options o = { 0 };
    struct quota q;
    struct vms v;
    struct xenif *xi = NULL;
    struct sigaction sa = { .sa_handler = on_signal };
    int fds[MAX_SOCKETS], rc = 1, port;
    unsigned int nfds = 0, i;

    if ( vms_init(&v, NULL) )
    {
        fputs("vmstored: out of memory\n", stderr);
        return 1;
    }
    q = v.quota;
    if ( parse_args(argc, argv, &o, &q) )
        goto out;
    v.quota = q;
    if ( !o.no_xen )
    {
        xi = xenif_linux_open();
        if ( !xi )
            goto out;
        v.xenif = xi;
        port = xi->ops->bind_dom_exc(xi);
        if ( port < 0 )
            log_err("VIRQ_DOM_EXC: %s: domain deaths go unnoticed",
                    strerror(-port));
        v.dom_exc_port = port;
    }
    if ( open_sockets(&o, fds, &nfds) )
        goto out;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    if ( o.log_file && log_to_file(o.log_file) )
    {
        log_err("%s: %s", o.log_file, strerror(errno));
        goto out;
    }
    if ( o.foreground ? o.pid_file && write_pid_file(o.pid_file, getpid())
                      : daemonise(o.pid_file) )
        goto out;
    if ( xi )
        serve_dom0(&v);
    log_info("serving on %s%s", o.sockets[0], xi ? " and guest rings" : "");
    rc = server_run(&v, fds, nfds, &stop) ? 1 : 0;

 out:
    for ( i = 0; i < nfds; i++ )
        close(fds[i]);
    for ( i = 0; nfds && i < o.nsockets; i++ )
        unlink(o.sockets[i]);
    if ( o.pid_file && !rc )
        unlink(o.pid_file);
    vms_fini(&v);
    if ( xi )
        xi->ops->close(xi);
    log_to_file(NULL);
    return rc;
}
