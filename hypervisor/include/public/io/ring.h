/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared request/response rings for split drivers.  One page (or more)
 * holds a header and an array of slots; each slot is a request or its
 * response.  The frontend produces requests and consumes responses, the
 * backend the reverse; free-running 32-bit indices are masked by the
 * power-of-two slot count.  Event fields let each side ask to be notified
 * only when the other passes a given index.
 */
#ifndef __XEN_PUBLIC_IO_RING_H__
#define __XEN_PUBLIC_IO_RING_H__

/*
 * The includer supplies offsetof, memset and the barriers xen_mb(),
 * xen_rmb() and xen_wmb(); very old interface versions used the
 * kernel's own names.
 */
#include "../xen-compat.h"

#if __XEN_INTERFACE_VERSION__ < 0x00030208
#define xen_mb()  mb()
#define xen_rmb() rmb()
#define xen_wmb() wmb()
#endif

typedef unsigned int RING_IDX;

/*
 * Largest power of two not above x (x < 2^32, x > 0), as a constant
 * expression: smear the top bit down, then keep only that top bit.
 */
#define __XEN_RING_SMEAR1(x)  ((x) | ((x) >> 1))
#define __XEN_RING_SMEAR2(x)  (__XEN_RING_SMEAR1(x) | \
                               (__XEN_RING_SMEAR1(x) >> 2))
#define __XEN_RING_SMEAR4(x)  (__XEN_RING_SMEAR2(x) | \
                               (__XEN_RING_SMEAR2(x) >> 4))
#define __XEN_RING_SMEAR8(x)  (__XEN_RING_SMEAR4(x) | \
                               (__XEN_RING_SMEAR4(x) >> 8))
#define __XEN_RING_SMEAR16(x) (__XEN_RING_SMEAR8(x) | \
                               (__XEN_RING_SMEAR8(x) >> 16))
#define __XEN_RING_POW2(x) \
    (__XEN_RING_SMEAR16(x) - (__XEN_RING_SMEAR16(x) >> 1))

/* Slots of a ring of type _s in _sz bytes, as a constant expression. */
#define __CONST_RING_SIZE(_s, _sz)                                        \
    (__XEN_RING_POW2(((_sz) - offsetof(struct _s ## _sring, ring)) /     \
                     sizeof(((struct _s ## _sring *)0)->ring[0])))

/* Slots of the ring whose shared page starts at _s, given its size. */
#define __RING_SIZE(_s, _sz)                                              \
    (__XEN_RING_POW2(((_sz) - (long)(_s)->ring + (long)(_s)) /           \
                     sizeof((_s)->ring[0])))

/*
 * Declares, for ring name N with request type req and response type rsp:
 *   union N_sring_entry   one slot
 *   struct N_sring        the shared page: indices at 0, 4, 8 and 12,
 *                         private bytes, slots from offset 64
 *   struct N_front_ring   the frontend's private view
 *   struct N_back_ring    the backend's private view
 * and the _t typedefs of the last three.
 */
#define DEFINE_RING_TYPES(__name, __req_t, __rsp_t)                       \
                                                                          \
union __name ## _sring_entry {                                            \
    __req_t req;                                                          \
    __rsp_t rsp;                                                          \
};                                                                        \
                                                                          \
struct __name ## _sring {                                                 \
    RING_IDX req_prod, req_event;                                         \
    RING_IDX rsp_prod, rsp_event;                                         \
    union {                                                               \
        struct {                                                          \
            uint8_t smartpoll_active;                                     \
        } netif;                                                          \
        struct {                                                          \
            uint8_t msg;                                                  \
        } tapif_user;                                                     \
        uint8_t pvt_pad[4];                                               \
    } pvt;                                                                \
    uint8_t __pad[44];                                                    \
    union __name ## _sring_entry ring[1];                                 \
};                                                                        \
                                                                          \
struct __name ## _front_ring {                                            \
    RING_IDX req_prod_pvt;      /* requests made, not yet pushed */       \
    RING_IDX rsp_cons;          /* responses consumed */                  \
    unsigned int nr_ents;                                                 \
    struct __name ## _sring *sring;                                       \
};                                                                        \
                                                                          \
struct __name ## _back_ring {                                             \
    RING_IDX rsp_prod_pvt;      /* responses made, not yet pushed */      \
    RING_IDX req_cons;          /* requests consumed */                   \
    unsigned int nr_ents;                                                 \
    struct __name ## _sring *sring;                                       \
};                                                                        \
                                                                          \
typedef struct __name ## _sring __name ## _sring_t;                       \
typedef struct __name ## _front_ring __name ## _front_ring_t;             \
typedef struct __name ## _back_ring __name ## _back_ring_t

/* The frontend initialises the shared page before granting it. */
#define SHARED_RING_INIT(_s) do {                                         \
    (_s)->req_prod = 0;                                                   \
    (_s)->rsp_prod = 0;                                                   \
    (_s)->req_event = 1;                                                  \
    (_s)->rsp_event = 1;                                                  \
    (void)memset((_s)->pvt.pvt_pad, 0, sizeof((_s)->pvt.pvt_pad));        \
    (void)memset((_s)->__pad, 0, sizeof((_s)->__pad));                    \
} while ( 0 )

/* Attach a private view at index _i (nonzero when reconnecting). */
#define FRONT_RING_ATTACH(_r, _s, _i, __size) do {                        \
    (_r)->req_prod_pvt = (_i);                                            \
    (_r)->rsp_cons = (_i);                                                \
    (_r)->nr_ents = __RING_SIZE(_s, __size);                              \
    (_r)->sring = (_s);                                                   \
} while ( 0 )

#define FRONT_RING_INIT(_r, _s, __size) FRONT_RING_ATTACH(_r, _s, 0, __size)

#define XEN_FRONT_RING_INIT(r, s, size) do {                              \
    SHARED_RING_INIT(s);                                                  \
    FRONT_RING_INIT(r, s, size);                                          \
} while ( 0 )

