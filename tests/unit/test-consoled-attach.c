/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `vmctl console`'s client (dom0-tools/vmctl/console-attach.c) against a
 * real pty: the test plays vmconsoled on the master side and the user on
 * pipes or on a second pty; the client runs in a child process.
 */
#include <CUnit/Basic.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "console-attach.h"
#include "vmctl.h"

struct pty
{
    int master, slave;
    char path[64];
};

static int pty_open(struct pty *p)
{
    struct termios t;

    p->master = posix_openpt(O_RDWR | O_NOCTTY);
    if ( p->master < 0 || grantpt(p->master) || unlockpt(p->master) ||
         ptsname_r(p->master, p->path, sizeof(p->path)) )
        return -1;
    p->slave = open(p->path, O_RDWR | O_NOCTTY);
    if ( p->slave < 0 || tcgetattr(p->slave, &t) )
        return -1;
    return 0;
}

static void pty_raw(struct pty *p)
{
    struct termios t;

    tcgetattr(p->slave, &t);
    cfmakeraw(&t);
    tcsetattr(p->slave, TCSANOW, &t);
}

static void pty_close(struct pty *p)
{
    if ( p->master >= 0 )
        close(p->master);
    if ( p->slave >= 0 )
        close(p->slave);
    p->master = p->slave = -1;
}

/* Up to len-1 bytes within five seconds, NUL-terminated. */
static ssize_t get(int fd, char *buf, size_t len)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    ssize_t n;

    if ( poll(&p, 1, 5000) <= 0 )
        return -1;
    n = read(fd, buf, len - 1);
    buf[n < 0 ? 0 : n] = '\0';
    return n;
}

/* The child's exit status, or -1 if it would not end. */
static int reap(pid_t pid)
{
    int status, i;

    for ( i = 0; i < 1000; i++ )
    {
        if ( waitpid(pid, &status, WNOHANG) == pid )
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        usleep(10000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

/* Attach in a child, its messages into errfd, no other descriptor. */
static pid_t attach(const char *tty, int in, int out, int errfd)
{
    pid_t pid = fork();
    int fd;

    if ( pid )
        return pid;
    dup2(errfd, STDERR_FILENO);
    for ( fd = STDERR_FILENO + 1; fd < 256; fd++ )
        if ( fd != in && fd != out )
            close(fd);
    _exit(console_attach_tty(tty, "web", in, out));
}

/* What a call printed on stderr. */
static int run_capturing(const char *tty, char *msg, size_t len)
{
    int fds[2], saved, rc;

    if ( pipe(fds) )
        return -1;
    fflush(stderr);
    saved = dup(STDERR_FILENO);
    dup2(fds[1], STDERR_FILENO);
    rc = console_attach_tty(tty, "web", STDIN_FILENO, STDOUT_FILENO);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(fds[1]);
    get(fds[0], msg, len);
    close(fds[0]);
    return rc;
}

static void test_no_console(void)
{
    char msg[512];

    CU_ASSERT_EQUAL(run_capturing(NULL, msg, sizeof(msg)), VMCTL_FAILED);
    CU_ASSERT_STRING_EQUAL(msg, "vmctl: console: domain web has no console "
                           "pty: is vmconsoled running?\n");
    CU_ASSERT_EQUAL(run_capturing("", msg, sizeof(msg)), VMCTL_FAILED);
    CU_ASSERT_EQUAL(run_capturing("/dev/pts/no-such-pty", msg, sizeof(msg)),
                    VMCTL_FAILED);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "/dev/pts/no-such-pty: No such file"));
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, "is vmconsoled running?"));
}

static void test_round_trip_and_escape(void)
{
    int in[2], out[2], err[2];
    struct pty con;
    char buf[256];
    pid_t pid;

    CU_ASSERT_FATAL(!pipe(in) && !pipe(out) && !pipe(err));
    CU_ASSERT_FATAL(!pty_open(&con));
    pty_raw(&con);
    pid = attach(con.path, in[0], out[1], err[1]);
    CU_ASSERT_FATAL(pid > 0);
    close(in[0]);
    close(out[1]);
    close(err[1]);

    /* The guest's output reaches the terminal untouched. */
    CU_ASSERT_EQUAL(write(con.master, "login: \r\n", 9), 9);
    CU_ASSERT_EQUAL(get(out[0], buf, sizeof(buf)), 9);
    CU_ASSERT_STRING_EQUAL(buf, "login: \r\n");
    /* Typing reaches the daemon's side. */
    CU_ASSERT_EQUAL(write(in[1], "root\n", 5), 5);
    CU_ASSERT_EQUAL(get(con.master, buf, sizeof(buf)), 5);
    CU_ASSERT_STRING_EQUAL(buf, "root\n");
    /* Ctrl-] detaches; what came before it still goes, not what after. */
    CU_ASSERT_EQUAL(write(in[1], "ab\x1d" "cd", 5), 5);
    CU_ASSERT_EQUAL(get(con.master, buf, sizeof(buf)), 2);
    CU_ASSERT_STRING_EQUAL(buf, "ab");
    CU_ASSERT_EQUAL(reap(pid), VMCTL_OK);
    CU_ASSERT_EQUAL(get(err[0], buf, sizeof(buf)), 0);

    close(in[1]);
    close(out[0]);
    close(err[0]);
    pty_close(&con);
}

