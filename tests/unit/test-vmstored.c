/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmstored's engine without transports: requests go in as bytes, replies
 * and watch events come out of the connection's queue.  Semantics follow
 * Xen 4.17's xenstored and docs/misc/xenstore.txt.
 */
#include <CUnit/Basic.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmstored-util.h"
#include "txn.h"

static struct vms v;
static struct conn *dom0, *dom1, *dom2;

/* A fresh daemon with dom0 and two guests' clients; /local/domain/1 and
 * /local/domain/2 made by the toolstack and given to their guests. */
static void setup(void)
{
    CU_ASSERT_FATAL(vms_init(&v, NULL) == 0);
    dom0 = tv_client(&v, 0);
    dom1 = tv_client(&v, 1);
    dom2 = tv_client(&v, 2);
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, "/local/domain/1");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/local/domain/1", "n1");
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, "/local/domain/2");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/local/domain/2", "n2");
}

static void teardown(void)
{
    vms_fini(&v);
}

/* --- nodes ------------------------------------------------------------ */

static void test_well_known(void)
{
    setup();
    TV_EXPECT("Domain-0", dom0, XS_READ, 0, "/local/domain/0/name");
    TV_EXPECT("0", dom0, XS_READ, 0, "/local/domain/0/domid");
    TV_EXPECT("tool|local|", dom0, XS_DIRECTORY, 0, "/");
    TV_EXPECT("xenstored|", dom0, XS_DIRECTORY, 0, "/tool");
    TV_EXPECT("n0|", dom0, XS_GET_PERMS, 0, "/local");
    TV_EXPECT("/local/domain/7|", dom1, XS_GET_DOMAIN_PATH, 0, "7");
    teardown();
}

static void test_read_write(void)
{
    setup();
    TV_WRITE("OK|", dom0, 0, "/a/b/c", "hello");
    TV_EXPECT("hello", dom0, XS_READ, 0, "/a/b/c");
    /* Parents spring into being, empty. */
    TV_EXPECT("", dom0, XS_READ, 0, "/a/b");
    TV_EXPECT("b|", dom0, XS_DIRECTORY, 0, "/a");
    TV_WRITE("OK|", dom0, 0, "/a/b/c", "");
    TV_EXPECT("", dom0, XS_READ, 0, "/a/b/c");
    /* Values are binary. */
    {
        char *s = tv_do_raw(dom0, XS_WRITE, 0, "/bin\0x\0y", 8);

        CU_ASSERT_STRING_EQUAL(s, "OK|");
        free(s);
        s = tv_do(dom0, XS_READ, 0, "/bin", (char *)NULL);
        CU_ASSERT_STRING_EQUAL(s, "x|y");
        free(s);
    }
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/nothing");
    TV_EXPECT("!ENOENT", dom0, XS_DIRECTORY, 0, "/nothing");
    teardown();
}

static void test_mkdir_rm(void)
{
    setup();
    TV_WRITE("OK|", dom0, 0, "/m", "keep");
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, "/m");
    TV_EXPECT("keep", dom0, XS_READ, 0, "/m");
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, "/m/x/y");
    TV_EXPECT("x|", dom0, XS_DIRECTORY, 0, "/m");
    TV_EXPECT("OK|", dom0, XS_RM, 0, "/m");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/m/x/y");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/m");
    /* Removing what is gone is fine while its parent is there. */
    TV_EXPECT("OK|", dom0, XS_RM, 0, "/m");
    TV_EXPECT("!ENOENT", dom0, XS_RM, 0, "/m/x");
    /* The root stays. */
    TV_EXPECT("!EINVAL", dom0, XS_RM, 0, "/");
    teardown();
}

static void test_relative_paths(void)
{
    setup();
    /* A domain's relative paths live in its home. */
    TV_WRITE("OK|", dom1, 0, "data/x", "1");
    TV_EXPECT("1", dom1, XS_READ, 0, "/local/domain/1/data/x");
    TV_EXPECT("1", dom0, XS_READ, 0, "/local/domain/1/data/x");
    TV_EXPECT("x|", dom1, XS_DIRECTORY, 0, "data");
    /* A dom0 client's home is /local/domain/0. */
    TV_EXPECT("Domain-0", dom0, XS_READ, 0, "name");
    teardown();
}

/* --- permissions ------------------------------------------------------- */

