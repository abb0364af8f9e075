/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmstored as a process: started on a socket in a temporary folder, driven
 * over the socket by hand (including malformed messages), then by
 * Debian's own xenstore clients (package xenstore-utils) if installed,
 * and stopped with SIGTERM.  Reads top_builddir to find the daemon.
 */
#include <CUnit/Basic.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <public/io/xs_wire.h>

static char dir[64], sock_path[96], daemon_path[4096];
static pid_t daemon_pid = -1;

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

static int dial(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    strcpy(addr.sun_path, sock_path);
    if ( fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof(addr)) )
    {
        close(fd);
        fd = -1;
    }
    return fd;
}

static int start_daemon(void)
{
    const char *top = getenv("top_builddir");
    int i, fd;

    snprintf(daemon_path, sizeof(daemon_path),
             "%s/dom0-tools/vmstored/vmstored", top ? top : ".");
    strcpy(dir, "/tmp/vmstored-e2e.XXXXXX");
    if ( !mkdtemp(dir) )
        return -1;
    snprintf(sock_path, sizeof(sock_path), "%s/socket", dir);
    daemon_pid = fork();
    if ( daemon_pid == 0 )
    {
        execl(daemon_path, daemon_path, "--no-xen", "--foreground",
              "--socket", sock_path, (char *)NULL);
        fprintf(stderr, "cannot run %s: %s\n", daemon_path, strerror(errno));
        _exit(127);
    }
    /* Ready once the socket answers; TCG machines are slow. */
    for ( i = 0; i < 100; i++ )
    {
        fd = dial();
        if ( fd >= 0 )
        {
            close(fd);
            return 0;
        }
        sleep_ms(50);
    }
    return -1;
}

static int stop_daemon(void)
{
    int status = -1, i;

    if ( daemon_pid <= 0 )
        return -1;
    kill(daemon_pid, SIGTERM);
    for ( i = 0; i < 100; i++ )
    {
        if ( waitpid(daemon_pid, &status, WNOHANG) == daemon_pid )
            break;
        sleep_ms(50);
    }
    if ( i == 100 )
    {
        kill(daemon_pid, SIGKILL);
        waitpid(daemon_pid, &status, 0);
    }
    daemon_pid = -1;
    return status;
}

/* --- raw protocol over the socket --------------------------------------- */

static int send_msg(int fd, uint32_t type, uint32_t req_id, uint32_t tx,
                    const void *body, size_t len)
{
    struct xsd_sockmsg hdr = {
        .type = type, .req_id = req_id, .tx_id = tx, .len = len,
    };

    if ( write(fd, &hdr, sizeof(hdr)) != sizeof(hdr) )
        return -1;
    return len && write(fd, body, len) != (ssize_t)len ? -1 : 0;
}

static int read_full(int fd, void *buf, size_t len)
{
    size_t got = 0;

    while ( got < len )
    {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        ssize_t n;

        if ( poll(&p, 1, 5000) <= 0 )
            return -1;
        n = read(fd, (char *)buf + got, len - got);
        if ( n <= 0 )
            return -1;
        got += n;
    }
    return 0;
}

/* The next message as "TYPE:body" with NULs as '|'; NULL at EOF. */
static char *recv_msg(int fd, struct xsd_sockmsg *hdr)
{
    char body[XENSTORE_PAYLOAD_MAX + 1], *s;
    uint32_t i;

    if ( read_full(fd, hdr, sizeof(*hdr)) || hdr->len > XENSTORE_PAYLOAD_MAX ||
         read_full(fd, body, hdr->len) )
        return NULL;
    for ( i = 0; i < hdr->len; i++ )
        if ( !body[i] )
            body[i] = '|';
    body[hdr->len] = '\0';
    s = malloc(hdr->len + 16);
    snprintf(s, hdr->len + 16, "%s%s", hdr->type == XS_ERROR ? "!" : "",
             body);
    return s;
}

/* Send and wait for the reply to it, skipping watch events. */
static char *call(int fd, uint32_t type, uint32_t tx, const void *body,
                  size_t len)
{
    static uint32_t id = 1;
    struct xsd_sockmsg hdr;
    uint32_t me = id++;
    char *s;

    if ( send_msg(fd, type, me, tx, body, len) )
        return strdup("(send failed)");
    while ( (s = recv_msg(fd, &hdr)) )
    {
        if ( hdr.type != XS_WATCH_EVENT && hdr.req_id == me )
            return s;
        free(s);
    }
    return strdup("(closed)");
}

#define CALL_EXPECT(want, fd, type, tx, body, len)                          \
    do {                                                                    \
        char *got_ = call((fd), (type), (tx), (body), (len));               \
        CU_ASSERT_STRING_EQUAL(got_, (want));                               \
        if ( strcmp(got_, (want)) )                                         \
            fprintf(stderr, "\n  %s:%d: got '%s', want '%s'\n",             \
                    __FILE__, __LINE__, got_, (want));                      \
        free(got_);                                                         \
    } while ( 0 )

