/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmconsoled's core over fake transports: the test plays the toolstack
 * (xenstore nodes, domains coming and going), the guests (their console
 * pages and event channels) and the user (the pty), and reads the logs.
 */
#include <CUnit/Basic.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "fake.h"
#include "msg.h"

static struct consd c;
static struct consd_hv *hv;
static struct consd_store *st;
static char dir[64];
static char msgs[8192];
static unsigned int nmsgs;

static void catch_msg(const char *m)
{
    size_t len = strlen(msgs);

    snprintf(msgs + len, sizeof(msgs) - len, "%s\n", m);
    nmsgs++;
}

/* Messages so far that contain s. */
static unsigned int said(const char *s)
{
    unsigned int n = 0;
    const char *p = msgs;

    while ( (p = strstr(p, s)) )
    {
        n++;
        p += strlen(s);
    }
    return n;
}

static void node(unsigned int domid, const char *rel, const char *value)
{
    char path[64];

    snprintf(path, sizeof(path), "/local/domain/%u%s%s", domid,
             *rel ? "/" : "", rel);
    consd_fake_store_set(st, path, value);
}

static const char *peek(unsigned int domid, const char *rel)
{
    char path[64];

    snprintf(path, sizeof(path), "/local/domain/%u/%s", domid, rel);
    return consd_fake_store_peek(st, path);
}

/* A domain as vmctl create leaves it: xenstore nodes, then introduced. */
static struct xencons_interface *guest(unsigned int domid, const char *name,
                                       const char *type)
{
    struct xencons_interface *r;
    char num[16];

    r = consd_fake_hv_add(hv, domid, 0x1000 + domid, 3);
    if ( name )
        node(domid, "name", name);
    snprintf(num, sizeof(num), "%u", 0x1000 + domid);
    node(domid, "console/ring-ref", num);
    node(domid, "console/port", "3");
    if ( type )
        node(domid, "console/type", type);
    consd_fake_store_fire(st, "@introduceDomain");
    return r;
}

static void guest_says(unsigned int domid, struct xencons_interface *r,
                       const char *s)
{
    size_t i, n = strlen(s);

    for ( i = 0; i < n; i++ )
        r->out[MASK_XENCONS_IDX(r->out_prod + i, r->out)] = s[i];
    r->out_prod += (XENCONS_RING_IDX)n;
    consd_fake_hv_kick(hv, domid);
}

/* Run the loop until it has nothing left to do. */
static void settle(void)
{
    unsigned int i;

    for ( i = 0; i < 64; i++ )
        CU_ASSERT_EQUAL_FATAL(consd_step(&c, 0, NULL), 0);
}

/* Typed input crosses the pty asynchronously: wait until it is there. */
static void wait_input(unsigned int domid)
{
    struct consd_dom *d = consd_find(&c, domid);
    struct pollfd p = { .events = POLLIN };

    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    p.fd = d->pty.master;
    CU_ASSERT_EQUAL(poll(&p, 1, 5000), 1);
    settle();
}

static void destroy(unsigned int domid)
{
    char path[64];

    consd_fake_hv_kill(hv, domid, false);
    snprintf(path, sizeof(path), "/local/domain/%u", domid);
    consd_fake_store_rm(st, path);
    consd_fake_store_fire(st, "@releaseDomain");
}

static char *slurp(const char *name)
{
    static char buf[16384];
    char path[128];
    ssize_t n;
    int fd;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    fd = open(path, O_RDONLY);
    if ( fd < 0 )
        return NULL;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    buf[n < 0 ? 0 : n] = '\0';
    return buf;
}

static int open_tty(unsigned int domid)
{
    const char *tty = peek(domid, "console/tty");

    return tty ? open(tty, O_RDWR | O_NOCTTY | O_NONBLOCK) : -1;
}

static ssize_t read_tty(int fd, char *buf, size_t len)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    ssize_t n;

    if ( poll(&p, 1, 5000) <= 0 )
        return -1;
    n = read(fd, buf, len - 1);
    buf[n < 0 ? 0 : n] = '\0';
    return n;
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");

    snprintf(dir, sizeof(dir), "%s/consd-XXXXXX", tmp ? tmp : "/tmp");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    msgs[0] = '\0';
    nmsgs = 0;
    consd_msg_hook(catch_msg);
    hv = consd_fake_hv_new();
    st = consd_fake_store_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st);
}

static void start(void)
{
    CU_ASSERT_EQUAL_FATAL(consd_init(&c, hv, st, dir), 0);
    settle();
}