#define BACK_RING_ATTACH(_r, _s, _i, __size) do {                         \
    (_r)->rsp_prod_pvt = (_i);                                            \
    (_r)->req_cons = (_i);                                                \
    (_r)->nr_ents = __RING_SIZE(_s, __size);                              \
    (_r)->sring = (_s);                                                   \
} while ( 0 )

#define BACK_RING_INIT(_r, _s, __size) BACK_RING_ATTACH(_r, _s, 0, __size)

#define RING_SIZE(_r) ((_r)->nr_ents)

/* Slots the frontend may still fill: those not awaiting a response. */
#define RING_FREE_REQUESTS(_r) \
    (RING_SIZE(_r) - ((_r)->req_prod_pvt - (_r)->rsp_cons))

#define RING_FULL(_r) (RING_FREE_REQUESTS(_r) == 0)

#define XEN_RING_NR_UNCONSUMED_RESPONSES(_r) \
    ((_r)->sring->rsp_prod - (_r)->rsp_cons)

/*
 * Requests the backend may take: never more than the slots it has not
 * yet answered, however far a misbehaving frontend moved req_prod.
 */
#define __XEN_RING_REQS_SEEN(_r) ((_r)->sring->req_prod - (_r)->req_cons)
#define __XEN_RING_REQS_ROOM(_r) \
    (RING_SIZE(_r) - ((_r)->req_cons - (_r)->rsp_prod_pvt))
#ifdef __GNUC__
/* Reads req_prod once: the frontend may move it between two reads. */
#define XEN_RING_NR_UNCONSUMED_REQUESTS(_r) ({                            \
    unsigned int __seen = __XEN_RING_REQS_SEEN(_r);                       \
    unsigned int __room = __XEN_RING_REQS_ROOM(_r);                       \
    __seen < __room ? __seen : __room;                                    \
})
#else
#define XEN_RING_NR_UNCONSUMED_REQUESTS(_r)                               \
    (__XEN_RING_REQS_SEEN(_r) < __XEN_RING_REQS_ROOM(_r) ?                \
     __XEN_RING_REQS_SEEN(_r) : __XEN_RING_REQS_ROOM(_r))
#endif

#ifdef XEN_RING_HAS_UNCONSUMED_IS_BOOL
#define RING_HAS_UNCONSUMED_RESPONSES(_r) \
    (!!XEN_RING_NR_UNCONSUMED_RESPONSES(_r))
#define RING_HAS_UNCONSUMED_REQUESTS(_r) \
    (!!XEN_RING_NR_UNCONSUMED_REQUESTS(_r))
#else
#define RING_HAS_UNCONSUMED_RESPONSES(_r) XEN_RING_NR_UNCONSUMED_RESPONSES(_r)
#define RING_HAS_UNCONSUMED_REQUESTS(_r)  XEN_RING_NR_UNCONSUMED_REQUESTS(_r)
#endif

#define RING_GET_REQUEST(_r, _idx) \
    (&((_r)->sring->ring[(_idx) & (RING_SIZE(_r) - 1)].req))