static void test_perms_basic(void)
{
    setup();
    /* dom0's nodes are closed to guests; a miss tells them nothing. */
    TV_EXPECT("!EACCES", dom1, XS_READ, 0, "/local/domain/0/name");
    TV_EXPECT("!EACCES", dom1, XS_READ, 0, "/local/domain/0/nothing");
    TV_EXPECT("!EACCES", dom1, XS_DIRECTORY, 0, "/");
    TV_WRITE("!EACCES", dom1, 0, "/x", "1");
    TV_EXPECT("!EACCES", dom1, XS_MKDIR, 0, "/local/domain/2/x");
    /* In its own home a miss is a plain miss. */
    TV_EXPECT("!ENOENT", dom1, XS_READ, 0, "/local/domain/1/nothing");
    /* Guests own what they create, with their parent's other rights. */
    TV_WRITE("OK|", dom1, 0, "mine", "v");
    TV_EXPECT("n1|", dom0, XS_GET_PERMS, 0, "/local/domain/1/mine");
    /* dom0 creating under a guest's node inherits the guest as owner. */
    TV_WRITE("OK|", dom0, 0, "/local/domain/1/given", "v");
    TV_EXPECT("n1|", dom0, XS_GET_PERMS, 0, "/local/domain/1/given");
    teardown();
}

static void test_perms_grants(void)
{
    setup();
    TV_WRITE("OK|", dom0, 0, "/shared/r", "read-me");
    TV_WRITE("OK|", dom0, 0, "/shared/w", "write-me");
    TV_WRITE("OK|", dom0, 0, "/shared/b", "both");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/shared/r", "n0", "r1");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/shared/w", "n0", "w1");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/shared/b", "n0", "b1");
    TV_EXPECT("n0|r1|", dom0, XS_GET_PERMS, 0, "/shared/r");

    TV_EXPECT("read-me", dom1, XS_READ, 0, "/shared/r");
    TV_WRITE("!EACCES", dom1, 0, "/shared/r", "x");
    TV_EXPECT("!EACCES", dom1, XS_READ, 0, "/shared/w");
    TV_WRITE("OK|", dom1, 0, "/shared/w", "x");
    TV_EXPECT("both", dom1, XS_READ, 0, "/shared/b");
    TV_WRITE("OK|", dom1, 0, "/shared/b", "y");
    /* Domain 2 has the default: the owner entry's "n". */
    TV_EXPECT("!EACCES", dom2, XS_READ, 0, "/shared/b");
    /* A default of "r" opens a node to all. */
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/shared/r", "r0");
    TV_EXPECT("read-me", dom2, XS_READ, 0, "/shared/r");
    /* A granted node under a closed parent: children inherit. */
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, "/shared/b/kid");
    TV_EXPECT("", dom1, XS_READ, 0, "/shared/b/kid");
    teardown();
}

static void test_perms_owner(void)
{
    setup();
    TV_WRITE("OK|", dom1, 0, "mine", "v");
    /* The owner sets rights but may not give the node away. */
    TV_EXPECT("OK|", dom1, XS_SET_PERMS, 0, "mine", "n1", "r2");
    TV_EXPECT("v", dom2, XS_READ, 0, "/local/domain/1/mine");
    TV_EXPECT("!EPERM", dom1, XS_SET_PERMS, 0, "mine", "n2");
    /* Write access is not ownership. */
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/local/domain/1/mine", "n1",
              "b2");
    TV_EXPECT("!EACCES", dom2, XS_SET_PERMS, 0, "/local/domain/1/mine",
              "n1", "b2");
    /* dom0 may give nodes away. */
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/local/domain/1/mine", "b2");
    TV_EXPECT("b2|", dom0, XS_GET_PERMS, 0, "/local/domain/1/mine");
    teardown();
}

/* --- transactions ------------------------------------------------------ */