static void test_socket(void)
{
    struct stat st;
    int a = dial(), b = dial();

    CU_ASSERT_FATAL(a >= 0 && b >= 0);
    CU_ASSERT(stat(sock_path, &st) == 0 && (st.st_mode & 0777) == 0600);
    CALL_EXPECT("OK|", a, XS_WRITE, 0, "/e2e/a\0one", 10);
    CALL_EXPECT("one", b, XS_READ, 0, "/e2e/a", 7);
    CALL_EXPECT("Domain-0", a, XS_READ, 0, "/local/domain/0/name", 21);
    CALL_EXPECT("!ENOENT|", a, XS_READ, 0, "/e2e/none", 10);
    CALL_EXPECT("!ENOSYS|", a, 999, 0, "", 0);
    close(a);
    close(b);
}

static void test_socket_watch(void)
{
    struct xsd_sockmsg hdr;
    int a = dial(), b = dial();
    char *s;

    CU_ASSERT_FATAL(a >= 0 && b >= 0);
    CALL_EXPECT("OK|", a, XS_WATCH, 0, "/e2e/w\0tok", 11);
    s = recv_msg(a, &hdr);
    CU_ASSERT(s && hdr.type == XS_WATCH_EVENT && !strcmp(s, "/e2e/w|tok|"));
    free(s);
    CALL_EXPECT("OK|", b, XS_WRITE, 0, "/e2e/w/x\0v", 10);
    s = recv_msg(a, &hdr);
    CU_ASSERT(s && hdr.type == XS_WATCH_EVENT &&
              !strcmp(s, "/e2e/w/x|tok|"));
    free(s);
    close(a);
    close(b);
}

static void test_socket_transactions(void)
{
    int a = dial(), b = dial();
    char *t;

    CU_ASSERT_FATAL(a >= 0 && b >= 0);
    t = call(a, XS_TRANSACTION_START, 0, "", 1);
    CU_ASSERT(t[0] >= '1' && t[0] <= '9');
    CALL_EXPECT("one", a, XS_READ, atoi(t), "/e2e/a", 7);
    CALL_EXPECT("OK|", b, XS_WRITE, 0, "/e2e/a\0two", 10);
    CALL_EXPECT("OK|", a, XS_WRITE, atoi(t), "/e2e/a\0three", 12);
    CALL_EXPECT("!EAGAIN|", a, XS_TRANSACTION_END, atoi(t), "T", 2);
    CALL_EXPECT("two", b, XS_READ, 0, "/e2e/a", 7);
    free(t);
    /* A client that goes away takes its transaction with it. */
    t = call(b, XS_TRANSACTION_START, 0, "", 1);
    close(b);
    free(t);
    CALL_EXPECT("two", a, XS_READ, 0, "/e2e/a", 7);
    close(a);
}

static void test_socket_malformed(void)
{
    struct xsd_sockmsg hdr = { .type = XS_READ, .len = 5000 };
    char c;
    int bad = dial(), half = dial(), good = dial();

    CU_ASSERT_FATAL(bad >= 0 && half >= 0 && good >= 0);
    /* Too long: the daemon hangs up on that client only. */
    CU_ASSERT(write(bad, &hdr, sizeof(hdr)) == sizeof(hdr));
    CU_ASSERT_EQUAL(read_full(bad, &c, 1), -1);
    /* Half a header, then gone. */
    CU_ASSERT(write(half, &hdr, 7) == 7);
    close(half);
    /* Missing NUL, unknown type. */
    CALL_EXPECT("!EINVAL|", good, XS_READ, 0, "/e2e/a", 6);
    CALL_EXPECT("!ENOSYS|", good, XS_WATCH_EVENT, 0, "x", 2);
    CALL_EXPECT("two", good, XS_READ, 0, "/e2e/a", 7);
    close(bad);
    close(good);
}

/* --- Debian's clients --------------------------------------------------- */

static int have_clients(void)
{
    const char *path = getenv("PATH");
    char *copy, *p, file[4096];
    int found = 0;

    if ( !path )
        return 0;
    copy = strdup(path);
    for ( p = strtok(copy, ":"); p && !found; p = strtok(NULL, ":") )
    {
        snprintf(file, sizeof(file), "%s/xenstore-read", p);
        found = access(file, X_OK) == 0;
    }
    free(copy);
    return found;
}