#define RING_GET_RESPONSE(_r, _idx) \
    (&((_r)->sring->ring[(_idx) & (RING_SIZE(_r) - 1)].rsp))

/*
 * Copy a slot out of shared memory through a volatile pointer, so each
 * field is read exactly once and the other side cannot change what was
 * validated after validation.
 */
#define RING_COPY_(type, r, idx, dest) do {                               \
    *(dest) = *(volatile __typeof__(dest))RING_GET_ ## type(r, idx);      \
} while ( 0 )
#define RING_COPY_REQUEST(r, idx, req)  RING_COPY_(REQUEST, r, idx, req)
#define RING_COPY_RESPONSE(r, idx, rsp) RING_COPY_(RESPONSE, r, idx, rsp)

/* Sanity checks against a peer that moves indices too far. */
#define RING_REQUEST_CONS_OVERFLOW(_r, _cons) \
    (((_cons) - (_r)->rsp_prod_pvt) >= RING_SIZE(_r))
#define RING_REQUEST_PROD_OVERFLOW(_r, _prod) \
    (((_prod) - (_r)->rsp_prod_pvt) > RING_SIZE(_r))
#define RING_RESPONSE_PROD_OVERFLOW(_r, _prod) \
    (((_prod) - (_r)->rsp_cons) > RING_SIZE(_r))

/* Slot contents must be visible before the index that publishes them. */
#define RING_PUSH_REQUESTS(_r) do {                                       \
    xen_wmb();                                                            \
    (_r)->sring->req_prod = (_r)->req_prod_pvt;                           \
} while ( 0 )

#define RING_PUSH_RESPONSES(_r) do {                                      \
    xen_wmb();                                                            \
    (_r)->sring->rsp_prod = (_r)->rsp_prod_pvt;                           \
} while ( 0 )

/*
 * Publish and decide whether the peer needs an event: only if the index
 * it asked to hear about lies within (old, new].  The full barrier orders
 * our index write before our read of the peer's event index.
 */
#define __XEN_RING_PASSED(_new, _old, _event) \
    ((RING_IDX)((_new) - (_event)) < (RING_IDX)((_new) - (_old)))

#define RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(_r, _notify) do {             \
    RING_IDX __prev = (_r)->sring->req_prod;                              \
    RING_IDX __next = (_r)->req_prod_pvt;                                 \
    xen_wmb();                                                            \
    (_r)->sring->req_prod = __next;                                       \
    xen_mb();                                                             \
    (_notify) = __XEN_RING_PASSED(__next, __prev,                         \
                                  (_r)->sring->req_event);                \
} while ( 0 )

#define RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(_r, _notify) do {            \
    RING_IDX __prev = (_r)->sring->rsp_prod;                              \
    RING_IDX __next = (_r)->rsp_prod_pvt;                                 \
    xen_wmb();                                                            \
    (_r)->sring->rsp_prod = __next;                                       \
    xen_mb();                                                             \
    (_notify) = __XEN_RING_PASSED(__next, __prev,                         \
                                  (_r)->sring->rsp_event);                \
} while ( 0 )

/*
 * Before sleeping: if nothing is pending, ask for an event on the next
 * item, then look once more so an item that raced in is not missed.
 */
#define RING_FINAL_CHECK_FOR_REQUESTS(_r, _work_to_do) do {               \
    (_work_to_do) = RING_HAS_UNCONSUMED_REQUESTS(_r);                     \
    if ( _work_to_do )                                                    \
        break;                                                            \
    (_r)->sring->req_event = (_r)->req_cons + 1;                          \
    xen_mb();                                                             \
    (_work_to_do) = RING_HAS_UNCONSUMED_REQUESTS(_r);                     \
} while ( 0 )

#define RING_FINAL_CHECK_FOR_RESPONSES(_r, _work_to_do) do {              \
    (_work_to_do) = RING_HAS_UNCONSUMED_RESPONSES(_r);                    \
    if ( _work_to_do )                                                    \
        break;                                                            \
    (_r)->sring->rsp_event = (_r)->rsp_cons + 1;                          \
    xen_mb();                                                             \
    (_work_to_do) = RING_HAS_UNCONSUMED_RESPONSES(_r);                    \
} while ( 0 )

/* Byte rings of 2^order pages split in two directions (order >= 1). */
#ifndef XEN_PAGE_SHIFT
#define XEN_PAGE_SHIFT 12
#endif
#define XEN_FLEX_RING_SIZE(order) \
    (1UL << ((order) + XEN_PAGE_SHIFT - 1))

#endif /* __XEN_PUBLIC_IO_RING_H__ */
