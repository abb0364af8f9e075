/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XEN_DOMCTL_settimeoffset: a domU's wallclock in its shared_info is the
 * system's plus its offset, at once and after every settime.  dom0 reads
 * the domU's shared_info through a foreign mapping; the domU never runs.
 */
#include "sched-build.h"
#include <public/platform.h>

const char test_title[] = "time-offset: a domain's wallclock offset";

/* A consistent wallclock from si: seconds and nanoseconds. */
static void wc_read(volatile shared_info_t *si, int64_t *sec, uint32_t *nsec)
{
    uint32_t v;

    do
    {
        v = si->wc_version;
        asm volatile ( "" ::: "memory" );
        *sec = (int64_t)(si->wc_sec | ((uint64_t)si->wc_sec_hi << 32));
        *nsec = si->wc_nsec;
        asm volatile ( "" ::: "memory" );
    } while ( (v & 1) || v != si->wc_version );
}

/* The domU's wallclock minus dom0's, in seconds (nanoseconds equal). */
static bool domu_offset(const struct domu *u, int64_t *off)
{
    volatile shared_info_t *si = sb_map(u->id, u->shared_info >> 12);
    int64_t s0, s1;
    uint32_t n0, n1;

    if ( !CHECK(si != NULL) )
        return false;
    wc_read(dom_shared_info(), &s0, &n0);
    wc_read(si, &s1, &n1);
    sb_unmap();
    *off = s1 - s0;
    return CHECK_EQ(n1, n0);
}

static long set_offset(domid_t dom, int64_t seconds)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_settimeoffset, dom);
    op.u.settimeoffset.time_offset_seconds = seconds;
    return domctl(&op);
}

void test_main(void)
{
    static struct domu u;
    struct xen_platform_op op;
    int64_t off = 1;

    if ( !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build(&u, "do=nothing"), 0) )
        return;

    CHECK(domu_offset(&u, &off));
    CHECK_EQ(off, 0);

    CHECK_EQ(set_offset(u.id, -7200), 0);
    CHECK(domu_offset(&u, &off));
    CHECK_EQ(off, -7200);

    /* Past 32 bits of seconds: the high half goes to wc_sec_hi. */
    CHECK_EQ(set_offset(u.id, 10000000000LL), 0);
    CHECK(domu_offset(&u, &off));
    CHECK_EQ(off, 10000000000LL);

    /* dom0 sets the clock: every domain follows, with its offset. */
    CHECK_EQ(set_offset(u.id, 3600), 0);
    memset(&op, 0, sizeof(op));
    op.cmd = XENPF_settime64;
    op.interface_version = XENPF_INTERFACE_VERSION;
    op.u.settime64.secs = 1893456000;
    op.u.settime64.nsecs = 999;
    op.u.settime64.system_time = sys_now();
    CHECK_EQ(hypercall1(__HYPERVISOR_platform_op, &op), 0);
    CHECK(domu_offset(&u, &off));
    CHECK_EQ(off, 3600);

    /* dom0's own offset moves dom0's clock alone. */
    CHECK_EQ(set_offset(0, 60), 0);
    CHECK(domu_offset(&u, &off));
    CHECK_EQ(off, 3600 - 60);
    CHECK_EQ(set_offset(0, 0), 0);

    CHECK_EQ(domu_destroy(u.id), 0);
}
