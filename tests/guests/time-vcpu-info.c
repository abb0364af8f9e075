/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VCPUOP_register_vcpu_info: the VCPU's vcpu_info moves out of shared_info
 * into a page of ours, keeping its contents, with every event marked
 * pending once; later events and time updates land there.  Frames we do
 * not own or that are page tables are refused, and so is a second move.
 */
#include "time-util.h"

const char test_title[] = "time-vcpu-info: moving vcpu_info";

#define INFO_OFFSET 192

static uint8_t info_page[PAGE] __attribute__((aligned(4096)));

static unsigned long mfn_of(unsigned long va)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    return p2m[(va - VIRT_BASE) / PAGE];
}

static long register_info(unsigned long mfn, unsigned int offset)
{
    struct vcpu_register_vcpu_info vi = { .mfn = mfn, .offset = offset };

    return vcpu_op(VCPUOP_register_vcpu_info, 0, &vi);
}

void test_main(void)
{
    struct vcpu_info *info = (struct vcpu_info *)(info_page + INFO_OFFSET);
    struct vcpu_set_singleshot_timer ss = { 0 };
    struct vcpu_time_info r;
    uint64_t t0, t1;
    long port;

    if ( !map_shared_info() )
        return;
    port = bind_virq_timer();
    if ( !CHECK(port > 0) )
        return;
    CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
    clear_pending(port);
    shinfo->vcpu_info[0].evtchn_upcall_pending = 0;
    shinfo->vcpu_info[0].evtchn_pending_sel = 0;

    /* Our page tables cannot hold it. */
    CHECK_EQ(register_info(mfn_of(start_info->pt_base), INFO_OFFSET),
             -EINVAL);
    CHECK_EQ(register_info(mfn_of((unsigned long)info_page),
                           INFO_OFFSET + 4), -ENXIO);

    memset(info_page, 0x5a, sizeof(info_page));
    CHECK_EQ(register_info(mfn_of((unsigned long)info_page), INFO_OFFSET),
             0);
    /* Copied over (events still masked), then everything marked. */
    CHECK_EQ(info->evtchn_upcall_mask, 1);
    CHECK_EQ(info->evtchn_upcall_pending, 1);
    CHECK_EQ(info->evtchn_pending_sel, ~0UL);
    /* The rest of the page is left alone. */
    CHECK_EQ(info_page[INFO_OFFSET - 1], 0x5a);
    CHECK_EQ(info_page[INFO_OFFSET + sizeof(*info)], 0x5a);

    /* A fresh time record there. */
    pvclock_snapshot(&info->time, &r);
    CHECK_EQ(r.version & 1, 0);
    CHECK(r.tsc_to_system_mul != 0);
    t0 = pvclock_read(&info->time, NULL);
    CHECK(t0 > MS(1));

    /* Once only. */
    CHECK_EQ(register_info(mfn_of((unsigned long)info_page), 0), -EINVAL);
    CHECK_EQ(register_info(mfn_of((unsigned long)info_page), INFO_OFFSET),
             -EINVAL);

    /* A timer event now flags the new copy. */
    info->evtchn_upcall_pending = 0;
    info->evtchn_pending_sel = 0;
    ss.timeout_abs_ns = pvclock_read(&info->time, NULL) + MS(5);
    CHECK_EQ(vcpu_op(VCPUOP_set_singleshot_timer, 0, &ss), 0);
    CHECK_EQ(poll_port(port, 0), 0);
    CHECK(port_pending(port));
    CHECK_EQ(info->evtchn_upcall_pending, 1);
    CHECK_EQ(info->evtchn_pending_sel, 1UL << (port / BITS_PER_WORD));
    CHECK_EQ(shinfo->vcpu_info[0].evtchn_upcall_pending, 0);

    /* And time keeps going there. */
    t1 = pvclock_read(&info->time, NULL);
    CHECK(t1 >= ss.timeout_abs_ns);
    CHECK(t1 > t0);
}
