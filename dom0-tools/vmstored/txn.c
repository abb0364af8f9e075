/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Transactions: snapshot at start, conflict check by generation at
 * commit, then the changed nodes copied into the live store (see txn.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "log.h"
#include "path.h"
#include "txn.h"
#include "vmstored.h"
#include "watch.h"

struct txn *txn_find(struct conn *c, uint32_t id)
{
    struct txn *t;

    for ( t = c->txns; t; t = t->next )
        if ( t->id == id )
            return t;
    return NULL;
}

static void txn_free(struct txn *t)
{
    unsigned int i;

    for ( i = 0; i < t->nacc; i++ )
        free(t->acc[i].path);
    for ( i = 0; i < t->nfires; i++ )
    {
        free(t->fires[i].path);
        perms_release(&t->fires[i].old);
    }
    free(t->acc);
    free(t->fires);
    tree_free(&t->tree);
    free(t);
}

int txn_start(struct conn *c, struct txn **out)
{
    struct vms *v = c->vms;
    struct txn *t;

    *out = NULL;
    if ( !c->who.privileged && v->quota.transactions &&
         c->ntxns >= v->quota.transactions )
        return ENOSPC;
    t = calloc(1, sizeof(*t));
    if ( !t )
        return ENOMEM;
    if ( tree_clone(&t->tree, &v->store) )
    {
        free(t);
        return ENOMEM;
    }
    t->owned_at_start = tree_owned(&v->store, c->who.domid);
    /* Ids are never 0 (no transaction) nor one still open. */
    do
        t->id = c->next_txid++;
    while ( !t->id || txn_find(c, t->id) );
    t->next = c->txns;
    c->txns = t;
    c->ntxns++;
    *out = t;
    return 0;
}

/* Index of path in the sorted notes, or where it would go (*found). */
static unsigned int acc_search(const struct txn *t, const char *path,
                               bool *found)
{
    unsigned int lo = 0, hi = t->nacc;

    while ( lo < hi )
    {
        unsigned int mid = lo + (hi - lo) / 2;
        int cmp = strcmp(t->acc[mid].path, path);

        if ( !cmp )
        {
            *found = true;
            return mid;
        }
        if ( cmp < 0 )
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

int txn_note(struct txn *t, const char *path, const struct node *n)
{
    bool found;
    unsigned int i = acc_search(t, path, &found);
    char *copy;

    if ( found )
        return 0;
    if ( t->nacc == t->acc_cap )
    {
        unsigned int cap = t->acc_cap ? t->acc_cap * 2 : 16;
        struct access *a = realloc(t->acc, cap * sizeof(*a));

        if ( !a )
            return ENOMEM;
        t->acc = a;
        t->acc_cap = cap;
    }
    copy = strdup(path);
    if ( !copy )
        return ENOMEM;
    memmove(&t->acc[i + 1], &t->acc[i], (t->nacc - i) * sizeof(*t->acc));
    t->acc[i].path = copy;
    t->acc[i].gen = n ? n->gen : 0;
    t->acc[i].changed = false;
    t->nacc++;
    return 0;
}

int txn_changed(struct txn *t, const char *path)
{
    bool found;
    unsigned int i = acc_search(t, path, &found);
    int rc;

    if ( !found )
    {
        /* Every change is noted first; this keeps a slip harmless. */
        rc = txn_note(t, path, tree_lookup(&t->tree, path));
        if ( rc )
            return rc;
        i = acc_search(t, path, &found);
    }
    t->acc[i].changed = true;
    return 0;
}

int txn_fire(struct txn *t, const char *path, bool exact,
             const struct perms *old)
{
    struct fire *f;
    unsigned int i;

    /* One event per path at commit, however often it changed. */
    for ( i = 0; i < t->nfires; i++ )
        if ( !strcmp(t->fires[i].path, path) )
        {
            t->fires[i].exact = t->fires[i].exact && exact;
            return 0;
        }
    if ( t->nfires == t->fires_cap )
    {
        unsigned int cap = t->fires_cap ? t->fires_cap * 2 : 8;

        f = realloc(t->fires, cap * sizeof(*f));
        if ( !f )
            return ENOMEM;
        t->fires = f;
        t->fires_cap = cap;
    }
    f = &t->fires[t->nfires];
    memset(f, 0, sizeof(*f));
    f->path = strdup(path);
    if ( !f->path || (old && perms_dup(&f->old, old)) )
    {
        free(f->path);
        return ENOMEM;
    }
    f->exact = exact;
    t->nfires++;
    return 0;
}

static bool conflicts(const struct txn *t, const struct tree *live)
{
    unsigned int i;

    for ( i = 0; i < t->nacc; i++ )
    {
        const struct node *n = tree_lookup(live, t->acc[i].path);

        if ( (n ? n->gen : 0) != t->acc[i].gen )
            return true;
    }
    return false;
}

/* Make the live node at path what the transaction left there. */
static int apply_one(struct tree *live, const struct txn *t,
                     const char *path)
{
    const struct node *tn = tree_lookup(&t->tree, path);
    struct node *ln = tree_lookup(live, path), *lp;
    char *parent;
    int rc = 0;

    if ( !tn )
    {
        if ( ln )
            tree_remove(live, ln);
        return 0;
    }
    if ( !ln )
    {
        parent = path_parent(path);
        lp = parent ? tree_lookup(live, parent) : NULL;
        free(parent);
        /* Parents sort first, and an unchanged one was checked. */
        if ( !lp )
            return ENOENT;
        ln = tree_add(live, lp, path_leaf(path), &tn->perms);
        if ( !ln )
            return ENOMEM;
    }
    else if ( !perms_equal(&ln->perms, &tn->perms) )
        rc = node_set_perms(live, ln, &tn->perms);
    if ( !rc && (ln->len != tn->len ||
                 (tn->len && memcmp(ln->value, tn->value, tn->len))) )
        rc = node_set_value(live, ln, tn->value, tn->len);
    /* Its list of children may be what changed. */
    node_touch(live, ln);
    return rc;
}

static int txn_commit(struct conn *c, struct txn *t)
{
    struct vms *v = c->vms;
    unsigned int i, domid = c->who.domid;
    long grew;

    if ( conflicts(t, &v->store) )
        return EAGAIN;
    grew = (long)tree_owned(&t->tree, domid) - (long)t->owned_at_start;
    if ( !c->who.privileged && v->quota.nodes && grew > 0 &&
         tree_owned(&v->store, domid) + grew > v->quota.nodes )
        return ENOSPC;
    for ( i = 0; i < t->nacc; i++ )
    {
        int rc;

        if ( !t->acc[i].changed )
            continue;
        rc = apply_one(&v->store, t, t->acc[i].path);
        if ( rc )
            log_err("transaction %u of domain %u: %s not committed (%s)",
                    t->id, domid, t->acc[i].path, strerror(rc));
    }
    for ( i = 0; i < t->nfires; i++ )
        watch_fire(v, t->fires[i].path, t->fires[i].exact,
                   t->fires[i].old.num ? &t->fires[i].old : NULL);
    return 0;
}

int txn_end(struct conn *c, struct txn *t, bool commit)
{
    struct txn **pp;
    int rc = 0;

    for ( pp = &c->txns; *pp; pp = &(*pp)->next )
        if ( *pp == t )
        {
            *pp = t->next;
            c->ntxns--;
            break;
        }
    if ( commit )
        rc = txn_commit(c, t);
    txn_free(t);
    return rc;
}

void txn_end_all(struct conn *c)
{
    while ( c->txns )
        txn_end(c, c->txns, false);
}