static void test_txn_snapshot(void)
{
    uint32_t t;

    setup();
    TV_WRITE("OK|", dom0, 0, "/t/a", "1");
    t = tv_start(dom0);
    CU_ASSERT(t != 0);
    /* Others' writes after the start stay out of the snapshot... */
    TV_WRITE("OK|", dom1, 0, "x", "late");
    TV_WRITE("OK|", dom0, 0, "/t/a", "2");
    TV_EXPECT("!ENOENT", dom0, XS_READ, t, "/local/domain/1/x");
    /* ...and the transaction's writes out of the store until commit. */
    TV_WRITE("OK|", dom0, t, "/u/b", "2");
    TV_EXPECT("2", dom0, XS_READ, t, "/u/b");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/u/b");
    TV_EXPECT("b|", dom0, XS_DIRECTORY, t, "/u");
    /* It read a node that changed since: its view was stale. */
    TV_EXPECT("!EAGAIN", dom0, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/u/b");
    /* Changes to what it never looked at do not matter. */
    t = tv_start(dom0);
    TV_WRITE("OK|", dom1, 0, "x", "later");
    TV_WRITE("OK|", dom0, t, "/u/b", "3");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("3", dom0, XS_READ, 0, "/u/b");
    TV_EXPECT("later", dom0, XS_READ, 0, "/local/domain/1/x");
    TV_EXPECT("2", dom0, XS_READ, 0, "/t/a");
    teardown();
}

static void test_txn_conflict_retry(void)
{
    uint32_t t;
    int tries;
    char *s;

    setup();
    TV_WRITE("OK|", dom0, 0, "/counter", "1");
    t = tv_start(dom0);
    TV_EXPECT("1", dom0, XS_READ, t, "/counter");
    /* Someone else changes what the transaction read. */
    TV_WRITE("OK|", dom0, 0, "/counter", "5");
    TV_WRITE("OK|", dom0, t, "/counter", "2");
    TV_EXPECT("!EAGAIN", dom0, XS_TRANSACTION_END, t, "T");
    /* A failed commit changed nothing and ended the transaction. */
    TV_EXPECT("5", dom0, XS_READ, 0, "/counter");
    TV_EXPECT("!ENOENT", dom0, XS_READ, t, "/counter");
    /* The usual client loop: retry until the commit holds. */
    for ( tries = 1; ; tries++ )
    {
        t = tv_start(dom0);
        free(tv_do(dom0, XS_READ, t, "/counter", (char *)NULL));
        if ( tries == 1 )
            TV_WRITE("OK|", dom0, 0, "/counter", "7");
        TV_WRITE("OK|", dom0, t, "/counter", "8");
        s = tv_do(dom0, XS_TRANSACTION_END, t, "T", (char *)NULL);
        if ( strcmp(s, "!EAGAIN") || tries == 5 )
            break;
        free(s);
    }
    CU_ASSERT_STRING_EQUAL(s, "OK|");
    free(s);
    CU_ASSERT_EQUAL(tries, 2);
    TV_EXPECT("8", dom0, XS_READ, 0, "/counter");
    teardown();
}

static void test_txn_conflicts(void)
{
    uint32_t t, u;

    setup();
    TV_WRITE("OK|", dom0, 0, "/c/x", "1");
    TV_WRITE("OK|", dom0, 0, "/c/y", "1");
    /* Disjoint paths: both commit. */
    t = tv_start(dom0);
    u = tv_start(dom0);
    CU_ASSERT(t != u);
    TV_WRITE("OK|", dom0, t, "/c/x", "t");
    TV_WRITE("OK|", dom0, u, "/c/y", "u");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, u, "T");
    TV_EXPECT("t", dom0, XS_READ, 0, "/c/x");
    TV_EXPECT("u", dom0, XS_READ, 0, "/c/y");
    /* Both write one node: the second commit fails. */
    t = tv_start(dom0);
    u = tv_start(dom0);
    TV_WRITE("OK|", dom0, t, "/c/x", "t2");
    TV_WRITE("OK|", dom0, u, "/c/x", "u2");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, u, "T");
    TV_EXPECT("!EAGAIN", dom0, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("u2", dom0, XS_READ, 0, "/c/x");
    /* A read miss conflicts with a later creation. */
    t = tv_start(dom0);
    TV_EXPECT("!ENOENT", dom0, XS_READ, t, "/c/new");
    TV_WRITE("OK|", dom0, 0, "/c/new", "1");
    TV_WRITE("OK|", dom0, t, "/c/other", "1");
    TV_EXPECT("!EAGAIN", dom0, XS_TRANSACTION_END, t, "T");
    /* A child added under a directory the transaction listed. */
    t = tv_start(dom0);
    TV_EXPECT("x|y|new|", dom0, XS_DIRECTORY, t, "/c");
    TV_WRITE("OK|", dom0, 0, "/c/z", "1");
    TV_EXPECT("OK|", dom0, XS_RM, t, "/c/x");
    TV_EXPECT("!EAGAIN", dom0, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("u2", dom0, XS_READ, 0, "/c/x");
    teardown();
}

static void test_txn_abort_and_rm(void)
{
    uint32_t t;

    setup();
    TV_WRITE("OK|", dom0, 0, "/r/a/b", "1");
    TV_WRITE("OK|", dom0, 0, "/r/keep", "1");
    t = tv_start(dom0);
    TV_EXPECT("OK|", dom0, XS_RM, t, "/r/a");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, t, "/r/keep", "r0");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "F");
    TV_EXPECT("1", dom0, XS_READ, 0, "/r/a/b");
    TV_EXPECT("n0|", dom0, XS_GET_PERMS, 0, "/r/keep");
    /* Remove, recreate, change permissions: all land at commit. */
    t = tv_start(dom0);
    TV_EXPECT("OK|", dom0, XS_RM, t, "/r/a");
    TV_WRITE("OK|", dom0, t, "/r/a/new", "2");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, t, "/r/keep", "r0");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/r/a/b");
    TV_EXPECT("2", dom0, XS_READ, 0, "/r/a/new");
    TV_EXPECT("new|", dom0, XS_DIRECTORY, 0, "/r/a");
    TV_EXPECT("r0|", dom0, XS_GET_PERMS, 0, "/r/keep");
    teardown();
}

