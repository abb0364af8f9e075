/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl's operations end to end in one process: libctl over the fake
 * hypervisor, and vmstored's engine serving xenstore on a socket in a
 * thread, its guest rings in the fake's memory.  create, list, info,
 * pause, pin, credit, mem-max, dmesg, shutdown and destroy are checked
 * for what they do to the domain and to xenstore; the keeper for its
 * console (ring to log and pty, pty to ring) and lifecycle actions.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CUnit/Basic.h>

#include "fake/fake.h"
#include "ops.h"
#include "ops-libctl.h"
#include "vmctl.h"

#include "server.h"
#include "sock.h"
#include "vmstored.h"
#include "xenif.h"

static struct fake_hv *hv;
static char tmpdir[256], sock_path[300];
static struct vms vms;
static volatile sig_atomic_t stop_server;
static pthread_t server;
static int wake_fd = -1, listen_fd = -1;
static unsigned int nr_spawned;

/* vmstored's view of the hypervisor: rings in the fake's memory. */
static void *tx_map_ring(struct xenif *xi, unsigned int domid, uint64_t gfn)
{
    void *p = fake_frame_ptr(hv, gfn);

    (void)xi, (void)domid;
    if ( !p )
        errno = EINVAL;
    return p;
}

static void tx_unmap_ring(struct xenif *xi, unsigned int domid, void *ring)
{
    (void)xi, (void)domid, (void)ring;
}

static int tx_bind(struct xenif *xi, unsigned int domid, unsigned int port)
{
    (void)xi, (void)port;
    return 100 + (int)domid;
}

static void tx_unbind(struct xenif *xi, int port)
{
    (void)xi, (void)port;
}

static int tx_notify(struct xenif *xi, int port)
{
    (void)xi, (void)port;
    return 0;
}

static int tx_fd(struct xenif *xi)
{
    (void)xi;
    return wake_fd;
}

static int tx_pending(struct xenif *xi)
{
    uint64_t n;

    (void)xi;
    if ( read(wake_fd, &n, sizeof(n)) < 0 && errno != EAGAIN )
        return -errno;
    return -EAGAIN;
}

static int tx_none(struct xenif *xi)
{
    (void)xi;
    return -ENOSYS;
}

static int tx_state(struct xenif *xi, unsigned int domid)
{
    (void)xi, (void)domid;
    return XENIF_DOM_RUNNING;
}

static void tx_close(struct xenif *xi)
{
    (void)xi;
}

static const struct xenif_ops tx_ops = {
    .map_ring = tx_map_ring, .unmap_ring = tx_unmap_ring,
    .bind = tx_bind, .unbind = tx_unbind, .notify = tx_notify,
    .fd = tx_fd, .pending = tx_pending, .bind_dom_exc = tx_none,
    .domain_state = tx_state, .dom0_port = tx_none, .close = tx_close,
};
static struct xenif tx = { .ops = &tx_ops };

static void *serve(void *arg)
{
    (void)arg;
    server_run(&vms, &listen_fd, 1, &stop_server);
    return NULL;
}

/* The keeper runs in the test, never forked. */
static bool spawned_serving;

static int no_spawn(struct ops_ctx *o, const struct domain_config *cfg,
                    const struct built_domain *bd, bool serve_console)
{
    (void)o, (void)cfg, (void)bd;
    nr_spawned++;
    spawned_serving = serve_console;
    return VMCTL_OK;
}

static int init_suite(void)
{
    struct fake_config cfg = { .nr_frames = 40960, .nr_cpus = 4 };
    const char *t = getenv("TMPDIR");

    snprintf(tmpdir, sizeof(tmpdir), "%s/test-vmctl-ops.XXXXXX",
             t ? t : "/tmp");
    if ( !mkdtemp(tmpdir) )
        return -1;
    snprintf(sock_path, sizeof(sock_path), "%s/socket", tmpdir);
    setenv("XENSTORED_PATH", sock_path, 1);
    setenv("VMCTL_LOG_DIR", tmpdir, 1);
    hv = fake_hv_create(&cfg);
    wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if ( !hv || wake_fd < 0 || vms_init(&vms, &tx) )
        return -1;
    listen_fd = sock_listen(sock_path);
    if ( listen_fd < 0 || pthread_create(&server, NULL, serve, NULL) )
        return -1;
    ops_spawn_keeper = no_spawn;
    return 0;
}

