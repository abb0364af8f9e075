/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmconsoled: serves every guest's PV console in dom0, as Xen's
 * xenconsoled does.  Parses the command line, becomes a daemon, opens the
 * hypervisor and xenstore, then runs the main loop until SIGTERM or
 * SIGINT; SIGHUP reopens the log files.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "logfile.h"
#include "msg.h"

struct options
{
    const char *log_dir;
    const char *pid_file;
    const char *msg_file;
    bool foreground;
};

static volatile sig_atomic_t stop, reopen;

static void on_signal(int sig)
{
    if ( sig == SIGHUP )
        reopen = 1;
    else
        stop = 1;
}

static void usage(FILE *f)
{
    fputs("usage: vmconsoled [options]\n"
          "Serve the PV console of every guest: its output to a log file\n"
          "and to a pty named in xenstore (console/tty), which\n"
          "`vmctl console` attaches to.\n\n"
          "  -d, --log-dir DIR      console logs in DIR/console-NAME.log\n"
          "                         (default " CONSD_LOG_DIR ")\n"
          "  -F, --foreground       stay in the foreground, messages to\n"
          "                         stderr\n"
          "  -P, --pid-file FILE    write the daemon's pid to FILE\n"
          "  -L, --log-file FILE    the daemon's own messages to FILE\n"
          "                         (default: syslog once in the\n"
          "                         background)\n"
          "  -v, --verbose          say more\n"
          "  -h, --help             this text\n", f);
}

static int parse_args(int argc, char **argv, struct options *o)
{
    static const struct option longs[] = {
        { "log-dir", required_argument, NULL, 'd' },
        { "foreground", no_argument, NULL, 'F' },
        { "pid-file", required_argument, NULL, 'P' },
        { "log-file", required_argument, NULL, 'L' },
        { "verbose", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int opt;

    while ( (opt = getopt_long(argc, argv, "d:FP:L:vh", longs, NULL)) != -1 )
    {
        switch ( opt )
        {
        case 'd': o->log_dir = optarg; break;
        case 'F': o->foreground = true; break;
        case 'P': o->pid_file = optarg; break;
        case 'L': o->msg_file = optarg; break;
        case 'v': consd_msg_verbose = true; break;
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
        fprintf(stderr, "vmconsoled: unexpected argument '%s'\n",
                argv[optind]);
        return -1;
    }
    return 0;
}

/*
 * Fork; the parent waits until the child says it serves (a byte on the
 * pipe) or dies, so that a script starting us knows which.  The child's
 * messages reach the terminal until then.
 */
static int daemonise(int *ready_fd)
{
    int fds[2];
    char ok = 0;
    pid_t pid;

    if ( pipe2(fds, O_CLOEXEC) || (pid = fork()) < 0 )
    {
        consd_err("becoming a daemon: %s", strerror(errno));
        return -1;
    }
    if ( pid > 0 )
    {
        close(fds[1]);
        if ( read(fds[0], &ok, 1) != 1 )
            ok = 0;
        _exit(ok ? 0 : 1);
    }
    close(fds[0]);
    setsid();
    *ready_fd = fds[1];
    return 0;
}

static void detach_stdio(void)
{
    int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

    if ( fd < 0 )
        return;
    dup2(fd, STDIN_FILENO);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    if ( fd > STDERR_FILENO )
        close(fd);
}

static int write_pid_file(const char *path)
{
    FILE *f = fopen(path, "we");
    int rc = 0;

    if ( !f )
    {
        rc = -errno;
        goto out;
    }
    if ( fprintf(f, "%ld\n", (long)getpid()) < 0 )
        rc = -errno;
    if ( fclose(f) && !rc )
        rc = -errno;

 out:
    if ( rc )
        consd_err("pid file %s: %s", path, strerror(-rc));
    return rc;
}

/* Signals wait blocked, so that none slips in between loop and poll. */
static void catch_signals(sigset_t *waitmask)
{
    struct sigaction sa = { .sa_handler = on_signal };
    sigset_t block;

    sigemptyset(&block);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, waitmask);
    sigdelset(waitmask, SIGTERM);
    sigdelset(waitmask, SIGINT);
    sigdelset(waitmask, SIGHUP);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int main(int argc, char **argv)
{
    struct options o = { .log_dir = CONSD_LOG_DIR };
    struct consd_store *st = NULL;
    struct consd_hv *hv = NULL;
    struct consd c = { 0 };
    char log_dir[PATH_MAX], ok = 1;
    int rc = 1, ready_fd = -1, err;
    sigset_t waitmask;
    bool inited = false;

    if ( parse_args(argc, argv, &o) )
        goto out;
    err = consd_log_mkdir(o.log_dir);
    if ( err || !realpath(o.log_dir, log_dir) )
    {
        consd_err("log directory %s: %s", o.log_dir,
                  strerror(err ? -err : errno));
        goto out;
    }
    if ( !o.foreground && daemonise(&ready_fd) )
        goto out;
    catch_signals(&waitmask);
    /* Opened after the fork: libctl's hypercall buffers do not fork. */
    hv = consd_hv_libctl_open();
    if ( !hv )
    {
        consd_err("opening the hypervisor (/dev/xen/privcmd, "
                  "/dev/xen/evtchn): %s", strerror(errno));
        goto out;
    }
    st = consd_store_libctl_open();
    if ( !st )
    {
        consd_err("connecting to xenstore (%s): %s: is vmstored running?",
                  getenv("XENSTORED_PATH") ? getenv("XENSTORED_PATH")
                                           : "its usual socket",
                  strerror(errno));
        goto out;
    }
    if ( consd_init(&c, hv, st, log_dir) )
        goto out;
    inited = true;
    if ( o.pid_file && write_pid_file(o.pid_file) )
        goto out;
    if ( o.msg_file && (err = consd_msg_file(o.msg_file)) )
    {
        consd_err("%s: %s", o.msg_file, strerror(-err));
        goto out;
    }
    if ( ready_fd >= 0 )
    {
        if ( write(ready_fd, &ok, 1) != 1 )
            goto out;
        close(ready_fd);
        ready_fd = -1;
        if ( chdir("/") )
            goto out;
        detach_stdio();
        if ( !o.msg_file )
            consd_msg_syslog();
    }
    consd_info("serving consoles, logs in %s", log_dir);
    rc = 0;
    while ( !stop && !rc )
    {
        if ( reopen )
        {
            reopen = 0;
            consd_reopen_logs(&c);
            if ( o.msg_file )
                consd_msg_file(o.msg_file);
        }
        rc = consd_step(&c, -1, &waitmask) ? 1 : 0;
    }
    consd_info("stopping%s", rc ? " after an error" : "");

 out:
    if ( inited )
        consd_fini(&c);
    if ( st )
        st->ops->close(st);
    if ( hv )
        hv->ops->close(hv);
    if ( o.pid_file && inited )
        unlink(o.pid_file);
    consd_msg_file(NULL);
    return rc;
}