static void test_txn_errors(void)
{
    uint32_t t;

    setup();
    TV_EXPECT("!ENOENT", dom0, XS_READ, 77, "/tool");
    TV_EXPECT("!ENOENT", dom0, XS_TRANSACTION_END, 0, "T");
    t = tv_start(dom0);
    /* No nesting. */
    TV_EXPECT("!EBUSY", dom0, XS_TRANSACTION_START, t, "");
    TV_EXPECT("!EINVAL", dom0, XS_TRANSACTION_END, t, "yes");
    /* Transactions belong to their connection. */
    TV_EXPECT("!ENOENT", dom1, XS_READ, t, "name");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "F");
    TV_EXPECT("!ENOENT", dom0, XS_TRANSACTION_END, t, "F");
    teardown();
}

/* --- watches ----------------------------------------------------------- */

static void test_watch_initial_and_once(void)
{
    setup();
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/w", "tok");
    /* The first event comes at once, with the watched path. */
    TV_EVENT("/w|tok|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    /* One change, one event, even when parents are created with it. */
    TV_WRITE("OK|", dom0, 0, "/w/a/b", "1");
    TV_EVENT("/w/a/b|tok|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    TV_WRITE("OK|", dom0, 0, "/w/a/b", "2");
    TV_WRITE("OK|", dom0, 0, "/w/a", "3");
    TV_EVENT("/w/a/b|tok|", dom0);
    TV_EVENT("/w/a|tok|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    /* Unrelated changes, and a parent's, do not fire. */
    TV_WRITE("OK|", dom0, 0, "/wx", "1");
    TV_WRITE("OK|", dom0, 0, "/", "");
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    /* MKDIR of an existing node changes nothing. */
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, "/w/a");
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    teardown();
}

static void test_watch_rm(void)
{
    setup();
    TV_WRITE("OK|", dom0, 0, "/d/sub/leaf", "1");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/d", "top");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/d/sub/leaf", "leaf");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/d/sub/none", "none");
    tv_drain(dom0);
    TV_EXPECT("OK|", dom0, XS_RM, 0, "/d");
    /* Below the removed node, only watches on a node itself fire. */
    TV_EVENT("/d/sub/leaf|leaf|", dom0);
    TV_EVENT("/d|top|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    teardown();
}

static void test_watch_many(void)
{
    setup();
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/", "root");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/m", "m1");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/m", "m2");
    TV_EXPECT("!EEXIST", dom0, XS_WATCH, 0, "/m", "m1");
    TV_EXPECT("OK|", dom2, XS_WATCH, 0, "/m", "other");
    tv_drain(dom0);
    tv_drain(dom2);
    TV_WRITE("OK|", dom0, 0, "/m", "1");
    TV_EVENT("/m|root|", dom0);
    TV_EVENT("/m|m1|", dom0);
    TV_EVENT("/m|m2|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    /* Domain 2 may not read /m: it hears nothing. */
    CU_ASSERT_EQUAL(tv_nevents(dom2), 0);
    TV_EXPECT("OK|", dom0, XS_UNWATCH, 0, "/m", "m1");
    TV_EXPECT("!ENOENT", dom0, XS_UNWATCH, 0, "/m", "m1");
    TV_WRITE("OK|", dom0, 0, "/m", "2");
    TV_EVENT("/m|root|", dom0);
    TV_EVENT("/m|m2|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    TV_EXPECT("OK|", dom0, XS_RESET_WATCHES, 0, "");
    TV_WRITE("OK|", dom0, 0, "/m", "3");
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    teardown();
}

static void test_watch_relative_and_perms(void)
{
    setup();
    /* A relative watch reports relative paths. */
    TV_EXPECT("OK|", dom1, XS_WATCH, 0, "device", "dev");
    TV_EVENT("device|dev|", dom1);
    TV_WRITE("OK|", dom0, 0, "/local/domain/1/device/vif/0", "x");
    TV_EVENT("device/vif/0|dev|", dom1);
    /* Losing access is still news: old permissions count. */
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/local/domain/1/device/vif/0",
              "n0");
    TV_EVENT("device/vif/0|dev|", dom1);
    /* Nodes closed to it (and under a closed parent) stay silent. */
    TV_WRITE("OK|", dom0, 0, "/local/domain/1/device/vif/0/x", "y");
    CU_ASSERT_EQUAL(tv_nevents(dom1), 0);
    teardown();
}

static void test_watch_txn(void)
{
    uint32_t t;

    setup();
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/tw", "tok");
    tv_drain(dom0);
    t = tv_start(dom0);
    TV_WRITE("OK|", dom0, t, "/tw/a", "1");
    TV_WRITE("OK|", dom0, t, "/tw/a", "2");
    TV_WRITE("OK|", dom0, t, "/tw/b", "1");
    /* Nothing until commit, then once per changed path. */
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "T");
    TV_EVENT("/tw/a|tok|", dom0);
    TV_EVENT("/tw/b|tok|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    /* An abandoned transaction fires nothing. */
    t = tv_start(dom0);
    TV_WRITE("OK|", dom0, t, "/tw/a", "3");
    TV_EXPECT("OK|", dom0, XS_TRANSACTION_END, t, "F");
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    teardown();
}

static void test_watch_special(void)
{
    setup();
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "@introduceDomain", "i");
    TV_EVENT("@introduceDomain|i|", dom0);
    TV_EXPECT("OK|", dom1, XS_WATCH, 0, "@releaseDomain", "r");
    TV_EVENT("@releaseDomain|r|", dom1);
    /* Only dom0 may open the special events to others. */
    TV_EXPECT("!EACCES", dom1, XS_SET_PERMS, 0, "@releaseDomain", "n1");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "@releaseDomain", "n0", "r1");
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "@other", "n0");
    TV_EXPECT("!EINVAL", dom0, XS_WATCH, 0, "/bad//path", "t");
    teardown();
}

