/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copying through a guest's console page (public/io/console.h) without
 * trusting it: the guest may rewrite any index at any moment, so each call
 * reads each index once and touches no byte outside the two rings.
 */
#ifndef CONSOLED_RING_H
#define CONSOLED_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/io/console.h>

/*
 * Take up to @len bytes of guest output into @buf and hand the space back
 * to the guest; the bytes taken.  Indices further apart than the ring
 * set *@insane: what lies between them is dropped (out_cons jumps to
 * out_prod) so that a confused guest recovers with its next byte.
 */
size_t consd_ring_read(struct xencons_interface *r, char *buf, size_t len,
                       bool *insane);

/* Whether guest output waits (false too when the indices are insane). */
bool consd_ring_has_output(const struct xencons_interface *r);

/* Room for input now; insane indices count as an empty ring. */
size_t consd_ring_room(const struct xencons_interface *r, bool *insane);

/*
 * Give the guest up to @len bytes of input; the bytes given.  Insane
 * indices set *@insane and restart the ring empty at the guest's in_cons.
 */
size_t consd_ring_write(struct xencons_interface *r, const char *buf,
                        size_t len, bool *insane);

#endif /* CONSOLED_RING_H */