static int clean_suite(void)
{
    uint64_t one = 1;
    char cmd[400];

    stop_server = 1;
    if ( write(wake_fd, &one, sizeof(one)) == sizeof(one) )
        pthread_join(server, NULL);
    close(listen_fd);
    vms_fini(&vms);
    fake_hv_destroy(hv);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) ? -1 : 0;
}

/* What an operation printed on standard output. */
static char captured[65536];
static int saved_stdout = -1;
static FILE *capture_file;

static void capture_begin(void)
{
    fflush(stdout);
    capture_file = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(capture_file);
    saved_stdout = dup(STDOUT_FILENO);
    dup2(fileno(capture_file), STDOUT_FILENO);
}

static const char *capture_end(void)
{
    size_t n;

    fflush(stdout);
    dup2(saved_stdout, STDOUT_FILENO);
    close(saved_stdout);
    rewind(capture_file);
    n = fread(captured, 1, sizeof(captured) - 1, capture_file);
    captured[n] = '\0';
    fclose(capture_file);
    return captured;
}

static struct domain_config *config(const char *name, const char *kernel,
                                    const char *extra)
{
    struct domain_config *cfg = NULL;
    char xml[2048], err[DOMCFG_ERR_MAX];
    int n;

    n = snprintf(xml, sizeof(xml),
                 "<domain type='xen'><name>%s</name>"
                 "<memory unit='MiB'>64</memory><vcpu>2</vcpu>"
                 "<os><type>linux</type><kernel>%s</kernel>"
                 "<cmdline>console=hvc0</cmdline></os>%s"
                 "<devices><console type='pty'/></devices></domain>",
                 name, kernel, extra);
    if ( domcfg_load_buffer(xml, (size_t)n, "test.xml", &cfg, err,
                            sizeof(err)) ||
         domcfg_fill_random(cfg, NULL, err, sizeof(err)) )
        fprintf(stderr, "\n  config: %s\n", err);
    return cfg;
}

static const char *guest_kernel(void)
{
    static char path[512];
    const char *top = getenv("top_builddir");

    snprintf(path, sizeof(path), "%s/tests/guests/hello.elf",
             top ? top : ".");
    return access(path, R_OK) ? NULL : path;
}

/* A fresh context, as an operation opens one. */
static void ctx(struct ops_ctx *o)
{
    CU_ASSERT_EQUAL_FATAL(ops_open(o, "test", true), VMCTL_OK);
}

static char *xs_get(struct ops_ctx *o, const char *fmt, uint32_t domid)
{
    char path[128];

    snprintf(path, sizeof(path), fmt, domid);
    return xs_read(o->xs, XBT_NULL, path, NULL);
}

static bool xs_has(struct ops_ctx *o, const char *fmt, uint32_t domid)
{
    char *v = xs_get(o, fmt, domid);

    free(v);
    return v != NULL;
}

static void expect_xs(struct ops_ctx *o, const char *fmt, uint32_t domid,
                      const char *want)
{
    char *v = xs_get(o, fmt, domid);

    CU_ASSERT_PTR_NOT_NULL(v);
    if ( v )
    {
        if ( strcmp(v, want) )
            fprintf(stderr, "\n  %s: '%s', want '%s'\n", fmt, v, want);
        CU_ASSERT_STRING_EQUAL(v, want);
    }
    free(v);
}