/* --- quotas ------------------------------------------------------------ */

static void test_quota_nodes(void)
{
    unsigned int i;
    char path[64];
    char *s = NULL;

    setup();
    /* The home itself counts: domain 1 owns one node already. */
    CU_ASSERT_EQUAL(tree_owned(&v.store, 1), 1);
    /*
     * Groups of 40, as a directory's list of names is itself limited by
     * the node size quota: 24 groups of 41 nodes, then one of 15, fill
     * the quota exactly.
     */
    for ( i = 0; i < 2 * QUOTA_NODES; i++ )
    {
        snprintf(path, sizeof(path), "g%u/n%u", i / 40, i % 40);
        free(s);
        s = tv_write(dom1, 0, path, "");
        if ( strcmp(s, "OK|") )
            break;
    }
    CU_ASSERT_STRING_EQUAL(s, "!ENOSPC");
    free(s);
    CU_ASSERT_EQUAL(tree_owned(&v.store, 1), QUOTA_NODES);
    TV_WRITE("!ENOSPC", dom1, 0, "one-more", "");
    /* dom0 is not limited; nor is a write to an existing node. */
    TV_WRITE("OK|", dom0, 0, "/local/domain/1/by-dom0", "");
    TV_WRITE("OK|", dom1, 0, "g0/n5", "again");
    /* Removing frees room. */
    TV_EXPECT("OK|", dom1, XS_RM, 0, "g0");
    TV_WRITE("OK|", dom1, 0, "one-more", "");
    teardown();
}

static void test_quota_misc(void)
{
    char big[QUOTA_NODE_SIZE + 1];
    char path[XENSTORE_REL_PATH_MAX + 64];
    unsigned int i;
    uint32_t t[QUOTA_TRANSACTIONS + 1];

    setup();
    /* Node size: header, permissions, value, children. */
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    TV_WRITE("!ENOSPC", dom1, 0, "big", big);
    big[1000] = '\0';
    TV_WRITE("OK|", dom1, 0, "big", big);
    TV_WRITE("OK|", dom0, 0, "/big", "");
    big[1000] = 'x';
    TV_WRITE("OK|", dom0, 0, "/big", big);
    /* Permission entries. */
    TV_EXPECT("!ENOSPC", dom1, XS_SET_PERMS, 0, "big", "n1", "r2", "r3",
              "r4", "r5", "r6");
    TV_EXPECT("OK|", dom1, XS_SET_PERMS, 0, "big", "n1", "r2", "r3", "r4",
              "r5");
    /* Path length past the home (for everyone). */
    strcpy(path, "/local/domain/1/");
    memset(path + 16, 'p', XENSTORE_REL_PATH_MAX);
    path[16 + XENSTORE_REL_PATH_MAX] = '\0';
    TV_WRITE("OK|", dom0, 0, path, "");
    strcat(path, "p");
    TV_WRITE("!EINVAL", dom0, 0, path, "");
    /* Open transactions. */
    for ( i = 0; i < QUOTA_TRANSACTIONS; i++ )
    {
        t[i] = tv_start(dom1);
        CU_ASSERT(t[i] != 0);
    }
    TV_EXPECT("!ENOSPC", dom1, XS_TRANSACTION_START, 0, "");
    TV_EXPECT("OK|", dom1, XS_TRANSACTION_END, t[0], "F");
    t[0] = tv_start(dom1);
    CU_ASSERT(t[0] != 0);
    /* Watches. */
    for ( i = 0; i < QUOTA_WATCHES; i++ )
    {
        snprintf(path, sizeof(path), "w%u", i);
        TV_EXPECT("OK|", dom1, XS_WATCH, 0, path, "t");
    }
    TV_EXPECT("!E2BIG", dom1, XS_WATCH, 0, "one-more", "t");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/one-more", "t");
    /* 0 disables a quota. */
    v.quota.watches = 0;
    TV_EXPECT("OK|", dom1, XS_WATCH, 0, "one-more", "t");
    teardown();
}