static void test_hangup(void)
{
    int in[2], out[2], err[2];
    struct pty con;
    char buf[256];
    pid_t pid;

    CU_ASSERT_FATAL(!pipe(in) && !pipe(out) && !pipe(err));
    CU_ASSERT_FATAL(!pty_open(&con));
    pty_raw(&con);
    pid = attach(con.path, in[0], out[1], err[1]);
    CU_ASSERT_FATAL(pid > 0);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    CU_ASSERT_EQUAL(write(con.master, "x", 1), 1);
    CU_ASSERT_EQUAL(get(out[0], buf, sizeof(buf)), 1);
    /* The daemon closes the console: the client ends, and says why. */
    pty_close(&con);
    CU_ASSERT_EQUAL(reap(pid), VMCTL_OK);
    CU_ASSERT(get(err[0], buf, sizeof(buf)) > 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "its console closed"));
    close(in[1]);
    close(out[0]);
    close(err[0]);
}

static void test_end_of_input(void)
{
    int in[2], out[2], err[2];
    struct pty con;
    char buf[64];
    pid_t pid;

    CU_ASSERT_FATAL(!pipe(in) && !pipe(out) && !pipe(err));
    CU_ASSERT_FATAL(!pty_open(&con));
    pty_raw(&con);
    pid = attach(con.path, in[0], out[1], err[1]);
    CU_ASSERT_FATAL(pid > 0);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    CU_ASSERT_EQUAL(write(in[1], "reboot\n", 7), 7);
    close(in[1]);
    CU_ASSERT_EQUAL(reap(pid), VMCTL_OK);
    CU_ASSERT_EQUAL(get(con.master, buf, sizeof(buf)), 7);
    close(out[0]);
    close(err[0]);
    pty_close(&con);
}

/* A real terminal as the user's: raw while attached, restored after. */
static void test_terminal_mode(void)
{
    struct pty con, term;
    struct termios t;
    int err[2], i;
    char buf[256];
    pid_t pid;

    CU_ASSERT_FATAL(!pipe(err));
    CU_ASSERT_FATAL(!pty_open(&con) && !pty_open(&term));
    pty_raw(&con);
    CU_ASSERT_FATAL(!tcgetattr(term.slave, &t));
    CU_ASSERT(t.c_lflag & ICANON);
    CU_ASSERT(t.c_lflag & ECHO);
    pid = attach(con.path, term.slave, term.slave, err[1]);
    CU_ASSERT_FATAL(pid > 0);
    close(err[1]);
    /* The banner comes first, once the terminal is raw. */
    CU_ASSERT(get(err[0], buf, sizeof(buf)) > 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "Ctrl-] detaches"));
    for ( i = 0; i < 500; i++ )
    {
        tcgetattr(term.slave, &t);
        if ( !(t.c_lflag & ICANON) )
            break;
        usleep(10000);
    }
    CU_ASSERT(!(t.c_lflag & (ICANON | ECHO | ISIG)));
    CU_ASSERT_EQUAL(write(con.master, "hi", 2), 2);
    CU_ASSERT_EQUAL(get(term.master, buf, sizeof(buf)), 2);
    CU_ASSERT_STRING_EQUAL(buf, "hi");
    /* Ctrl-C goes to the guest, as the raw terminal passes it. */
    CU_ASSERT_EQUAL(write(term.master, "\x03", 1), 1);
    CU_ASSERT_EQUAL(get(con.master, buf, sizeof(buf)), 1);
    CU_ASSERT_EQUAL(buf[0], 3);
    CU_ASSERT_EQUAL(write(term.master, "\x1d", 1), 1);
    CU_ASSERT_EQUAL(reap(pid), VMCTL_OK);
    CU_ASSERT_FATAL(!tcgetattr(term.slave, &t));
    CU_ASSERT(t.c_lflag & ICANON);
    CU_ASSERT(t.c_lflag & ECHO);
    close(err[0]);
    pty_close(&con);
    pty_close(&term);
}

/* SIGTERM while attached: the terminal still gets its mode back. */
static void test_signal_restores(void)
{
    struct pty con, term;
    struct termios t;
    int err[2], i;
    char buf[256];
    pid_t pid;

    CU_ASSERT_FATAL(!pipe(err));
    CU_ASSERT_FATAL(!pty_open(&con) && !pty_open(&term));
    pty_raw(&con);
    pid = attach(con.path, term.slave, term.slave, err[1]);
    CU_ASSERT_FATAL(pid > 0);
    close(err[1]);
    CU_ASSERT(get(err[0], buf, sizeof(buf)) > 0);
    for ( i = 0; i < 500; i++ )
    {
        tcgetattr(term.slave, &t);
        if ( !(t.c_lflag & ICANON) )
            break;
        usleep(10000);
    }
    kill(pid, SIGTERM);
    CU_ASSERT_EQUAL(reap(pid), VMCTL_OK);
    CU_ASSERT_FATAL(!tcgetattr(term.slave, &t));
    CU_ASSERT(t.c_lflag & ICANON);
    close(err[0]);
    pty_close(&con);
    pty_close(&term);
}

int main(void)
{
    CU_pSuite s;
    unsigned int failures;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    s = CU_add_suite("vmctl console", NULL, NULL);
    CU_add_test(s, "no console", test_no_console);
    CU_add_test(s, "round trip and Ctrl-]", test_round_trip_and_escape);
    CU_add_test(s, "the console goes away", test_hangup);
    CU_add_test(s, "end of input", test_end_of_input);
    CU_add_test(s, "terminal mode", test_terminal_mode);
    CU_add_test(s, "a signal restores the terminal", test_signal_restores);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}