static void teardown(void)
{
    struct dirent *e;
    char path[384];
    DIR *d;

    consd_fini(&c);
    st->ops->close(st);
    hv->ops->close(hv);
    consd_msg_hook(NULL);
    d = opendir(dir);
    while ( d && (e = readdir(d)) )
    {
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if ( e->d_name[0] != '.' )
            unlink(path);
    }
    if ( d )
        closedir(d);
    rmdir(dir);
}

static void test_output_to_log_and_pty(void)
{
    struct xencons_interface *r;
    char buf[256];
    int fd;

    setup();
    start();
    r = guest(5, "web", "xenconsoled");
    settle();
    CU_ASSERT(consd_fake_hv_mapped(hv, 5));
    CU_ASSERT(consd_fake_hv_bound(hv, 5));
    CU_ASSERT_PTR_NOT_NULL_FATAL(peek(5, "console/tty"));
    CU_ASSERT(!strncmp(peek(5, "console/tty"), "/dev/pts/", 9));
    fd = open_tty(5);
    CU_ASSERT_FATAL(fd >= 0);

    guest_says(5, r, "Linux version 6.1\r\nlogin: ");
    settle();
    CU_ASSERT_STRING_EQUAL(slurp("console-web.log"),
                           "Linux version 6.1\r\nlogin: ");
    CU_ASSERT_EQUAL(read_tty(fd, buf, sizeof(buf)), 26);
    CU_ASSERT_STRING_EQUAL(buf, "Linux version 6.1\r\nlogin: ");
    CU_ASSERT_EQUAL(r->out_cons, r->out_prod);
    CU_ASSERT(consd_fake_hv_notified(hv, 5) > 0);
    close(fd);
    teardown();
}

static void test_input_from_pty(void)
{
    struct xencons_interface *r;
    unsigned int before;
    int fd;

    setup();
    start();
    r = guest(5, "web", NULL);      /* no type: ours, as in xenconsoled */
    settle();
    fd = open_tty(5);
    CU_ASSERT_FATAL(fd >= 0);
    before = consd_fake_hv_notified(hv, 5);
    CU_ASSERT_EQUAL(write(fd, "root\n", 5), 5);
    wait_input(5);
    CU_ASSERT_EQUAL(r->in_prod, 5);
    CU_ASSERT(!memcmp(r->in, "root\n", 5));
    CU_ASSERT(consd_fake_hv_notified(hv, 5) > before);

    /* A full input ring waits for the guest; nothing is lost. */
    r->in_prod = r->in_cons + sizeof(r->in) - 2;
    CU_ASSERT_EQUAL(write(fd, "abcd", 4), 4);
    wait_input(5);
    CU_ASSERT_EQUAL(r->in_prod - r->in_cons, sizeof(r->in));
    r->in_cons += 10;               /* the guest reads, and says so */
    consd_fake_hv_kick(hv, 5);
    settle();
    CU_ASSERT_EQUAL(r->in_prod - r->in_cons, sizeof(r->in) - 8);
    CU_ASSERT_EQUAL(r->in[MASK_XENCONS_IDX(r->in_prod - 1, r->in)], 'd');
    close(fd);
    teardown();
}

/* More than a ring's worth, as the guest finds room. */
static void test_long_output(void)
{
    struct xencons_interface *r;
    char chunk[301], expect[6001], *log;
    unsigned int i;

    setup();
    start();
    r = guest(7, NULL, NULL);
    settle();
    expect[0] = '\0';
    for ( i = 0; i < 20; i++ )
    {
        memset(chunk, 'a' + i, 300);
        chunk[300] = '\0';
        strcat(expect, chunk);
        guest_says(7, r, chunk);
        if ( i % 4 == 3 )
            settle();
    }
    settle();
    log = slurp("console-dom7.log");
    CU_ASSERT_PTR_NOT_NULL_FATAL(log);
    CU_ASSERT_EQUAL(strlen(log), 6000);
    CU_ASSERT_STRING_EQUAL(log, expect);
    teardown();
}

static void test_domain_goes(void)
{
    struct xencons_interface *r;
    char buf[64];
    ssize_t n;
    int fd;

    setup();
    start();
    r = guest(5, "web", NULL);
    settle();
    fd = open_tty(5);
    CU_ASSERT_FATAL(fd >= 0);
    /* Its last words, with no event to announce them. */
    memcpy(r->out + r->out_prod, "bye\n", 4);
    r->out_prod += 4;
    destroy(5);
    settle();
    CU_ASSERT_PTR_NULL(consd_find(&c, 5));
    CU_ASSERT(!consd_fake_hv_mapped(hv, 5));
    CU_ASSERT(!consd_fake_hv_bound(hv, 5));
    /* The log has them; the pty, hung up, may have dropped them. */
    CU_ASSERT_STRING_EQUAL(slurp("console-web.log"), "bye\n");
    while ( (n = read_tty(fd, buf, sizeof(buf))) > 0 )
        continue;
    CU_ASSERT_EQUAL(n, 0);          /* hung up: end of file */
    CU_ASSERT_EQUAL(said("gone"), 1);
    close(fd);
    teardown();
}