static void test_quota_txn_commit(void)
{
    unsigned int i;
    char path[32];
    uint32_t t;

    setup();
    v.quota.nodes = 10;
    TV_EXPECT("OK|", dom1, XS_MKDIR, 0, "a");
    TV_EXPECT("OK|", dom1, XS_MKDIR, 0, "b");
    /* The home, a and b: 3 nodes; the transaction adds 5. */
    t = tv_start(dom1);
    for ( i = 0; i < 5; i++ )
    {
        snprintf(path, sizeof(path), "a/%u", i);
        TV_WRITE("OK|", dom1, t, path, "");
    }
    /* Meanwhile the store fills up elsewhere: 8 of 10. */
    for ( i = 0; i < 5; i++ )
    {
        snprintf(path, sizeof(path), "b/%u", i);
        TV_WRITE("OK|", dom1, 0, path, "");
    }
    TV_EXPECT("!ENOSPC", dom1, XS_TRANSACTION_END, t, "T");
    TV_EXPECT("!ENOENT", dom1, XS_READ, 0, "a/0");
    TV_EXPECT("OK|", dom1, XS_RM, 0, "b");
    t = tv_start(dom1);
    TV_WRITE("OK|", dom1, t, "a/0", "");
    TV_EXPECT("OK|", dom1, XS_TRANSACTION_END, t, "T");
    teardown();
}

static void test_quota_events(void)
{
    unsigned int i;
    char path[32];

    setup();
    TV_EXPECT("OK|", dom1, XS_WATCH, 0, "ev", "t");
    /* A guest that never reads keeps a bounded backlog (of distinct
     * events: a repeated one is dropped anyway). */
    for ( i = 0; i < CONN_EVENTS_MAX + 10; i++ )
    {
        snprintf(path, sizeof(path), "/local/domain/1/ev/%u", i);
        TV_WRITE("OK|", dom0, 0, path, path + 16);
    }
    CU_ASSERT_EQUAL(tv_nevents(dom1), CONN_EVENTS_MAX);
    tv_drain(dom1);
    TV_WRITE("OK|", dom0, 0, "/local/domain/1/ev/x", "");
    TV_EVENT("ev/x|t|", dom1);
    teardown();
}

/* --- malformed requests ------------------------------------------------ */

static void test_bad_types(void)
{
    static const uint32_t types[] = {
        XS_WATCH_EVENT, XS_ERROR, 20, XS_TYPE_COUNT, 0xffff, 0xffffffffU,
    };
    unsigned int i;
    char *s;

    setup();
    for ( i = 0; i < sizeof(types) / sizeof(types[0]); i++ )
    {
        s = tv_do_raw(dom0, types[i], 0, "/\0", 2);
        CU_ASSERT_STRING_EQUAL(s, "!ENOSYS");
        free(s);
    }
    /* Privileged requests from a guest. */
    TV_EXPECT("!EACCES", dom1, XS_INTRODUCE, 0, "3", "1", "1");
    TV_EXPECT("!EACCES", dom1, XS_RELEASE, 0, "3");
    TV_EXPECT("!EACCES", dom1, XS_CONTROL, 0, "check");
    TV_EXPECT("!EACCES", dom1, XS_IS_DOMAIN_INTRODUCED, 0, "3");
    TV_EXPECT("!EACCES", dom1, XS_SET_TARGET, 0, "1", "2");
    /* Without a hypervisor there is nothing to introduce. */
    TV_EXPECT("!ENOSYS", dom0, XS_INTRODUCE, 0, "3", "1", "1");
    teardown();
}

