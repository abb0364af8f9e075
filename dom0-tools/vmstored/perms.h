/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Node permissions: a list of (domain, access) pairs whose first entry
 * names the owner and gives everyone else's default access.
 */
#ifndef VMSTORED_PERMS_H
#define VMSTORED_PERMS_H

#include <stdbool.h>
#include <stddef.h>

#define PERM_NONE  0U
#define PERM_READ  1U
#define PERM_WRITE 2U
#define PERM_BOTH  (PERM_READ | PERM_WRITE)
/* Never on the wire: what owners and the privileged get besides r/w. */
#define PERM_OWNER 4U

/* Largest domain id a permission string may carry. */
#define PERM_DOMID_MAX 0xFFFFU

struct perm
{
    unsigned int domid;
    unsigned int access;            /* PERM_NONE, _READ, _WRITE, _BOTH */
};

struct perms
{
    unsigned int num;               /* at least 1 in a node */
    struct perm *p;                 /* p[0]: owner and default access */
};

/* Who asks: a connection's identity as permission checks see it. */
struct who
{
    unsigned int domid;
    bool privileged;                /* dom0 and local sockets */
    bool has_target;                /* SET_TARGET made it act for... */
    unsigned int target;            /* ...this domain */
};

/* The access 'w' has to a node with these permissions (PERM_* bits). */
unsigned int perms_access(const struct perms *perms, const struct who *w);

/*
 * Parse 'count' NUL-terminated strings such as "b0" "r5" from 'buf'
 * (len bytes).  Returns 0 or EINVAL (a bad letter or domain id) or ENOMEM.
 */
int perms_parse(struct perms *out, const char *buf, size_t len,
                unsigned int count);

/*
 * Write the permissions as NUL-terminated strings; returns the bytes
 * needed (the output is complete only if that is at most 'size').
 */
size_t perms_format(const struct perms *perms, char *buf, size_t size);

int perms_dup(struct perms *dst, const struct perms *src);
void perms_release(struct perms *perms);
bool perms_equal(const struct perms *a, const struct perms *b);

#endif /* VMSTORED_PERMS_H */