static uint32_t domid_of(const char *name)
{
    struct ops_ctx o;
    uint32_t domid = 0;

    ctx(&o);
    CU_ASSERT_EQUAL(ops_resolve_quiet(&o, name, &domid), 0);
    ops_close(&o);
    return domid;
}

static void test_create(void)
{
    const char *kernel = guest_kernel();
    struct domain_config *cfg;
    struct fake_domain *d;
    struct ops_ctx o;
    uint32_t domid;
    char num[32];

    if ( !kernel )
    {
        fprintf(stderr, "\n  SKIP: tests/guests/hello.elf not built\n");
        return;
    }
    cfg = config("guest1", kernel, "");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_create(cfg, false, false), VMCTL_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(capture_end(), "guest1: domain "));
    CU_ASSERT_EQUAL(nr_spawned, 1);
    CU_ASSERT_TRUE(spawned_serving);    /* no console daemon here */
    domid = domid_of("guest1");
    CU_ASSERT_NOT_EQUAL_FATAL(domid, 0);
    d = fake_domain(hv, domid);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(d->pause_count, 0);
    CU_ASSERT_TRUE(d->vcpus[0].online);
    CU_ASSERT_EQUAL(d->config.max_vcpus, 2);
    CU_ASSERT_EQUAL(d->tot_pages, 64 * 256);

    ctx(&o);
    snprintf(num, sizeof(num), "%u", domid);
    expect_xs(&o, "/local/domain/%u/name", domid, "guest1");
    expect_xs(&o, "/local/domain/%u/domid", domid, num);
    expect_xs(&o, "/local/domain/%u/memory/target", domid, "65536");
    expect_xs(&o, "/local/domain/%u/memory/static-max", domid, "65536");
    expect_xs(&o, "/local/domain/%u/cpu/1/availability", domid, "online");
    expect_xs(&o, "/local/domain/%u/control/shutdown", domid, "");
    expect_xs(&o, "/local/domain/%u/console/type", domid, "xenconsoled");
    CU_ASSERT_TRUE(xs_has(&o, "/local/domain/%u/console/ring-ref", domid));
    CU_ASSERT_TRUE(xs_has(&o, "/local/domain/%u/store/port", domid));
    CU_ASSERT_TRUE(xs_is_domain_introduced(o.xs, domid));
    ops_close(&o);

    /* The same name twice is refused, and changes nothing. */
    CU_ASSERT_EQUAL(vmctl_op_create(cfg, false, false), VMCTL_FAILED);
    CU_ASSERT_EQUAL(fake_nr_domains(hv), 2);
    domcfg_free(cfg);
}

static void test_create_refused(void)
{
    struct domain_config *cfg = config("broken", "/nonexistent/kernel", "");
    unsigned int n = 0;
    struct ops_ctx o;
    char **dirs;

    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    CU_ASSERT_EQUAL(vmctl_op_create(cfg, false, false), VMCTL_FAILED);
    CU_ASSERT_EQUAL(fake_nr_domains(hv), guest_kernel() ? 2 : 1);
    ctx(&o);
    dirs = xs_directory(o.xs, XBT_NULL, "/local/domain", &n);
    CU_ASSERT_EQUAL(n, guest_kernel() ? 2 : 1);
    free(dirs);
    ops_close(&o);
    domcfg_free(cfg);
}

static void test_list(void)
{
    const char *out;

    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_list(NULL, false), VMCTL_OK);
    out = capture_end();
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Name "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Domain-0 "));
    if ( guest_kernel() )
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "guest1 "));

    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_list(NULL, true), VMCTL_OK);
    out = capture_end();
    CU_ASSERT_EQUAL(out[0], '[');
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"name\": \"Domain-0\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"domid\": 0"));
    if ( guest_kernel() )
    {
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"name\": \"guest1\""));
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"memory_kib\": 65536"));
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"state\": \"running\""));
    }

    CU_ASSERT_EQUAL(vmctl_op_list("no-such-domain", false), VMCTL_FAILED);
    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_list("0", true), VMCTL_OK);
    out = capture_end();
    CU_ASSERT_PTR_NULL(strstr(out, "guest1"));
}