static void test_bad_payloads(void)
{
    char *s;

    setup();
    /* No NUL, a NUL too many, nothing at all. */
    s = tv_do_raw(dom0, XS_READ, 0, "/tool", 5);
    CU_ASSERT_STRING_EQUAL(s, "!EINVAL");
    free(s);
    s = tv_do_raw(dom0, XS_READ, 0, "/tool\0x\0", 8);
    CU_ASSERT_STRING_EQUAL(s, "!EINVAL");
    free(s);
    s = tv_do_raw(dom0, XS_READ, 0, "", 0);
    CU_ASSERT_STRING_EQUAL(s, "!EINVAL");
    free(s);
    s = tv_do_raw(dom0, XS_WRITE, 0, "/x", 2);
    CU_ASSERT_STRING_EQUAL(s, "!EINVAL");
    free(s);
    s = tv_do_raw(dom0, XS_WATCH, 0, "/x\0", 3);
    CU_ASSERT_STRING_EQUAL(s, "!EINVAL");
    free(s);
    s = tv_do_raw(dom0, XS_DIRECTORY_PART, 0, "/\0", 2);
    CU_ASSERT_STRING_EQUAL(s, "!EINVAL");
    free(s);
    /* Bad paths. */
    TV_EXPECT("!EINVAL", dom0, XS_READ, 0, "//");
    TV_EXPECT("!EINVAL", dom0, XS_READ, 0, "/tool/");
    TV_EXPECT("!EINVAL", dom0, XS_READ, 0, "/to ol");
    TV_EXPECT("!EINVAL", dom0, XS_READ, 0, "/tool\xff");
    TV_EXPECT("!EINVAL", dom0, XS_WRITE, 0, "@x", "");
    TV_EXPECT("!EINVAL", dom0, XS_MKDIR, 0, "");
    /* Bad permissions. */
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "/tool");
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "/tool", "x0");
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "/tool", "r");
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "/tool", "r-1");
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "/tool", "r70000");
    TV_EXPECT("!EINVAL", dom0, XS_SET_PERMS, 0, "/tool", "r1x");
    /* Bad domain ids. */
    TV_EXPECT("!EINVAL", dom0, XS_GET_DOMAIN_PATH, 0, "x");
    TV_EXPECT("!EINVAL", dom0, XS_RELEASE, 0, "0");
    TV_EXPECT("!EINVAL", dom0, XS_INTRODUCE, 0, "1", "1", "0");
    TV_EXPECT("!EINVAL", dom0, XS_INTRODUCE, 0, "1", "z", "3");
    TV_EXPECT("!EINVAL", dom0, XS_CONTROL, 0, "no-such-command");
    TV_EXPECT("OK|", dom0, XS_CONTROL, 0, "check");
    /* The store is as it was. */
    TV_EXPECT("tool|local|", dom0, XS_DIRECTORY, 0, "/");
    teardown();
}

static void test_bad_length(void)
{
    struct xsd_sockmsg hdr = {
        .type = XS_READ, .req_id = 1, .len = XENSTORE_PAYLOAD_MAX + 1,
    };

    setup();
    /* Longer than the protocol allows: the client is cut off. */
    CU_ASSERT_EQUAL(conn_input(dom1, &hdr, sizeof(hdr)), -1);
    CU_ASSERT(dom1->broken);
    CU_ASSERT_EQUAL(dom1->error, XENSTORE_ERROR_PROTO);
    CU_ASSERT_PTR_NULL(dom1->out);
    /* The largest legal payload is fine. */
    {
        char *big = calloc(1, XENSTORE_PAYLOAD_MAX);
        char *s;

        memcpy(big, "/big", 4);
        memset(big + 5, 'v', XENSTORE_PAYLOAD_MAX - 5);
        s = tv_do_raw(dom0, XS_WRITE, 0, big, XENSTORE_PAYLOAD_MAX);
        CU_ASSERT_STRING_EQUAL(s, "OK|");
        free(s);
        free(big);
    }
    teardown();
}

static void test_byte_by_byte(void)
{
    static const char body[] = "/local/domain/0/name";
    struct xsd_sockmsg hdr = {
        .type = XS_READ, .req_id = 42, .len = sizeof(body),
    };
    char buf[sizeof(hdr) + sizeof(body)];
    struct msg *m;
    size_t i;
    char *s;

    setup();
    memcpy(buf, &hdr, sizeof(hdr));
    memcpy(buf + sizeof(hdr), body, sizeof(body));
    for ( i = 0; i < sizeof(buf); i++ )
        CU_ASSERT_EQUAL(conn_input(dom0, buf + i, 1), 1);
    m = tv_reply(dom0, 42);
    s = tv_str(m);
    CU_ASSERT_STRING_EQUAL(s, "Domain-0");
    CU_ASSERT(m && m->hdr.type == XS_READ);
    free(s);
    free(m);
    teardown();
}