static void test_domain_dying(void)
{
    setup();
    start();
    guest(6, "db", NULL);
    settle();
    CU_ASSERT(consd_fake_hv_bound(hv, 6));
    consd_fake_hv_kill(hv, 6, true);
    consd_fake_store_fire(st, "@releaseDomain");
    settle();
    CU_ASSERT(!consd_fake_hv_mapped(hv, 6));
    CU_ASSERT(!consd_fake_hv_bound(hv, 6));
    CU_ASSERT_PTR_NULL(peek(6, "console/tty"));
    CU_ASSERT_PTR_NULL(consd_find(&c, 6));
    teardown();
}

static void test_hostile_output(void)
{
    struct xencons_interface *r;
    unsigned int i;

    setup();
    start();
    r = guest(5, "evil", NULL);
    settle();
    for ( i = 0; i < 5; i++ )
    {
        r->out_prod = r->out_cons + 100000 + i;
        consd_fake_hv_kick(hv, 5);
        settle();
        CU_ASSERT_EQUAL(r->out_cons, r->out_prod);
    }
    r->out_cons = 0xdeadbeef;
    consd_fake_hv_kick(hv, 5);
    settle();
    CU_ASSERT_EQUAL(said("output indices out of range"), 1);
    /* Still served: sane output flows again. */
    guest_says(5, r, "fine\n");
    settle();
    CU_ASSERT_STRING_EQUAL(slurp("console-evil.log"), "fine\n");
    CU_ASSERT(consd_fake_hv_bound(hv, 5));
    teardown();
}

static void test_hostile_input(void)
{
    struct xencons_interface *r;
    int fd;

    setup();
    start();
    r = guest(5, "evil", NULL);
    settle();
    fd = open_tty(5);
    CU_ASSERT_FATAL(fd >= 0);
    r->in_cons = 0x80000000u;
    CU_ASSERT_EQUAL(write(fd, "x", 1), 1);
    wait_input(5);
    CU_ASSERT_EQUAL(r->in_prod, 0x80000001u);
    CU_ASSERT_EQUAL(r->in[0], 'x');
    r->in_cons = 77777;
    CU_ASSERT_EQUAL(write(fd, "y", 1), 1);
    wait_input(5);
    CU_ASSERT_EQUAL(r->in_prod, 77778);
    CU_ASSERT_EQUAL(said("input indices out of range"), 1);
    close(fd);
    teardown();
}

static void test_nodes_come_late(void)
{
    char num[16];

    setup();
    start();
    consd_fake_hv_add(hv, 9, 0x2000, 4);
    node(9, "name", "late");
    consd_fake_store_fire(st, "@introduceDomain");
    settle();
    CU_ASSERT_PTR_NOT_NULL(consd_find(&c, 9));
    CU_ASSERT(!consd_fake_hv_mapped(hv, 9));
    snprintf(num, sizeof(num), "%u", 0x2000);
    node(9, "console/ring-ref", num);
    settle();
    CU_ASSERT(!consd_fake_hv_mapped(hv, 9));
    node(9, "console/port", "4");
    settle();
    CU_ASSERT(consd_fake_hv_mapped(hv, 9));
    CU_ASSERT(consd_fake_hv_bound(hv, 9));
    CU_ASSERT_PTR_NOT_NULL(peek(9, "console/tty"));
    CU_ASSERT_EQUAL(nmsgs, 1);      /* "console on ..." only */
    teardown();
}

static void test_other_backend(void)
{
    setup();
    start();
    guest(5, "hvm", "ioemu");
    settle();
    CU_ASSERT(!consd_fake_hv_mapped(hv, 5));
    CU_ASSERT_PTR_NULL(peek(5, "console/tty"));
    node(5, "name", "hvm");         /* an event: no second message */
    consd_fake_store_fire(st, "@introduceDomain");
    settle();
    CU_ASSERT_EQUAL(said("'ioemu'"), 1);
    /* Handed to us: served at once. */
    node(5, "console/type", "xenconsoled");
    settle();
    CU_ASSERT(consd_fake_hv_bound(hv, 5));
    teardown();
}

