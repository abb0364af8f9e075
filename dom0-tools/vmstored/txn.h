/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Transactions.  A transaction works on its own copy of the store taken
 * when it starts, so it sees a snapshot plus its own changes.  Every path
 * it reads or changes is noted with the generation the node had in the
 * snapshot (0 if absent).  Commit fails with EAGAIN if any noted node has
 * a different generation in the live store by then; otherwise the nodes
 * the transaction changed are copied into the live store, in path order so
 * that parents come before their children, and the watch events it queued
 * fire.
 */
#ifndef VMSTORED_TXN_H
#define VMSTORED_TXN_H

#include <stdbool.h>
#include <stdint.h>

#include "perms.h"
#include "store.h"

struct conn;

struct access
{
    char *path;
    uint64_t gen;                   /* in the snapshot; 0: absent */
    bool changed;
};

struct fire
{
    char *path;
    bool exact;
    struct perms old;               /* num 0: none */
};

struct txn
{
    struct txn *next;
    uint32_t id;
    struct tree tree;
    unsigned int owned_at_start;    /* nodes the connection's domain had */
    struct access *acc;             /* sorted by path */
    unsigned int nacc, acc_cap;
    struct fire *fires;
    unsigned int nfires, fires_cap;
};

/* Start a transaction on c; 0 or an errno value (ENOSPC: quota). */
int txn_start(struct conn *c, struct txn **out);
struct txn *txn_find(struct conn *c, uint32_t id);
/* Commit (or with commit false, abandon) and free; 0, EAGAIN, ENOSPC. */
int txn_end(struct conn *c, struct txn *t, bool commit);
/* Abandon them all (connection reset or gone). */
void txn_end_all(struct conn *c);

/* Note the first access to path (n: its node in t->tree, or NULL). */
int txn_note(struct txn *t, const char *path, const struct node *n);
/* Mark a noted path as changed by the transaction. */
int txn_changed(struct txn *t, const char *path);
/* Queue a watch event for the commit (old: permissions before, or NULL). */
int txn_fire(struct txn *t, const char *path, bool exact,
             const struct perms *old);

#endif /* VMSTORED_TXN_H */