/* Random messages of every type: errors, never a crash or a leak. */
static void test_fuzz(void)
{
    static const char *const words[] = {
        "/", "/a", "/a/b", "a", "@introduceDomain", "T", "F", "r0", "b1",
        "n2", "1", "0", "", "//", "/a/", "tok", "check", "quota", "7",
    };
    unsigned int seed = 12345, i, j;
    char body[256];

    setup();
    for ( i = 0; i < 20000; i++ )
    {
        struct conn *c = (i & 1) ? dom1 : dom0;
        size_t len = 0;
        unsigned int nargs;
        uint32_t type, tx;
        char *s;

        seed = seed * 1103515245 + 12345;
        type = (seed >> 8) % (XS_TYPE_COUNT + 2);
        tx = (seed >> 20) % 4 ? 0 : (seed >> 4) % 3;
        nargs = (seed >> 12) % 4;
        for ( j = 0; j < nargs; j++ )
        {
            const char *w;

            seed = seed * 1103515245 + 12345;
            w = words[(seed >> 8) % (sizeof(words) / sizeof(words[0]))];
            memcpy(body + len, w, strlen(w) + 1);
            len += strlen(w) + ((seed >> 16) % 7 ? 1 : 0);
        }
        /* Leave transactions open sometimes, never twelve at once. */
        s = tv_do_raw(c, type, tx, body, len);
        free(s);
        tv_drain(c);
        if ( c->ntxns > 8 )
            txn_end_all(c);
    }
    /* Still serving. */
    TV_EXPECT("Domain-0", dom0, XS_READ, 0, "/local/domain/0/name");
    teardown();
}

/* --- large directories ------------------------------------------------- */

static void test_directory_part(void)
{
    char path[64], *all, *s, *p;
    unsigned int i, off = 0;
    size_t want = 0, got = 0;
    char gen[32] = "";

    setup();
    for ( i = 0; i < 300; i++ )
    {
        snprintf(path, sizeof(path), "/big/child-with-a-long-name-%04u", i);
        TV_WRITE("OK|", dom0, 0, path, "");
        want += strlen(path) - strlen("/big/") + 1;
    }
    TV_EXPECT("!E2BIG", dom0, XS_DIRECTORY, 0, "/big");
    all = calloc(1, want + 1);
    for ( ;; )
    {
        char offs[16];

        snprintf(offs, sizeof(offs), "%u", off);
        s = tv_do(dom0, XS_DIRECTORY_PART, 0, "/big", offs, (char *)NULL);
        CU_ASSERT_FATAL(s[0] != '!');
        p = strchr(s, '|');
        /* The generation is the same in every part. */
        if ( !gen[0] )
            snprintf(gen, sizeof(gen), "%.*s", (int)(p - s), s);
        CU_ASSERT(!strncmp(s, gen, p - s));
        p++;
        if ( !strcmp(p, "|") || !*p )
        {
            free(s);
            break;
        }
        /* A part ending the list carries an empty name at its end. */
        if ( strlen(p) >= 2 && !strcmp(p + strlen(p) - 2, "||") )
        {
            memcpy(all + got, p, strlen(p) - 1);
            got += strlen(p) - 1;
            free(s);
            break;
        }
        memcpy(all + got, p, strlen(p));
        got += strlen(p);
        off += strlen(p);
        free(s);
    }
    CU_ASSERT_EQUAL(got, want);
    CU_ASSERT(!strncmp(all, "child-with-a-long-name-0000|", 28));
    CU_ASSERT(!strcmp(all + got - 28, "child-with-a-long-name-0299|"));
    free(all);
    teardown();
}

int main(void)
{
    static const struct tv_test tests[] = {
        { "well-known nodes", test_well_known },
        { "read and write", test_read_write },
        { "mkdir and rm", test_mkdir_rm },
        { "relative paths", test_relative_paths },
        { "permissions: closed by default", test_perms_basic },
        { "permissions: r w b", test_perms_grants },
        { "permissions: owner", test_perms_owner },
        { "transaction snapshot", test_txn_snapshot },
        { "transaction conflict and retry", test_txn_conflict_retry },
        { "transaction conflicts", test_txn_conflicts },
        { "transaction abort, rm, recreate", test_txn_abort_and_rm },
        { "transaction errors", test_txn_errors },
        { "watch: first event, once per change",
          test_watch_initial_and_once },
        { "watch: removal", test_watch_rm },
        { "watch: many watchers", test_watch_many },
        { "watch: relative, permissions", test_watch_relative_and_perms },
        { "watch: transactions", test_watch_txn },
        { "watch: special paths", test_watch_special },
        { "quota: nodes", test_quota_nodes },
        { "quota: size, perms, path, txns, watches", test_quota_misc },
        { "quota: at commit", test_quota_txn_commit },
        { "quota: unread events", test_quota_events },
        { "malformed: types and privilege", test_bad_types },
        { "malformed: payloads", test_bad_payloads },
        { "malformed: length", test_bad_length },
        { "byte by byte", test_byte_by_byte },
        { "fuzz", test_fuzz },
        { "directory in parts", test_directory_part },
        { NULL, NULL },
    };

    return tv_run("vmstored engine", tests);
}
