/* SPDX-License-Identifier: GPL-2.0-only */
/* Opening and closing the interface, error recording, hypercall-safe
 * buffers and the raw calls every other file goes through. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "libctl.h"
#include "private.h"

static const struct libctl_backend *chosen_backend;
bool libctl_verbose;

void libctl_set_backend(const struct libctl_backend *be)
{
    chosen_backend = be;
}

const struct libctl_backend *libctl_get_backend(void)
{
    return libctl_backend();
}

const struct libctl_backend *libctl_backend(void)
{
    return chosen_backend ? chosen_backend : &libctl_backend_linux;
}

void libctl_set_verbose(bool verbose)
{
    libctl_verbose = verbose;
}

xc_interface *xc_interface_open(xentoollog_logger *logger,
                                xentoollog_logger *dombuild_logger,
                                unsigned int open_flags)
{
    xc_interface *xch = NULL;
    int rc;

    if ( logger || dombuild_logger )
    {
        errno = EINVAL;
        goto out;
    }
    xch = calloc(1, sizeof(*xch));
    if ( !xch )
        goto out;
    xch->be = libctl_backend();
    if ( open_flags & XC_OPENFLAG_DUMMY )
        goto out;

    rc = xch->be->priv_open(&xch->priv);
    if ( rc < 0 )
    {
        if ( libctl_verbose )
            fprintf(stderr, "libctl: cannot open the hypervisor interface "
                    "(%s): %s\n", xch->be->name, strerror(-rc));
        free(xch);
        xch = NULL;
        errno = -rc;
    }
 out:
    return xch;
}

int xc_interface_close(xc_interface *xch)
{
    if ( !xch )
        return 0;
    if ( xch->priv )
        xch->be->priv_close(xch->priv);
    free(xch);
    return 0;
}

const char *xc_error_code_to_desc(int code)
{
    switch ( code )
    {
    case XC_ERROR_NONE:
        return "No error details";
    case XC_INTERNAL_ERROR:
        return "Internal error";
    case XC_INVALID_KERNEL:
        return "Invalid kernel";
    case XC_INVALID_PARAM:
        return "Invalid configuration";
    case XC_OUT_OF_MEMORY:
        return "Out of memory";
    }
    return "Unknown error code";
}

const char *xc_strerror(xc_interface *xch, int errcode)
{
    (void)xch;
    return strerror(errcode);
}

const xc_error *xc_get_last_error(xc_interface *xch)
{
    return &xch->last;
}

void xc_clear_last_error(xc_interface *xch)
{
    xch->last.code = XC_ERROR_NONE;
    xch->last.message[0] = '\0';
}

static void record(xc_interface *xch, enum xc_error_code code,
                   const char *fmt, va_list ap, int rc)
{
    size_t len;

    vsnprintf(xch->last.message, sizeof(xch->last.message), fmt, ap);
    len = strlen(xch->last.message);
    if ( rc && len < sizeof(xch->last.message) )
        snprintf(xch->last.message + len, sizeof(xch->last.message) - len,
                 ": %s", strerror(-rc));
    xch->last.code = code;
    if ( libctl_verbose )
        fprintf(stderr, "libctl: %s\n", xch->last.message);
}

int xc_report(xc_interface *xch, enum xc_error_code code, const char *fmt,
              ...)
{
    int saved = errno;
    va_list ap;

    va_start(ap, fmt);
    record(xch, code, fmt, ap, 0);
    va_end(ap);
    errno = saved;
    return -1;
}

int xc_vfail(xc_interface *xch, int rc, const char *fmt, va_list ap)
{
    if ( rc >= 0 )
        rc = -EINVAL;
    record(xch, rc == -ENOMEM ? XC_OUT_OF_MEMORY : XC_INTERNAL_ERROR, fmt,
           ap, rc);
    errno = -rc;
    return -1;
}

int xc_fail(xc_interface *xch, int rc, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    xc_vfail(xch, rc, fmt, ap);
    va_end(ap);
    return -1;
}

void *xc_hbuf_alloc(xc_interface *xch, struct xc_hbuf *b, size_t bytes)
{
    size_t npages = (bytes + XC_PAGE_SIZE - 1) >> XC_PAGE_SHIFT;

    b->p = NULL;
    b->npages = 0;
    if ( !xch->priv )
        return NULL;
    if ( !npages )
        npages = 1;
    b->p = xch->be->hbuf_alloc(xch->priv, npages);
    if ( b->p )
    {
        b->npages = npages;
        memset(b->p, 0, npages << XC_PAGE_SHIFT);
    }
    return b->p;
}

void *xc_hbuf_bounce(xc_interface *xch, struct xc_hbuf *b, const void *src,
                     size_t len)
{
    void *p = xc_hbuf_alloc(xch, b, len);

    if ( p && len )
        memcpy(p, src, len);
    return p;
}

void xc_hbuf_free(xc_interface *xch, struct xc_hbuf *b)
{
    if ( b->p )
        xch->be->hbuf_free(xch->priv, b->p, b->npages);
    b->p = NULL;
    b->npages = 0;
}

long xc_hypercall(xc_interface *xch, unsigned int op, uint64_t a0,
                  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4)
{
    const uint64_t arg[5] = { a0, a1, a2, a3, a4 };

    if ( !xch->priv )
        return -ENODEV;
    return xch->be->hypercall(xch->priv, op, arg);
}

int xc_do_domctl(xc_interface *xch, struct xen_domctl *d)
{
    struct xc_hbuf b;
    struct xen_domctl *h;
    long rc;

    d->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    h = xc_hbuf_bounce(xch, &b, d, sizeof(*d));
    if ( !h )
        return xch->priv ? -ENOMEM : -ENODEV;
    rc = xc_hypercall(xch, __HYPERVISOR_domctl, (uintptr_t)h, 0, 0, 0, 0);
    memcpy(d, h, sizeof(*d));
    xc_hbuf_free(xch, &b);
    return rc < 0 ? (int)rc : 0;
}

int xc_do_sysctl(xc_interface *xch, struct xen_sysctl *s)
{
    struct xc_hbuf b;
    struct xen_sysctl *h;
    long rc;

    s->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    h = xc_hbuf_bounce(xch, &b, s, sizeof(*s));
    if ( !h )
        return xch->priv ? -ENOMEM : -ENODEV;
    rc = xc_hypercall(xch, __HYPERVISOR_sysctl, (uintptr_t)h, 0, 0, 0, 0);
    memcpy(s, h, sizeof(*s));
    xc_hbuf_free(xch, &b);
    return rc < 0 ? (int)rc : 0;
}

long xc_do_memory_op(xc_interface *xch, unsigned int cmd, void *arg,
                     size_t len)
{
    struct xc_hbuf b = { NULL, 0 };
    void *h = NULL;
    long rc;

    if ( arg )
    {
        h = xc_hbuf_bounce(xch, &b, arg, len);
        if ( !h )
            return xch->priv ? -ENOMEM : -ENODEV;
    }
    rc = xc_hypercall(xch, __HYPERVISOR_memory_op, cmd, (uintptr_t)h, 0, 0,
                      0);
    if ( arg )
        memcpy(arg, h, len);
    xc_hbuf_free(xch, &b);
    return rc;
}

int xc_domctl_simple(xc_interface *xch, struct xen_domctl *d,
                     const char *what)
{
    int rc = xc_do_domctl(xch, d);

    if ( rc )
        return xc_fail(xch, rc, "%s of domain %u", what, d->domain);
    return 0;
}

int xc_domctl(xc_interface *xch, struct xen_domctl *domctl)
{
    int rc = xc_do_domctl(xch, domctl);

    if ( rc )
        return xc_fail(xch, rc, "domctl %u of domain %u", domctl->cmd,
                       domctl->domain);
    return 0;
}

int xc_sysctl(xc_interface *xch, struct xen_sysctl *sysctl)
{
    int rc = xc_do_sysctl(xch, sysctl);

    if ( rc )
        return xc_fail(xch, rc, "sysctl %u", sysctl->cmd);
    return 0;
}

long xc_memory_op(xc_interface *xch, unsigned int cmd, void *arg, size_t len)
{
    long rc = xc_do_memory_op(xch, cmd, arg, len);

    if ( rc < 0 )
        return xc_fail(xch, (int)rc, "memory_op %u", cmd);
    return rc;
}