static void test_info_dmesg(void)
{
    const char *out;

    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_info(), VMCTL_OK);
    out = capture_end();
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "hypervisor      : 4.17.0-fake"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "cpus            : 4"));
    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_dmesg(true), VMCTL_OK);
    out = capture_end();
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "fake hypervisor 4.17 started"));
    CU_ASSERT_EQUAL(hv->console_len, 0);
}

static void test_tune(void)
{
    struct vmctl_cpulist cpus;
    struct fake_domain *d;
    uint32_t domid;
    const char *out;

    if ( !guest_kernel() )
        return;
    domid = domid_of("guest1");
    d = fake_domain(hv, domid);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);

    CU_ASSERT_EQUAL(vmctl_op_pause("guest1"), VMCTL_OK);
    CU_ASSERT_EQUAL(d->pause_count, 1);
    CU_ASSERT_EQUAL(vmctl_op_unpause("guest1"), VMCTL_OK);
    CU_ASSERT_EQUAL(d->pause_count, 0);
    CU_ASSERT_EQUAL(vmctl_op_unpause("guest1"), VMCTL_FAILED);

    CU_ASSERT_EQUAL(vmctl_cpulist_parse("1,3", &cpus), 0);
    CU_ASSERT_EQUAL(vmctl_op_vcpu_pin("guest1", -1, &cpus), VMCTL_OK);
    CU_ASSERT_EQUAL(d->vcpus[0].hard, 0x0a);
    CU_ASSERT_EQUAL(d->vcpus[1].hard, 0x0a);
    CU_ASSERT_EQUAL(vmctl_cpulist_parse("all", &cpus), 0);
    CU_ASSERT_EQUAL(vmctl_op_vcpu_pin("guest1", 1, &cpus), VMCTL_OK);
    CU_ASSERT_EQUAL(d->vcpus[1].hard, 0x0f);
    CU_ASSERT_EQUAL(vmctl_op_vcpu_pin("guest1", 5, &cpus), VMCTL_FAILED);

    CU_ASSERT_EQUAL(vmctl_op_sched_credit("guest1", 512, -1), VMCTL_OK);
    CU_ASSERT_EQUAL(vmctl_op_sched_credit("guest1", -1, 50), VMCTL_OK);
    CU_ASSERT_EQUAL(d->weight, 512);
    CU_ASSERT_EQUAL(d->cap, 50);
    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_sched_credit(NULL, -1, -1), VMCTL_OK);
    out = capture_end();
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Weight"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "512"));

    CU_ASSERT_EQUAL(vmctl_op_mem_max("guest1", 131072), VMCTL_OK);
    CU_ASSERT_EQUAL(d->max_pages, (131072 + XC_PV_MAXMEM_SLACK_KIB) / 4);
}

/* The guest's side of its console ring. */
static struct xencons_interface *guest_console(uint32_t domid)
{
    struct ops_ctx o;
    char *ref;
    void *ring;

    ctx(&o);
    ref = xs_get(&o, "/local/domain/%u/console/ring-ref", domid);
    ops_close(&o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
    ring = fake_frame_ptr(hv, strtoull(ref, NULL, 10));
    free(ref);
    return ring;
}

static void guest_print(uint32_t domid, struct xencons_interface *r,
                        const char *s)
{
    struct fake_domain *d = fake_domain(hv, domid);
    uint32_t port = 0, p;

    for ( ; *s; s++ )
        r->out[MASK_XENCONS_IDX(r->out_prod++, r->out)] = *s;
    for ( p = 1; p < FAKE_NR_PORTS; p++ )
        if ( d->ports[p].state == EVTCHNSTAT_interdomain )
            port = p;
    CU_ASSERT_NOT_EQUAL(port, 0);
    fake_guest_notify(hv, domid, port);
}

static struct built_domain built_of(uint32_t domid)
{
    struct built_domain bd;
    struct ops_ctx o;
    char *v;