/* Run a client with XENSTORED_PATH set; its exit status, stdout in out. */
static int run(char *out, size_t size, const char *const *argv)
{
    int pipefd[2], status = -1;
    size_t got = 0;
    pid_t pid;

    if ( pipe(pipefd) )
        return -1;
    pid = fork();
    if ( pid == 0 )
    {
        int null = open("/dev/null", O_WRONLY);

        dup2(pipefd[1], 1);
        /* Clients report expected failures on stderr: keep logs clean. */
        if ( null >= 0 )
            dup2(null, 2);
        close(pipefd[0]);
        close(pipefd[1]);
        setenv("XENSTORED_PATH", sock_path, 1);
        alarm(10);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(pipefd[1]);
    for ( ;; )
    {
        ssize_t n = read(pipefd[0], out + got, size - 1 - got);

        if ( n <= 0 )
            break;
        got += n;
    }
    out[got] = '\0';
    close(pipefd[0]);
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define RUN(out, ...)                                                       \
    run((out), sizeof(out), (const char *const[]){ __VA_ARGS__, NULL })

static void test_debian_clients(void)
{
    char out[4096];
    int rc;

    if ( !have_clients() )
    {
        printf("skipped: Debian's xenstore-utils is not installed ");
        return;
    }
    CU_ASSERT_EQUAL(RUN(out, "xenstore-write", "/deb/x", "hello",
                        "/deb/y", "world"), 0);
    CU_ASSERT_EQUAL(RUN(out, "xenstore-read", "/deb/x"), 0);
    CU_ASSERT_STRING_EQUAL(out, "hello\n");
    CU_ASSERT_EQUAL(RUN(out, "xenstore-exists", "/deb/y"), 0);
    CU_ASSERT_NOT_EQUAL(RUN(out, "xenstore-exists", "/deb/nothing"), 0);
    CU_ASSERT_NOT_EQUAL(RUN(out, "xenstore-read", "/deb/nothing"), 0);
    CU_ASSERT_EQUAL(RUN(out, "xenstore-list", "/deb"), 0);
    CU_ASSERT_STRING_EQUAL(out, "x\ny\n");
    CU_ASSERT_EQUAL(RUN(out, "xenstore-chmod", "/deb/x", "n0", "r5"), 0);
    CU_ASSERT_EQUAL(RUN(out, "xenstore-ls", "-p", "/deb"), 0);
    CU_ASSERT(strstr(out, "x = \"hello\"") && strstr(out, "(n0,r5)"));
    CU_ASSERT_EQUAL(RUN(out, "xenstore-ls", "/local/domain/0"), 0);
    CU_ASSERT(strstr(out, "name = \"Domain-0\"") != NULL);
    CU_ASSERT_EQUAL(RUN(out, "xenstore-rm", "/deb"), 0);
    CU_ASSERT_NOT_EQUAL(RUN(out, "xenstore-exists", "/deb/x"), 0);
    /* Two events: the first at once, then the write's. */
    {
        int pipefd[2];
        pid_t pid;
        size_t got = 0;
        int status;

        CU_ASSERT_FATAL(pipe(pipefd) == 0);
        pid = fork();
        if ( pid == 0 )
        {
            dup2(pipefd[1], 1);
            close(pipefd[0]);
            close(pipefd[1]);
            setenv("XENSTORED_PATH", sock_path, 1);
            alarm(10);
            execlp("xenstore-watch", "xenstore-watch", "-n", "2", "/deb/w",
                   (char *)NULL);
            _exit(127);
        }
        close(pipefd[1]);
        sleep_ms(300);
        rc = RUN(out, "xenstore-write", "/deb/w/z", "1");
        CU_ASSERT_EQUAL(rc, 0);
        for ( ;; )
        {
            ssize_t n = read(pipefd[0], out + got, sizeof(out) - 1 - got);

            if ( n <= 0 )
                break;
            got += n;
        }
        out[got] = '\0';
        close(pipefd[0]);
        waitpid(pid, &status, 0);
        CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        CU_ASSERT_STRING_EQUAL(out, "/deb/w\n/deb/w/z\n");
    }
}

static void test_stop(void)
{
    int status = stop_daemon();

    CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    /* It cleans up after itself. */
    CU_ASSERT(access(sock_path, F_OK) != 0);
    rmdir(dir);
}

int main(void)
{
    CU_pSuite s;
    unsigned int failed;

    signal(SIGPIPE, SIG_IGN);
    if ( start_daemon() )
    {
        fprintf(stderr, "vmstored did not come up on %s\n", sock_path);
        stop_daemon();
        return 1;
    }
    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    s = CU_add_suite("vmstored over its socket", NULL, NULL);
    CU_add_test(s, "requests", test_socket);
    CU_add_test(s, "watch", test_socket_watch);
    CU_add_test(s, "transactions", test_socket_transactions);
    CU_add_test(s, "malformed", test_socket_malformed);
    CU_add_test(s, "Debian's xenstore clients", test_debian_clients);
    CU_add_test(s, "stop", test_stop);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    if ( daemon_pid > 0 )
        stop_daemon();
    return failed ? 1 : 0;
}
