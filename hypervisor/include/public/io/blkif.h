/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block device protocol between blkfront and blkback.
 *
 * Negotiated through xenstore: the backend offers "sectors", "info",
 * "sector-size", "feature-flush-cache", "feature-barrier",
 * "feature-discard", "feature-persistent", "feature-max-indirect-segments",
 * "max-ring-page-order"; the frontend answers with "ring-ref" (or
 * "ring-ref%u" with "ring-page-order"), "event-channel", "protocol" and
 * "feature-persistent".  Sectors are always 512 bytes in requests.
 */
#ifndef __XEN_PUBLIC_IO_BLKIF_H__
#define __XEN_PUBLIC_IO_BLKIF_H__

#include "ring.h"
#include "../grant_table.h"

#ifndef blkif_vdev_t
#define blkif_vdev_t   uint16_t
#endif
#define blkif_sector_t uint64_t

#define BLKIF_OP_READ            0
#define BLKIF_OP_WRITE           1
#define BLKIF_OP_WRITE_BARRIER   2 /* needs "feature-barrier" */
#define BLKIF_OP_FLUSH_DISKCACHE 3 /* needs "feature-flush-cache" */
#define BLKIF_OP_RESERVED_1      4
#define BLKIF_OP_DISCARD         5 /* needs "feature-discard" */
#define BLKIF_OP_INDIRECT        6 /* segments listed in granted pages */

/* Segments a direct request can carry. */
#define BLKIF_MAX_SEGMENTS_PER_REQUEST 11

/* Granted pages of segments an indirect request may name. */
#define BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST 8

/* One granted page and the sectors of it to transfer (inclusive). */
struct blkif_request_segment {
    grant_ref_t gref;
    uint8_t     first_sect, last_sect;
};

struct blkif_request {
    uint8_t        operation;   /* BLKIF_OP_* */
    uint8_t        nr_segments; /* 0 only for a flush or barrier */
    blkif_vdev_t   handle;      /* virtual device ("virtual-device") */
    uint64_t       id;          /* echoed in the response */
    blkif_sector_t sector_number; /* start sector on the device */
    struct blkif_request_segment seg[BLKIF_MAX_SEGMENTS_PER_REQUEST];
};
typedef struct blkif_request blkif_request_t;

struct blkif_request_discard {
    uint8_t        operation;   /* BLKIF_OP_DISCARD */
    uint8_t        flag;        /* BLKIF_DISCARD_* */
#define BLKIF_DISCARD_SECURE (1 << 0)
    blkif_vdev_t   handle;
    uint64_t       id;
    blkif_sector_t sector_number;
    uint64_t       nr_sectors;
};
typedef struct blkif_request_discard blkif_request_discard_t;

struct blkif_request_indirect {
    uint8_t        operation;   /* BLKIF_OP_INDIRECT */
    uint8_t        indirect_op; /* BLKIF_OP_READ or BLKIF_OP_WRITE */
    uint16_t       nr_segments; /* total, spread over the pages */
    uint64_t       id;
    blkif_sector_t sector_number;
    blkif_vdev_t   handle;
    /* Pages holding arrays of struct blkif_request_segment. */
    grant_ref_t    indirect_grefs[BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST];
};
typedef struct blkif_request_indirect blkif_request_indirect_t;

struct blkif_response {
    uint64_t id;                /* from the request */
    uint8_t  operation;         /* from the request */
    int16_t  status;            /* BLKIF_RSP_* */
};
typedef struct blkif_response blkif_response_t;

#define BLKIF_RSP_EOPNOTSUPP  -2
#define BLKIF_RSP_ERROR       -1
#define BLKIF_RSP_OKAY         0

DEFINE_RING_TYPES(blkif, struct blkif_request, struct blkif_response);

/* Bits of the backend's "info" node. */
#define VDISK_CDROM        0x1
#define VDISK_REMOVABLE    0x2
#define VDISK_READONLY     0x4

#endif /* __XEN_PUBLIC_IO_BLKIF_H__ */