    memset(&bd, 0, sizeof(bd));
    bd.domid = domid;
    ctx(&o);
    v = xs_get(&o, "/local/domain/%u/console/ring-ref", domid);
    bd.info.console_mfn = v ? strtoull(v, NULL, 10) : 0;
    free(v);
    v = xs_get(&o, "/local/domain/%u/console/port", domid);
    bd.info.console_evtchn = v ? (uint32_t)strtoul(v, NULL, 10) : 0;
    free(v);
    ops_close(&o);
    return bd;
}

static void test_keeper_console(void)
{
    struct domain_config *cfg;
    struct xencons_interface *r;
    struct built_domain bd;
    struct ops_ctx o;
    struct keeper k;
    char buf[256], logpath[512], *tty;
    ssize_t n;
    int fd;
    FILE *log;

    if ( !guest_kernel() )
        return;
    cfg = config("guest1", guest_kernel(), "");
    bd = built_of(domid_of("guest1"));
    ctx(&o);
    CU_ASSERT_EQUAL_FATAL(keeper_attach(&k, &o, cfg, &bd, true),
                          VMCTL_OK);
    tty = xs_get(&o, "/local/domain/%u/console/tty", bd.domid);
    CU_ASSERT_PTR_NOT_NULL_FATAL(tty);
    CU_ASSERT_STRING_EQUAL(tty, k.tty);
    fd = open(tty, O_RDWR | O_NOCTTY);
    CU_ASSERT_FATAL(fd >= 0);

    r = guest_console(bd.domid);
    guest_print(bd.domid, r, "Linux version 6.1\n");
    CU_ASSERT_EQUAL(keeper_step(&k, 100), KEEPER_RUNNING);
    CU_ASSERT_EQUAL(r->out_cons, r->out_prod);
    n = read(fd, buf, sizeof(buf) - 1);
    CU_ASSERT(n > 0);
    buf[n > 0 ? n : 0] = '\0';
    CU_ASSERT_STRING_EQUAL(buf, "Linux version 6.1\n");

    CU_ASSERT_EQUAL(write(fd, "ls\r", 3), 3);
    CU_ASSERT_EQUAL(keeper_step(&k, 100), KEEPER_RUNNING);
    CU_ASSERT_EQUAL(r->in_prod - r->in_cons, 3);
    CU_ASSERT_EQUAL(memcmp(r->in, "ls\r", 3), 0);
    CU_ASSERT_TRUE(fake_domain(hv, bd.domid)->ports[bd.info.console_evtchn]
                   .pending);

    keeper_detach(&k);
    close(fd);
    snprintf(logpath, sizeof(logpath), "%s/guest1.log", tmpdir);
    log = fopen(logpath, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(log);
    CU_ASSERT_PTR_NOT_NULL(fgets(buf, sizeof(buf), log));
    CU_ASSERT_STRING_EQUAL(buf, "Linux version 6.1\n");
    fclose(log);
    free(tty);
    ops_close(&o);
    domcfg_free(cfg);
}

/* The guest asked to power off: control/shutdown, then its own call. */
static void test_shutdown_and_actions(void)
{
    struct domain_config *cfg;
    struct built_domain bd;
    struct ops_ctx o;
    struct keeper k;
    uint32_t old, domid;

    if ( !guest_kernel() )
        return;
    cfg = config("guest1", guest_kernel(),
                 "<on_poweroff>destroy</on_poweroff>"
                 "<on_reboot>restart</on_reboot>");
    old = domid_of("guest1");
    CU_ASSERT_EQUAL(vmctl_op_shutdown("guest1", false), VMCTL_OK);
    ctx(&o);
    expect_xs(&o, "/local/domain/%u/control/shutdown", old, "poweroff");

    /* A reboot: the keeper builds it again, under a new id. */
    bd = built_of(old);
    CU_ASSERT_EQUAL_FATAL(keeper_attach(&k, &o, cfg, &bd, true),
                          VMCTL_OK);
    CU_ASSERT_EQUAL(xc_domain_shutdown(o.xch, old, SHUTDOWN_reboot), 0);
    CU_ASSERT_EQUAL(keeper_step(&k, 0), KEEPER_RUNNING);
    CU_ASSERT_PTR_NULL(fake_domain(hv, old));
    CU_ASSERT_FALSE(xs_has(&o, "/local/domain/%u/name", old));
    domid = domid_of("guest1");
    CU_ASSERT_NOT_EQUAL(domid, old);
    CU_ASSERT_EQUAL(k.domid, domid);
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->pause_count, 0);

    /* A power-off: destroyed, and forgotten in xenstore. */
    CU_ASSERT_EQUAL(xc_domain_shutdown(o.xch, domid, SHUTDOWN_poweroff), 0);
    CU_ASSERT_EQUAL(keeper_step(&k, 0), KEEPER_DONE);
    CU_ASSERT_PTR_NULL(fake_domain(hv, domid));
    CU_ASSERT_FALSE(xs_has(&o, "/local/domain/%u", domid));
    CU_ASSERT_EQUAL(fake_nr_mappings(hv), 0);
    keeper_detach(&k);
    ops_close(&o);
    domcfg_free(cfg);
}

static void test_destroy(void)
{
    struct domain_config *cfg;
    struct ops_ctx o;
    uint32_t domid;

    if ( !guest_kernel() )
        return;
    cfg = config("guest2", guest_kernel(), "");
    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_create(cfg, true, false), VMCTL_OK);
    capture_end();
    domid = domid_of("guest2");
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->pause_count, 1);
    CU_ASSERT_EQUAL(vmctl_op_destroy("guest2"), VMCTL_OK);
    CU_ASSERT_PTR_NULL(fake_domain(hv, domid));
    ctx(&o);
    CU_ASSERT_FALSE(xs_has(&o, "/local/domain/%u", domid));
    CU_ASSERT_FALSE(xs_is_domain_introduced(o.xs, domid));
    ops_close(&o);
    CU_ASSERT_EQUAL(vmctl_op_destroy("guest2"), VMCTL_FAILED);
    CU_ASSERT_EQUAL(vmctl_op_destroy("0"), VMCTL_FAILED);
    CU_ASSERT_EQUAL(fake_nr_domains(hv), 1);
    domcfg_free(cfg);
}

