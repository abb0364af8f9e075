/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libctl's insides: the handle, error recording, hypercall-safe buffers
 * and the raw domctl/sysctl/memory_op calls.  Internal functions return
 * 0 (or a count) or a negative errno value; the public xc_* wrappers turn
 * that into -1 with errno and a recorded message.
 */
#ifndef LIBCTL_PRIVATE_H
#define LIBCTL_PRIVATE_H

#include <errno.h>
#include <stdarg.h>

#include "xenctrl.h"
#include "backend.h"

struct xc_interface_core
{
    const struct libctl_backend *be;
    void *priv;                 /* NULL for XC_OPENFLAG_DUMMY */
    xc_error last;
};

/* The backend xc_interface_open() and the device handles use. */
const struct libctl_backend *libctl_backend(void);
extern bool libctl_verbose;

/*
 * Record "message" as the last error (and print it when verbose), keep
 * errno as it was, and return -1.  xc_fail() also sets errno to -rc and
 * appends ": strerror(-rc)".
 */
int xc_report(xc_interface *xch, enum xc_error_code code, const char *fmt,
              ...) __attribute__((format(printf, 3, 4)));
int xc_fail(xc_interface *xch, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int xc_vfail(xc_interface *xch, int rc, const char *fmt, va_list ap);

/*
 * Hypercall-safe memory: whole pages from the backend.  A buffer starts
 * as { NULL, 0 }; freeing one never allocated is fine.
 */
struct xc_hbuf
{
    void *p;
    size_t npages;
};

void *xc_hbuf_alloc(xc_interface *xch, struct xc_hbuf *b, size_t bytes);
/* Allocate and fill with src[0..len). */
void *xc_hbuf_bounce(xc_interface *xch, struct xc_hbuf *b, const void *src,
                     size_t len);
void xc_hbuf_free(xc_interface *xch, struct xc_hbuf *b);

/* The hypercall's result or -errno (-ENODEV on a dummy handle). */
long xc_hypercall(xc_interface *xch, unsigned int op, uint64_t a0,
                  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4);

/*
 * domctl/sysctl with the interface version filled in; the structure is
 * bounced both ways.  0 or -errno; nothing recorded.
 */
int xc_do_domctl(xc_interface *xch, struct xen_domctl *d);
int xc_do_sysctl(xc_interface *xch, struct xen_sysctl *s);
/* memory_op on an argument of len bytes, bounced both ways. */
long xc_do_memory_op(xc_interface *xch, unsigned int cmd, void *arg,
                     size_t len);

/* A domctl for one domain, recording "what" on failure: 0 or -1. */
int xc_domctl_simple(xc_interface *xch, struct xen_domctl *d,
                     const char *what);

/* Set a guest handle inside a hypercall argument to hypercall memory. */
#define xc_set_handle(hnd, ptr) set_xen_guest_handle_raw(hnd, ptr)

#endif /* LIBCTL_PRIVATE_H */
