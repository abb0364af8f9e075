/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PV console page: two byte rings, input (to the guest) and output (from
 * the guest), at start_info.console.domU.mfn, signalled through
 * start_info.console.domU.evtchn.
 */
#ifndef __XEN_PUBLIC_IO_CONSOLE_H__
#define __XEN_PUBLIC_IO_CONSOLE_H__

typedef uint32_t XENCONS_RING_IDX;

/* Indices run freely; mask them by the (power-of-two) ring size. */
#define MASK_XENCONS_IDX(idx, ring) ((idx) & (sizeof(ring) - 1))

struct xencons_interface {
    char in[1024];                      /* backend writes, guest reads */
    char out[2048];                     /* guest writes, backend reads */
    XENCONS_RING_IDX in_cons, in_prod;
    XENCONS_RING_IDX out_cons, out_prod;
};

#endif /* __XEN_PUBLIC_IO_CONSOLE_H__ */
