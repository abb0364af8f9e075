/* SPDX-License-Identifier: GPL-2.0-only */
/* Node permissions: checks, and the "n0" "r1" "w2" "b3" strings. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perms.h"

static bool perm_names(const struct perm *p, const struct who *w)
{
    return p->domid == w->domid || (w->has_target && p->domid == w->target);
}

unsigned int perms_access(const struct perms *perms, const struct who *w)
{
    unsigned int i;

    /*
     * The owner and the privileged may do anything; a domain that acts
     * for another (a device model) inherits that domain's rights.
     */
    if ( w->privileged || perm_names(&perms->p[0], w) )
        return PERM_BOTH | PERM_OWNER;

    for ( i = 1; i < perms->num; i++ )
        if ( perm_names(&perms->p[i], w) )
            return perms->p[i].access;

    return perms->p[0].access;
}

static int perm_parse_one(struct perm *p, const char *s)
{
    unsigned long id;
    char *end;

    switch ( s[0] )
    {
    case 'n': p->access = PERM_NONE; break;
    case 'r': p->access = PERM_READ; break;
    case 'w': p->access = PERM_WRITE; break;
    case 'b': p->access = PERM_BOTH; break;
    default:
        return EINVAL;
    }
    /* Decimal only: a sign, a space or a prefix is a client's mistake. */
    if ( s[1] < '0' || s[1] > '9' )
        return EINVAL;
    errno = 0;
    id = strtoul(s + 1, &end, 10);
    if ( *end || errno || id > PERM_DOMID_MAX )
        return EINVAL;
    p->domid = id;
    return 0;
}

int perms_parse(struct perms *out, const char *buf, size_t len,
                unsigned int count)
{
    size_t off = 0;
    unsigned int i;
    int rc;

    out->num = 0;
    out->p = NULL;
    if ( !count )
        return EINVAL;
    out->p = calloc(count, sizeof(*out->p));
    if ( !out->p )
        return ENOMEM;
    for ( i = 0; i < count; i++ )
    {
        const char *s = buf + off;
        const char *nul = off < len ? memchr(s, '\0', len - off) : NULL;

        if ( !nul )
        {
            rc = EINVAL;
            goto fail;
        }
        rc = perm_parse_one(&out->p[i], s);
        if ( rc )
            goto fail;
        off += nul - s + 1;
    }
    out->num = count;
    return 0;

 fail:
    free(out->p);
    out->p = NULL;
    return rc;
}

size_t perms_format(const struct perms *perms, char *buf, size_t size)
{
    static const char letter[] = { 'n', 'r', 'w', 'b' };
    size_t used = 0;
    unsigned int i;

    for ( i = 0; i < perms->num; i++ )
    {
        char one[16];
        int n = snprintf(one, sizeof(one), "%c%u",
                         letter[perms->p[i].access & PERM_BOTH],
                         perms->p[i].domid);

        if ( used + n + 1 <= size )
            memcpy(buf + used, one, n + 1);
        used += n + 1;
    }
    return used;
}

int perms_dup(struct perms *dst, const struct perms *src)
{
    dst->p = malloc(src->num * sizeof(*src->p));
    if ( !dst->p )
    {
        dst->num = 0;
        return ENOMEM;
    }
    memcpy(dst->p, src->p, src->num * sizeof(*src->p));
    dst->num = src->num;
    return 0;
}

void perms_release(struct perms *perms)
{
    free(perms->p);
    perms->p = NULL;
    perms->num = 0;
}

bool perms_equal(const struct perms *a, const struct perms *b)
{
    return a->num == b->num &&
           !memcmp(a->p, b->p, a->num * sizeof(*a->p));
}
