/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Asserts that our public headers give Xen 4.17's x86-64 layouts (every
 * size and offset in layout.tab) and key constants, and that the ring
 * macros behave.  Built twice: as the tools see the headers
 * (__XEN_TOOLS__) and as a guest does (latest interface version).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The ring macros leave the barriers to the includer. */
#define xen_mb()  __sync_synchronize()
#define xen_rmb() __sync_synchronize()
#define xen_wmb() __sync_synchronize()

#include "abi-headers.h"

static unsigned int checks, failures;

static void check(const char *what, const char *type, const char *field,
                  unsigned long got, unsigned long want)
{
    checks++;
    if ( got == want )
        return;
    failures++;
    printf("FAIL: %s%s%s: %s is %lu, Xen 4.17 has %lu\n", type,
           field ? "." : "", field ? field : "", what, got, want);
}

#define LAYOUT_SIZE(type, expected) \
    check("size", #type, NULL, sizeof(type), expected);
#define LAYOUT_FIELD(type, field, expected) \
    check("offset", #type, #field, offsetof(type, field), expected);

#define CHECK_VALUE(name, want) \
    check("value", #name, NULL, (unsigned long)(name), want)

static void check_layouts(void)
{
#include "layout-probes.h"
}

static void check_constants(void)
{
    CHECK_VALUE(__XEN_LATEST_INTERFACE_VERSION__, 0x00040e00);
    CHECK_VALUE(__XEN_INTERFACE_VERSION__, 0x00040e00);
#if defined(__XEN_TOOLS__)
    CHECK_VALUE(XEN_DOMCTL_INTERFACE_VERSION, 0x15);
    CHECK_VALUE(XEN_SYSCTL_INTERFACE_VERSION, 0x15);
    CHECK_VALUE(XEN_DOMCTL_createdomain, 1);
    CHECK_VALUE(XEN_DOMCTL_getdomaininfo, 5);
    CHECK_VALUE(XEN_SYSCTL_getdomaininfolist, 6);
#endif
    CHECK_VALUE(__HYPERVISOR_set_trap_table, 0);
    CHECK_VALUE(__HYPERVISOR_mmu_update, 1);
    CHECK_VALUE(__HYPERVISOR_iret, 23);
    CHECK_VALUE(__HYPERVISOR_sched_op, 29);
    CHECK_VALUE(__HYPERVISOR_event_channel_op, 32);
    CHECK_VALUE(__HYPERVISOR_physdev_op, 33);
    CHECK_VALUE(__HYPERVISOR_domctl, 36);
    CHECK_VALUE(__HYPERVISOR_hypfs_op, 42);
    CHECK_VALUE(FLAT_KERNEL_CS, 0xe033);
    CHECK_VALUE(FLAT_KERNEL_SS, 0xe02b);
    CHECK_VALUE(FLAT_USER_CS32, 0xe023);
    CHECK_VALUE(HYPERVISOR_VIRT_START, 0xFFFF800000000000UL);
    CHECK_VALUE(HYPERVISOR_VIRT_END, 0xFFFF880000000000UL);
    CHECK_VALUE(MACH2PHYS_VIRT_END, 0xFFFF804000000000UL);
    CHECK_VALUE(XEN_LEGACY_MAX_VCPUS, 32);
    CHECK_VALUE(NR_VIRQS, 24);
    CHECK_VALUE(EVTCHN_2L_NR_CHANNELS, 4096);
    CHECK_VALUE(DOMID_SELF, 0x7FF0);
    CHECK_VALUE(DOMID_INVALID, 0x7FF4);
    CHECK_VALUE(VMASST_TYPE_writable_pagetables, 2);
    CHECK_VALUE(SIF_MOD_START_PFN, 8);
    CHECK_VALUE(XEN_ELFNOTE_PHYS32_ENTRY, 18);
    CHECK_VALUE(XENFEAT_dom0, 11);
    CHECK_VALUE(XEN_CPUID_SIGNATURE_EBX, 0x566e6558);
    CHECK_VALUE(GNTST_eagain, (unsigned long)-12);
    CHECK_VALUE(XENSTORE_PAYLOAD_MAX, 4096);
    CHECK_VALUE(XS_RESET_WATCHES, 21);
    CHECK_VALUE(XS_DIRECTORY_PART, 22);
    CHECK_VALUE(XenbusStateReconfigured, 8);
    CHECK_VALUE(XEN_EINVAL, 22);
    CHECK_VALUE(XEN_ECONNREFUSED, 111);

    /* Slots per page: the largest power of two that fits after 64 bytes. */
    CHECK_VALUE(__CONST_RING_SIZE(blkif, 4096), 32);
    CHECK_VALUE(__CONST_RING_SIZE(netif_tx, 4096), 256);
    CHECK_VALUE(__CONST_RING_SIZE(netif_rx, 4096), 256);
    CHECK_VALUE(__CONST_RING_SIZE(xen_netif_ctrl, 4096), 128);
    CHECK_VALUE(__CONST_RING_SIZE(blkif, 4096 << 4), 512);
}

/* A frontend and a backend sharing one page, starting near index wrap. */
static void check_ring(void)
{
    static union {
        blkif_sring_t sring;
        unsigned char page[4096];
    } shared;
    blkif_front_ring_t front;
    blkif_back_ring_t back;
    const RING_IDX start = 0xfffffff0u;
    blkif_request_t req;
    blkif_response_t *rsp;
    unsigned int i;
    int notify, more;

    memset(&shared, 0xa5, sizeof(shared));
    SHARED_RING_INIT(&shared.sring);
    check("value", "sring.req_event", NULL, shared.sring.req_event, 1);
    check("value", "sring.__pad[0]", NULL, shared.sring.__pad[0], 0);

    shared.sring.req_prod = shared.sring.rsp_prod = start;
    shared.sring.req_event = shared.sring.rsp_event = start + 1;
    FRONT_RING_ATTACH(&front, &shared.sring, start, sizeof(shared));
    BACK_RING_ATTACH(&back, &shared.sring, start, sizeof(shared));
    check("value", "RING_SIZE", NULL, RING_SIZE(&front), 32);

    /* Fill the ring across the index wrap; the backend must be told. */
    for ( i = 0; i < 32; i++ )
    {
        blkif_request_t *r = RING_GET_REQUEST(&front, front.req_prod_pvt);

        r->id = i;
        front.req_prod_pvt++;
    }
    check("value", "RING_FULL", NULL, RING_FULL(&front), 1);
    RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&front, notify);
    check("value", "notify after first push", NULL, notify, 1);

    /* A second push with no new event request must stay silent. */
    RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&front, notify);
    check("value", "notify on empty push", NULL, notify, 0);

    check("value", "unconsumed requests", NULL,
          RING_HAS_UNCONSUMED_REQUESTS(&back), 32);
    for ( i = 0; i < 32; i++ )
    {
        RING_COPY_REQUEST(&back, back.req_cons, &req);
        back.req_cons++;
        check("value", "request id", NULL, req.id, i);
        rsp = RING_GET_RESPONSE(&back, back.rsp_prod_pvt);
        rsp->id = req.id;
        rsp->status = BLKIF_RSP_OKAY;
        back.rsp_prod_pvt++;
    }
    RING_FINAL_CHECK_FOR_REQUESTS(&back, more);
    check("value", "backend work left", NULL, more, 0);
    check("value", "req_event re-armed", NULL, shared.sring.req_event,
          start + 33);

    RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&back, notify);
    check("value", "notify frontend", NULL, notify, 1);
    check("value", "unconsumed responses", NULL,
          RING_HAS_UNCONSUMED_RESPONSES(&front), 32);
    front.rsp_cons += 32;
    check("value", "free after responses", NULL,
          RING_FREE_REQUESTS(&front), 32);

    /* A frontend claiming too many requests is clamped to the ring. */
    shared.sring.req_prod = back.req_cons + 1000;
    check("value", "clamped requests", NULL,
          RING_HAS_UNCONSUMED_REQUESTS(&back), 32);
    check("value", "cons overflow", NULL,
          RING_REQUEST_CONS_OVERFLOW(&back, back.req_cons + 32), 1);
}

int main(void)
{
    check_layouts();
    check_constants();
    check_ring();
    printf("%u checks, %u failed (%s view)\n", checks, failures,
#if defined(__XEN_TOOLS__)
           "tools"
#else
           "guest"
#endif
          );
    return failures ? 1 : 0;
}