static void test_port_taken(void)
{
    setup();
    start();
    consd_fake_hv_add(hv, 5, 0x1005, 3);
    consd_fake_hv_steal(hv, 5);
    node(5, "name", "kept");
    node(5, "console/ring-ref", "4101");
    node(5, "console/port", "3");
    consd_fake_store_fire(st, "@introduceDomain");
    settle();
    CU_ASSERT(!consd_fake_hv_mapped(hv, 5));
    CU_ASSERT(!consd_fake_hv_bound(hv, 5));
    CU_ASSERT_EQUAL(said("another backend"), 1);
    consd_fake_store_fire(st, "@introduceDomain");
    node(5, "name", "kept");
    settle();
    CU_ASSERT_EQUAL(said("another backend"), 1);
    /* Something changed: one more try, one more message. */
    node(5, "console/ring-ref", "banana");
    settle();
    CU_ASSERT_EQUAL(said("must be numbers"), 1);
    CU_ASSERT_PTR_NULL(peek(5, "console/tty"));
    teardown();
}

static void test_startup_and_stop(void)
{
    const char *tty;
    char buf[16];
    int fd;

    setup();
    guest(3, "early", NULL);
    guest(0, "Domain-0", NULL);     /* the hypervisor's console, not ours */
    start();
    CU_ASSERT(consd_fake_hv_bound(hv, 3));
    CU_ASSERT(!consd_fake_hv_bound(hv, 0));
    tty = peek(3, "console/tty");
    CU_ASSERT_PTR_NOT_NULL_FATAL(tty);
    fd = open(tty, O_RDWR | O_NOCTTY | O_NONBLOCK);
    CU_ASSERT_FATAL(fd >= 0);
    consd_fini(&c);
    CU_ASSERT_PTR_NULL(peek(3, "console/tty"));
    CU_ASSERT(!consd_fake_hv_mapped(hv, 3));
    CU_ASSERT(read_tty(fd, buf, sizeof(buf)) <= 0);
    close(fd);
    memset(&c, 0, sizeof(c));
    teardown();
}

static void test_log_names_and_reopen(void)
{
    struct xencons_interface *r5, *r6;
    char path[128], old[160];

    setup();
    start();
    r5 = guest(5, "../../etc/passwd", NULL);
    r6 = guest(6, "two words", NULL);
    settle();
    guest_says(5, r5, "five");
    guest_says(6, r6, "six");
    settle();
    CU_ASSERT_STRING_EQUAL(slurp("console-.._.._etc_passwd.log"), "five");
    CU_ASSERT_STRING_EQUAL(slurp("console-two_words.log"), "six");

    /* Rotated away: the next output goes to a fresh file. */
    snprintf(path, sizeof(path), "%s/console-two_words.log", dir);
    snprintf(old, sizeof(old), "%s.1", path);
    CU_ASSERT_EQUAL(rename(path, old), 0);
    consd_reopen_logs(&c);
    guest_says(6, r6, "seven");
    settle();
    CU_ASSERT_STRING_EQUAL(slurp("console-two_words.log"), "seven");
    CU_ASSERT_STRING_EQUAL(slurp("console-two_words.log.1"), "six");
    teardown();
}

/* The console moved under the same domain (the guest reconnected). */
static void test_console_moves(void)
{
    struct xencons_interface *r;

    setup();
    start();
    r = guest(5, "web", NULL);
    settle();
    CU_ASSERT(consd_fake_hv_bound(hv, 5));
    node(5, "console/port", "8");   /* not the fake's port: bind fails */
    settle();
    CU_ASSERT(!consd_fake_hv_bound(hv, 5));
    CU_ASSERT(!consd_fake_hv_mapped(hv, 5));
    node(5, "console/port", "3");
    settle();
    CU_ASSERT(consd_fake_hv_bound(hv, 5));
    guest_says(5, r, "back");
    settle();
    CU_ASSERT_STRING_EQUAL(slurp("console-web.log"), "back");
    teardown();
}

int main(void)
{
    CU_pSuite s;
    unsigned int failures;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    s = CU_add_suite("vmconsoled", NULL, NULL);
    CU_add_test(s, "output to the log and the pty",
                test_output_to_log_and_pty);
    CU_add_test(s, "input from the pty", test_input_from_pty);
    CU_add_test(s, "output longer than the ring", test_long_output);
    CU_add_test(s, "a domain destroyed", test_domain_goes);
    CU_add_test(s, "a domain dying", test_domain_dying);
    CU_add_test(s, "hostile output indices", test_hostile_output);
    CU_add_test(s, "hostile input indices", test_hostile_input);
    CU_add_test(s, "console nodes after the domain", test_nodes_come_late);
    CU_add_test(s, "another backend's console", test_other_backend);
    CU_add_test(s, "a port already taken", test_port_taken);
    CU_add_test(s, "domains already there, then stop",
                test_startup_and_stop);
    CU_add_test(s, "log names and rotation", test_log_names_and_reopen);
    CU_add_test(s, "a console that moves", test_console_moves);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}