/* The client's watches and transactions, against vmstored's engine. */
static void test_xenstore_client(void)
{
    struct xs_handle *a = xs_open(0), *b = xs_open(0);
    unsigned int n = 0;
    xs_transaction_t t;
    char **ev, *v;

    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_TRUE(xs_write(a, XBT_NULL, "/test/x", "1", 1));
    CU_ASSERT_TRUE(xs_watch(a, "/test", "tok"));
    ev = xs_read_watch(a, &n);          /* fires once when set */
    CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_STRING_EQUAL(ev[XS_WATCH_PATH], "/test");
    CU_ASSERT_STRING_EQUAL(ev[XS_WATCH_TOKEN], "tok");
    free(ev);
    CU_ASSERT_TRUE(xs_write(b, XBT_NULL, "/test/y", "2", 1));
    /* A reply to another request may come after the event: it waits. */
    v = xs_read(a, XBT_NULL, "/test/y", &n);
    CU_ASSERT_PTR_NOT_NULL(v);
    free(v);
    ev = xs_read_watch(a, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
    CU_ASSERT_STRING_EQUAL(ev[XS_WATCH_PATH], "/test/y");
    free(ev);
    CU_ASSERT_TRUE(xs_unwatch(a, "/test", "tok"));

    /* Two writers of one node: the second to commit must retry. */
    t = xs_transaction_start(a);
    CU_ASSERT_NOT_EQUAL(t, XBT_NULL);
    v = xs_read(a, t, "/test/x", &n);
    free(v);
    CU_ASSERT_TRUE(xs_write(b, XBT_NULL, "/test/x", "3", 1));
    CU_ASSERT_TRUE(xs_write(a, t, "/test/x", "4", 1));
    CU_ASSERT_FALSE(xs_transaction_end(a, t, false));
    CU_ASSERT_EQUAL(errno, EAGAIN);

    CU_ASSERT_PTR_NULL(xs_read(a, XBT_NULL, "/test/none", &n));
    CU_ASSERT_EQUAL(errno, ENOENT);
    CU_ASSERT_TRUE(xs_rm(a, XBT_NULL, "/test"));
    v = xs_get_domain_path(a, 7);
    CU_ASSERT_STRING_EQUAL(v ? v : "", "/local/domain/7");
    free(v);
    xs_close(a);
    xs_close(b);
}

/* vmctl console over a pipe: guest output out, keys in, Ctrl-] ends. */
static void test_console_attach(void)
{
    struct domain_config *cfg;
    struct xencons_interface *r;
    struct built_domain bd;
    struct ops_ctx o;
    struct keeper k;
    int in[2], saved_stdin;

    if ( !guest_kernel() )
        return;
    cfg = config("guest2", guest_kernel(), "");
    capture_begin();
    CU_ASSERT_EQUAL_FATAL(vmctl_op_create(cfg, false, false), VMCTL_OK);
    capture_end();
    bd = built_of(domid_of("guest2"));
    ctx(&o);
    CU_ASSERT_EQUAL_FATAL(keeper_attach(&k, &o, cfg, &bd, true),
                          VMCTL_OK);
    r = guest_console(bd.domid);
    guest_print(bd.domid, r, "login: ");
    CU_ASSERT_EQUAL(keeper_step(&k, 100), KEEPER_RUNNING);

    CU_ASSERT_EQUAL_FATAL(pipe(in), 0);
    CU_ASSERT_EQUAL(write(in[1], "root\r\x1d", 6), 6);
    saved_stdin = dup(STDIN_FILENO);
    dup2(in[0], STDIN_FILENO);
    capture_begin();
    CU_ASSERT_EQUAL(vmctl_op_console("guest2"), VMCTL_OK);
    CU_ASSERT_STRING_EQUAL(capture_end(), "login: ");
    dup2(saved_stdin, STDIN_FILENO);
    close(saved_stdin);
    close(in[0]);
    close(in[1]);
    CU_ASSERT_EQUAL(keeper_step(&k, 100), KEEPER_RUNNING);
    CU_ASSERT_EQUAL(r->in_prod - r->in_cons, 5);
    CU_ASSERT_EQUAL(memcmp(r->in, "root\r", 5), 0);
    keeper_detach(&k);
    ops_close(&o);
    CU_ASSERT_EQUAL(vmctl_op_destroy("guest2"), VMCTL_OK);
    domcfg_free(cfg);
}

static CU_TestInfo tests[] = {
    { "create", test_create },
    { "create refused, nothing left", test_create_refused },
    { "list", test_list },
    { "info and dmesg", test_info_dmesg },
    { "pause, vcpu-pin, sched-credit, mem-max", test_tune },
    { "keeper: console", test_keeper_console },
    { "shutdown; keeper restarts, destroys", test_shutdown_and_actions },
    { "destroy", test_destroy },
    { "xenstore client", test_xenstore_client },
    { "console attach", test_console_attach },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "vmctl ops", init_suite, clean_suite, NULL, NULL, tests },
    CU_SUITE_INFO_NULL,
};

int main(void)
{
    unsigned int failed;

    signal(SIGPIPE, SIG_IGN);
    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    if ( CU_register_suites(suites) != CUE_SUCCESS )
        return 99;
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
