/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmconsoled end to end in one process, over its real transports: libctl
 * (on libctl's fake hypervisor) and the xenstore client (on vmstored's
 * engine, serving a socket from a thread).  The test plays the toolstack
 * and the guest, and attaches `vmctl console`'s client in a child.
 */
#include <CUnit/Basic.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake/fake.h"
#include "xenctrl.h"
#include "xenstore.h"

#include "console-attach.h"
#include "daemon.h"
#include "msg.h"
#include "vmctl.h"

#include "server.h"
#include "sock.h"
#include "vmstored.h"

static struct fake_hv *fhv;
static xc_interface *xch;
static struct xs_handle *xs;
static char tmpdir[256], sock_path[300];
static struct vms vms;
static volatile sig_atomic_t stop_server;
static pthread_t server;
static int listen_fd = -1;
static struct consd c;
static struct consd_hv *hv;
static struct consd_store *st;

static void *serve(void *arg)
{
    (void)arg;
    server_run(&vms, &listen_fd, 1, &stop_server);
    return NULL;
}

static int init_suite(void)
{
    struct fake_config cfg = { .nr_frames = 4096, .nr_cpus = 2 };
    const char *t = getenv("TMPDIR");

    snprintf(tmpdir, sizeof(tmpdir), "%s/test-consoled-e2e.XXXXXX",
             t ? t : "/tmp");
    if ( !mkdtemp(tmpdir) )
        return -1;
    snprintf(sock_path, sizeof(sock_path), "%s/socket", tmpdir);
    setenv("XENSTORED_PATH", sock_path, 1);
    fhv = fake_hv_create(&cfg);
    if ( !fhv || vms_init(&vms, NULL) )
        return -1;
    listen_fd = sock_listen(sock_path);
    if ( listen_fd < 0 || pthread_create(&server, NULL, serve, NULL) )
        return -1;
    xch = xc_interface_open(NULL, NULL, 0);
    xs = xs_open(0);
    return xch && xs ? 0 : -1;
}

static int clean_suite(void)
{
    struct xs_handle *wake;
    char cmd[400];

    xs_close(xs);
    xc_interface_close(xch);
    /* The server notices the flag once a client wakes it. */
    stop_server = 1;
    wake = xs_open(0);
    xs_close(wake);
    pthread_join(server, NULL);
    close(listen_fd);
    vms_fini(&vms);
    fake_hv_destroy(fhv);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) ? -1 : 0;
}

static void put(const char *fmt, uint32_t domid, const char *value)
{
    char path[128];

    snprintf(path, sizeof(path), fmt, domid);
    CU_ASSERT_TRUE(xs_write(xs, XBT_NULL, path, value,
                            (unsigned int)strlen(value)));
}

static char *get(const char *fmt, uint32_t domid)
{
    char path[128];

    snprintf(path, sizeof(path), fmt, domid);
    return xs_read(xs, XBT_NULL, path, NULL);
}

/* What vmctl create would leave: a domain with a console page and port. */
static uint32_t make_guest(const char *name, uint64_t *mfn, int *port)
{
    struct xen_domctl_createdomain cd;
    xen_pfn_t pfn = 0;
    uint32_t domid = 0;
    char num[32];

    memset(&cd, 0, sizeof(cd));
    cd.max_vcpus = 1;
    cd.max_evtchn_port = 1023;
    cd.max_grant_frames = -1;
    cd.max_maptrack_frames = -1;
    cd.grant_opts = XEN_DOMCTL_GRANT_version(1);
    CU_ASSERT_EQUAL_FATAL(xc_domain_create(xch, &domid, &cd), 0);
    CU_ASSERT_EQUAL(xc_domain_setmaxmem(xch, domid, 64), 0);
    CU_ASSERT_EQUAL_FATAL(xc_domain_populate_physmap_exact(xch, domid, 1, 0,
                                                           0, &pfn), 0);
    *mfn = pfn;
    *port = xc_evtchn_alloc_unbound(xch, domid, 0);
    CU_ASSERT_FATAL(*port > 0);
    memset(fake_frame_ptr(fhv, *mfn), 0, 4096);
    put("/local/domain/%u/name", domid, name);
    snprintf(num, sizeof(num), "%llu", (unsigned long long)*mfn);
    put("/local/domain/%u/console/ring-ref", domid, num);
    snprintf(num, sizeof(num), "%d", *port);
    put("/local/domain/%u/console/port", domid, num);
    put("/local/domain/%u/console/type", domid, "xenconsoled");
    return domid;
}

static void guest_print(uint32_t domid, int port,
                        struct xencons_interface *r, const char *s)
{
    for ( ; *s; s++ )
        r->out[MASK_XENCONS_IDX(r->out_prod++, r->out)] = *s;
    CU_ASSERT_EQUAL(fake_guest_notify(fhv, domid, (uint32_t)port), 0);
}

/* Patience on a loaded machine: ten seconds in 10 ms steps. */
#define TRIES 1000

/* Run the daemon until cond holds. */
static bool run_until(bool (*cond)(uint32_t), uint32_t domid)
{
    unsigned int i;

    for ( i = 0; i < TRIES && !cond(domid); i++ )
        CU_ASSERT_EQUAL_FATAL(consd_step(&c, 10, NULL), 0);
    return cond(domid);
}

