/* SPDX-License-Identifier: GPL-2.0-only */
/* The store's tree of nodes: lookup, creation, removal, copies. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

/* Xen's record header: generation, permission count, value and child
 * lengths; each permission entry takes 8 bytes. */
#define RECORD_HEADER 24
#define RECORD_PERM   8

static struct owner_count *owner_slot(struct tree *t, unsigned int domid,
                                      bool create)
{
    unsigned int i;

    for ( i = 0; i < t->nowned; i++ )
        if ( t->owned[i].domid == domid )
            return &t->owned[i];
    if ( !create )
        return NULL;
    if ( t->nowned == t->owned_cap )
    {
        unsigned int cap = t->owned_cap ? t->owned_cap * 2 : 8;
        struct owner_count *o = realloc(t->owned, cap * sizeof(*o));

        if ( !o )
            return NULL;
        t->owned = o;
        t->owned_cap = cap;
    }
    t->owned[t->nowned].domid = domid;
    t->owned[t->nowned].nodes = 0;
    return &t->owned[t->nowned++];
}

static int owner_add(struct tree *t, unsigned int domid)
{
    struct owner_count *o = owner_slot(t, domid, true);

    if ( !o )
        return ENOMEM;
    o->nodes++;
    return 0;
}

static void owner_drop(struct tree *t, unsigned int domid)
{
    struct owner_count *o = owner_slot(t, domid, false);

    if ( o && o->nodes )
        o->nodes--;
}

unsigned int tree_owned(const struct tree *t, unsigned int domid)
{
    unsigned int i;

    for ( i = 0; i < t->nowned; i++ )
        if ( t->owned[i].domid == domid )
            return t->owned[i].nodes;
    return 0;
}

void node_touch(struct tree *t, struct node *n)
{
    n->gen = ++*t->gen;
}

static void node_free(struct node *n)
{
    free(n->name);
    free(n->kids);
    free(n->value);
    perms_release(&n->perms);
    free(n);
}

static struct node *node_new(const char *leaf, size_t leaflen,
                             const struct perms *perms)
{
    struct node *n = calloc(1, sizeof(*n));

    if ( !n )
        return NULL;
    n->name = strndup(leaf, leaflen);
    if ( !n->name || perms_dup(&n->perms, perms) )
    {
        node_free(n);
        return NULL;
    }
    return n;
}

static int kids_append(struct node *parent, struct node *kid)
{
    if ( parent->nkids == parent->kids_cap )
    {
        unsigned int cap = parent->kids_cap ? parent->kids_cap * 2 : 4;
        struct node **k = realloc(parent->kids, cap * sizeof(*k));

        if ( !k )
            return ENOMEM;
        parent->kids = k;
        parent->kids_cap = cap;
    }
    parent->kids[parent->nkids++] = kid;
    kid->parent = parent;
    return 0;
}

int tree_init(struct tree *t, uint64_t *gen)
{
    struct perm dom0_only = { .domid = 0, .access = PERM_NONE };
    struct perms p = { .num = 1, .p = &dom0_only };

    memset(t, 0, sizeof(*t));
    t->gen = gen;
    t->root = node_new("", 0, &p);
    if ( !t->root || owner_add(t, 0) )
    {
        tree_free(t);
        return ENOMEM;
    }
    node_touch(t, t->root);
    return 0;
}

static void subtree_free(struct node *n)
{
    unsigned int i;

    for ( i = 0; i < n->nkids; i++ )
        subtree_free(n->kids[i]);
    node_free(n);
}

void tree_free(struct tree *t)
{
    if ( t->root )
        subtree_free(t->root);
    free(t->owned);
    memset(t, 0, sizeof(*t));
}

static struct node *subtree_clone(const struct node *src)
{
    struct node *n = node_new(src->name, strlen(src->name), &src->perms);
    unsigned int i;

    if ( !n )
        return NULL;
    n->gen = src->gen;
    if ( src->len )
    {
        n->value = malloc(src->len);
        if ( !n->value )
            goto fail;
        memcpy(n->value, src->value, src->len);
        n->len = src->len;
    }
    if ( src->nkids )
    {
        n->kids = malloc(src->nkids * sizeof(*n->kids));
        if ( !n->kids )
            goto fail;
        n->kids_cap = src->nkids;
    }
    for ( i = 0; i < src->nkids; i++ )
    {
        struct node *kid = subtree_clone(src->kids[i]);

        if ( !kid )
            goto fail;
        n->kids[n->nkids++] = kid;
        kid->parent = n;
    }
    return n;

 fail:
    subtree_free(n);
    return NULL;
}

int tree_clone(struct tree *dst, const struct tree *src)
{
    memset(dst, 0, sizeof(*dst));
    dst->gen = src->gen;
    dst->root = subtree_clone(src->root);
    if ( src->nowned )
    {
        dst->owned = malloc(src->nowned * sizeof(*dst->owned));
        if ( dst->owned )
        {
            memcpy(dst->owned, src->owned,
                   src->nowned * sizeof(*dst->owned));
            dst->nowned = dst->owned_cap = src->nowned;
        }
    }
    if ( !dst->root || (src->nowned && !dst->owned) )
    {
        tree_free(dst);
        return ENOMEM;
    }
    return 0;
}

