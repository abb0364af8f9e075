/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Drives the io/ring.h macros through a fixed script (ring sizes, batches
 * across the index wrap, notification decisions, event re-arming, a
 * misbehaving peer) and prints every observable value.  check-reference.sh
 * builds it against our headers and Xen's and requires identical output.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define xen_mb()  __sync_synchronize()
#define xen_rmb() __sync_synchronize()
#define xen_wmb() __sync_synchronize()

#include "abi-headers.h"

static union {
    netif_tx_sring_t sring;
    unsigned char page[4096];
} shared;

static void show(const char *step, const netif_tx_front_ring_t *f,
                 const netif_tx_back_ring_t *b)
{
    printf("%-12s req_prod=%u req_event=%u rsp_prod=%u rsp_event=%u "
           "f.pvt=%u f.cons=%u b.pvt=%u b.cons=%u free=%u full=%d "
           "reqs=%u rsps=%u\n", step,
           shared.sring.req_prod, shared.sring.req_event,
           shared.sring.rsp_prod, shared.sring.rsp_event,
           f->req_prod_pvt, f->rsp_cons, b->rsp_prod_pvt, b->req_cons,
           (unsigned int)RING_FREE_REQUESTS(f), (int)RING_FULL(f),
           (unsigned int)RING_HAS_UNCONSUMED_REQUESTS(b),
           (unsigned int)RING_HAS_UNCONSUMED_RESPONSES(f));
}

static void sizes(void)
{
    unsigned long bytes;

    for ( bytes = 128; bytes <= 65536; bytes <<= 1 )
        printf("size %lu: blkif %lu netif_tx %lu netif_rx %lu ctrl %lu\n",
               bytes,
               (unsigned long)__CONST_RING_SIZE(blkif, bytes),
               (unsigned long)__CONST_RING_SIZE(netif_tx, bytes),
               (unsigned long)__CONST_RING_SIZE(netif_rx, bytes),
               (unsigned long)__CONST_RING_SIZE(xen_netif_ctrl, bytes));
    printf("flex ring of order 1: %lu bytes\n",
           (unsigned long)XEN_FLEX_RING_SIZE(1));
}

int main(void)
{
    static const unsigned int batches[] = { 1, 3, 0, 17, 256, 5, 200, 40 };
    static const RING_IDX starts[] = { 0, 0xfffffff0u };
    netif_tx_front_ring_t front;
    netif_tx_back_ring_t back;
    unsigned int round, i, s;
    RING_IDX start;
    int notify, work;

    sizes();

    for ( s = 0; s < sizeof(starts) / sizeof(starts[0]); s++ )
    {
        start = starts[s];
        memset(&shared, 0x5a, sizeof(shared));
        SHARED_RING_INIT(&shared.sring);
        printf("init pvt=%u pad=%u\n", shared.sring.pvt.pvt_pad[0],
               shared.sring.__pad[43]);
        shared.sring.req_prod = shared.sring.rsp_prod = start;
        shared.sring.req_event = shared.sring.rsp_event = start + 1;
        FRONT_RING_ATTACH(&front, &shared.sring, start, sizeof(shared));
        BACK_RING_ATTACH(&back, &shared.sring, start, sizeof(shared));
        show("attach", &front, &back);

        for ( round = 0; round < sizeof(batches) / sizeof(batches[0]);
              round++ )
        {
            unsigned int n = batches[round];

            if ( n > RING_FREE_REQUESTS(&front) )
                n = RING_FREE_REQUESTS(&front);
            for ( i = 0; i < n; i++ )
            {
                netif_tx_request_t *r =
                    RING_GET_REQUEST(&front, front.req_prod_pvt);

                r->id = (uint16_t)(front.req_prod_pvt & 0xffff);
                r->size = (uint16_t)i;
                front.req_prod_pvt++;
            }
            RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&front, notify);
            printf("round %u: pushed %u notify=%d\n", round, n, notify);
            show("requests", &front, &back);

            /* The backend serves half, then the rest after re-arming. */
            for ( i = 0; i < n / 2; i++ )
            {
                netif_tx_request_t req;
                netif_tx_response_t *rsp;

                RING_COPY_REQUEST(&back, back.req_cons, &req);
                back.req_cons++;
                rsp = RING_GET_RESPONSE(&back, back.rsp_prod_pvt);
                rsp->id = req.id;
                rsp->status = NETIF_RSP_OKAY;
                back.rsp_prod_pvt++;
            }
            RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&back, notify);
            RING_FINAL_CHECK_FOR_REQUESTS(&back, work);
            printf("round %u: half notify=%d work=%d\n", round, notify,
                   work != 0);
            show("half", &front, &back);

            while ( RING_HAS_UNCONSUMED_REQUESTS(&back) )
            {
                netif_tx_response_t *rsp =
                    RING_GET_RESPONSE(&back, back.rsp_prod_pvt);

                rsp->id = RING_GET_REQUEST(&back, back.req_cons)->id;
                back.req_cons++;
                back.rsp_prod_pvt++;
            }
            RING_FINAL_CHECK_FOR_REQUESTS(&back, work);
            RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&back, notify);
            printf("round %u: rest notify=%d work=%d\n", round, notify,
                   work != 0);

            RING_FINAL_CHECK_FOR_RESPONSES(&front, work);
            front.rsp_cons = shared.sring.rsp_prod;
            RING_FINAL_CHECK_FOR_RESPONSES(&front, work);
            printf("round %u: front work=%d\n", round, work != 0);
            show("done", &front, &back);
        }

        /* A peer that moves its producer index far ahead. */
        shared.sring.req_prod = back.req_cons + 100000;
        printf("wild reqs=%u cons_over=%d req_over=%d rsp_over=%d\n",
               (unsigned int)RING_HAS_UNCONSUMED_REQUESTS(&back),
               (int)RING_REQUEST_CONS_OVERFLOW(&back, back.req_cons + 255),
               (int)RING_REQUEST_PROD_OVERFLOW(&back,
                                               shared.sring.req_prod),
               (int)RING_RESPONSE_PROD_OVERFLOW(&front,
                                                front.rsp_cons + 257));
    }
    return 0;
}