static bool has_tty(uint32_t domid)
{
    char *tty = get("/local/domain/%u/console/tty", domid);

    free(tty);
    return tty != NULL;
}

static char log_text[4096];

static bool log_has_hello(uint32_t domid)
{
    char path[400];
    ssize_t n = 0;
    int fd;

    (void)domid;
    snprintf(path, sizeof(path), "%s/logs/console-web.log", tmpdir);
    fd = open(path, O_RDONLY);
    if ( fd >= 0 )
    {
        n = read(fd, log_text, sizeof(log_text) - 1);
        close(fd);
    }
    log_text[n > 0 ? n : 0] = '\0';
    return strstr(log_text, "hello from the guest\r\n") != NULL;
}

static struct xencons_interface *ring;

static bool typed_ls(uint32_t domid)
{
    (void)domid;
    return ring->in_prod == 3 && !memcmp(ring->in, "ls\r", 3);
}

static bool forgotten(uint32_t domid)
{
    return !consd_find(&c, domid);
}

/* `vmctl console web` in a child, on pipes instead of a terminal. */
static pid_t attach(uint32_t domid, int in, int out)
{
    struct xs_handle *own;
    pid_t pid = fork();
    int rc;

    if ( pid )
        return pid;
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    own = xs_open(0);
    rc = own ? console_attach_domain(own, domid, "web") : 9;
    xs_close(own);
    _exit(rc);
}

static void test_end_to_end(void)
{
    char dir[300], buf[4096];
    unsigned int maps, i;
    int port, in[2], out[2], status;
    size_t got = 0;
    uint32_t domid;
    uint64_t mfn;
    ssize_t n;
    pid_t pid;

    snprintf(dir, sizeof(dir), "%s/logs", tmpdir);
    hv = consd_hv_libctl_open();
    st = consd_store_libctl_open();
    CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st);
    CU_ASSERT_EQUAL_FATAL(mkdir(dir, 0750), 0);
    CU_ASSERT_EQUAL_FATAL(consd_init(&c, hv, st, dir), 0);
    maps = fake_nr_mappings(fhv);

    /* The domain appears: its console is served. */
    domid = make_guest("web", &mfn, &port);
    ring = fake_frame_ptr(fhv, mfn);
    CU_ASSERT_TRUE_FATAL(run_until(has_tty, domid));
    CU_ASSERT_EQUAL(fake_nr_mappings(fhv), maps + 1);
    CU_ASSERT_EQUAL(fake_domain(fhv, domid)->ports[port].state,
                    EVTCHNSTAT_interdomain);

    /* Its output reaches the log. */
    guest_print(domid, port, ring, "hello from the guest\r\n");
    CU_ASSERT_TRUE(run_until(log_has_hello, domid));
    CU_ASSERT_EQUAL(ring->out_cons, ring->out_prod);
    CU_ASSERT_TRUE(fake_domain(fhv, domid)->ports[port].pending);

    /* vmctl console: output both ways, then Ctrl-]. */
    CU_ASSERT_FATAL(!pipe(in) && !pipe(out));
    pid = attach(domid, in[0], out[1]);
    CU_ASSERT_FATAL(pid > 0);
    close(in[0]);
    close(out[1]);
    guest_print(domid, port, ring, "login: ");
    buf[0] = '\0';
    for ( i = 0; i < TRIES && !strstr(buf, "login: "); i++ )
    {
        struct pollfd p = { .fd = out[0], .events = POLLIN };

        consd_step(&c, 10, NULL);
        if ( poll(&p, 1, 0) == 1 && (n = read(out[0], buf + got,
                                              sizeof(buf) - 1 - got)) > 0 )
            got += (size_t)n;
        buf[got] = '\0';
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "login: "));
    CU_ASSERT_EQUAL(write(in[1], "ls\r\x1d", 4), 4);
    CU_ASSERT_TRUE(run_until(typed_ls, domid));
    for ( i = 0; i < TRIES && waitpid(pid, &status, WNOHANG) != pid; i++ )
        consd_step(&c, 10, NULL);
    CU_ASSERT_TRUE(i < TRIES && WIFEXITED(status) &&
                   WEXITSTATUS(status) == VMCTL_OK);
    close(in[1]);
    close(out[0]);

    /* A domain without a console: a clear refusal. */
    CU_ASSERT_EQUAL(console_attach_domain(xs, 999, "ghost"), VMCTL_FAILED);

    /* The domain is destroyed: everything it held is let go. */
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    snprintf(dir, sizeof(dir), "/local/domain/%u", domid);
    CU_ASSERT_TRUE(xs_rm(xs, XBT_NULL, dir));
    CU_ASSERT_TRUE(run_until(forgotten, domid));
    CU_ASSERT_EQUAL(fake_nr_mappings(fhv), maps);

    consd_fini(&c);
    st->ops->close(st);
    hv->ops->close(hv);
}

int main(void)
{
    CU_pSuite s;
    unsigned int failures;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    s = CU_add_suite("vmconsoled end to end", init_suite, clean_suite);
    CU_add_test(s, "libctl, xenstore, vmctl console", test_end_to_end);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures() +
               CU_get_number_of_suites_failed();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}