static struct node *kid_named(const struct node *n, const char *name,
                              size_t len)
{
    unsigned int i;

    for ( i = 0; i < n->nkids; i++ )
        if ( !strncmp(n->kids[i]->name, name, len) &&
             n->kids[i]->name[len] == '\0' )
            return n->kids[i];
    return NULL;
}

/* Walk path from the root; *rest is where the walk stopped. */
static struct node *walk(const struct tree *t, const char *path,
                         const char **rest)
{
    struct node *n = t->root;
    const char *p = path;

    while ( *p == '/' && p[1] )
    {
        const char *comp = p + 1;
        size_t len = strcspn(comp, "/");
        struct node *kid = kid_named(n, comp, len);

        if ( !kid )
            break;
        n = kid;
        p = comp + len;
    }
    *rest = p;
    return n;
}

struct node *tree_lookup(const struct tree *t, const char *path)
{
    const char *rest;
    struct node *n = walk(t, path, &rest);

    return *rest == '\0' || !strcmp(rest, "/") ? n : NULL;
}

struct node *tree_nearest(const struct tree *t, const char *path)
{
    const char *rest;

    return walk(t, path, &rest);
}

struct node *tree_add(struct tree *t, struct node *parent, const char *leaf,
                      const struct perms *perms)
{
    struct node *n = node_new(leaf, strlen(leaf), perms);

    if ( !n )
        return NULL;
    if ( kids_append(parent, n) || owner_add(t, perms->p[0].domid) )
    {
        if ( parent->nkids && parent->kids[parent->nkids - 1] == n )
            parent->nkids--;
        node_free(n);
        return NULL;
    }
    node_touch(t, n);
    node_touch(t, parent);
    return n;
}

static void subtree_remove(struct tree *t, struct node *n)
{
    unsigned int i;

    for ( i = 0; i < n->nkids; i++ )
        subtree_remove(t, n->kids[i]);
    owner_drop(t, n->perms.p[0].domid);
    node_free(n);
}

void tree_remove(struct tree *t, struct node *node)
{
    struct node *parent = node->parent;
    unsigned int i;

    for ( i = 0; i < parent->nkids; i++ )
        if ( parent->kids[i] == node )
            break;
    memmove(&parent->kids[i], &parent->kids[i + 1],
            (parent->nkids - i - 1) * sizeof(*parent->kids));
    parent->nkids--;
    subtree_remove(t, node);
    node_touch(t, parent);
}

int node_set_value(struct tree *t, struct node *n, const void *value,
                   unsigned int len)
{
    char *copy = NULL;

    if ( len )
    {
        copy = malloc(len);
        if ( !copy )
            return ENOMEM;
        memcpy(copy, value, len);
    }
    free(n->value);
    n->value = copy;
    n->len = len;
    node_touch(t, n);
    return 0;
}

int node_set_perms(struct tree *t, struct node *n, const struct perms *p)
{
    struct perms copy;

    if ( perms_dup(&copy, p) || owner_add(t, p->p[0].domid) )
    {
        perms_release(&copy);
        return ENOMEM;
    }
    owner_drop(t, n->perms.p[0].domid);
    perms_release(&n->perms);
    n->perms = copy;
    node_touch(t, n);
    return 0;
}

size_t node_path(const struct node *n, char *buf, size_t size)
{
    size_t len = 0, pos;
    const struct node *i;

    if ( !n->parent )
    {
        if ( size >= 2 )
            strcpy(buf, "/");
        return 1;
    }
    for ( i = n; i->parent; i = i->parent )
        len += 1 + strlen(i->name);
    if ( len < size )
    {
        buf[len] = '\0';
        pos = len;
        for ( i = n; i->parent; i = i->parent )
        {
            size_t l = strlen(i->name);

            pos -= l;
            memcpy(buf + pos, i->name, l);
            buf[--pos] = '/';
        }
    }
    return len;
}

char *node_path_dup(const struct node *n)
{
    size_t len = node_path(n, NULL, 0);
    char *s = malloc(len + 1);

    if ( s )
        node_path(n, s, len + 1);
    return s;
}

size_t node_children(const struct node *n, char *buf, size_t size)
{
    size_t used = 0;
    unsigned int i;

    for ( i = 0; i < n->nkids; i++ )
    {
        size_t l = strlen(n->kids[i]->name) + 1;

        if ( used + l <= size )
            memcpy(buf + used, n->kids[i]->name, l);
        used += l;
    }
    return used;
}

size_t node_record_size(const struct node *n)
{
    return RECORD_HEADER + n->perms.num * RECORD_PERM + n->len +
           node_children(n, NULL, 0);
}
