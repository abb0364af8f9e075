/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domU's CPUID is the default PV policy, without what Xen 4.17 gives
 * dom0 alone: the invariant TSC (dom0 does not migrate) and, to dom0's
 * kernel, the host's MTRR, EIST and MONITOR bits.  dom0 builds a domU
 * that prints its leaves and compares them with its own.
 */
#include "sched-build.h"
#include "cpu-insn.h"

const char test_title[] = "cpu-cpuid-domu: the CPUID policy of a domU";

static const char domu_passed[] = "Test result: SUCCESS";

#define MTRR            (1u << 12)          /* 1.edx, e1.edx */
#define MONITOR         (1u << 3)           /* 1.ecx */
#define EIST            (1u << 7)           /* 1.ecx */
#define ITSC            (1u << 8)           /* e7.edx */

static char text[2048 + 1];

/* What the domU printed, read from its console ring. */
static bool read_console(const struct domu *u)
{
    struct xencons_interface *c;
    size_t n = 0;

    c = sb_map(u->id, u->mfn[u->nr_img + SB_CONS]);
    if ( !c )
        return false;
    for ( XENCONS_RING_IDX i = c->out_cons;
          i != c->out_prod && n < sizeof(text) - 1; i++ )
        text[n++] = c->out[MASK_XENCONS_IDX(i, c->out)];
    text[n] = '\0';
    sb_unmap();
    return true;
}

static const char *hex(const char *s, uint32_t *v)
{
    *v = 0;
    for ( ; ; s++ )
    {
        if ( *s >= '0' && *s <= '9' )
            *v = *v * 16 + (*s - '0');
        else if ( *s >= 'a' && *s <= 'f' )
            *v = *v * 16 + (*s - 'a' + 10);
        else
            return s;
    }
}

/* Parse "cpuid LEAF SUB: A B C D" lines and compare each with ours. */
static unsigned int compare(void)
{
    unsigned int seen = 0;

    for ( const char *p = strstr(text, "cpuid "); p;
          p = strstr(p + 1, "cpuid ") )
    {
        uint32_t leaf, sub, v[4], mask[4] = { ~0u, ~0u, ~0u, ~0u };
        struct cpuid_regs r;
        const char *s = hex(p + 6, &leaf);

        s = hex(s + 1, &sub) + 1;
        for ( unsigned int i = 0; i < 4; i++ )
            s = hex(s + 1, &v[i]);
        r = xen_cpuid(leaf, sub);

        if ( leaf == 1 )
        {
            /* dom0's kernel alone sees these of the host's. */
            CHECK_EQ(v[3] & MTRR, 0);
            CHECK_EQ(v[2] & (MONITOR | EIST), 0);
            mask[2] = ~(MONITOR | EIST);
            mask[3] = ~MTRR;
        }
        if ( leaf == 0x80000001 )
        {
            CHECK_EQ(v[3] & MTRR, 0);
            mask[3] = ~MTRR;
        }
        if ( leaf == 0x80000007 )
        {
            CHECK_EQ(v[3] & ITSC, 0);
            mask[3] = ~ITSC;
        }
        for ( unsigned int i = 0; i < 4; i++ )
            if ( (v[i] & mask[i]) != ((&r.a)[i] & mask[i]) )
                test_fail("leaf %#x:%u reg %u: domU %08x, dom0 %08x", leaf,
                          sub, i, v[i], (&r.a)[i]);
        seen++;
    }
    return seen;
}

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct domu u;
    bool told = false;

    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build(&u, "do=cpuid"), 0) )
        return;
    port_test_and_clear(bv.port);
    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(domu_wait_shutdown(&u, bv.port, 10000000000ULL, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(&u, domu_passed));
    if ( CHECK(read_console(&u)) )
        CHECK_EQ(compare(), 13);
    /* On QEMU's CPUs the host has MTRR: dom0's kernel sees it. */
    CHECK(xen_cpuid(1, 0).d & MTRR);
    if ( xen_cpuid(0x80000007, 0).d & ITSC )
        printf("dom0 has the invariant TSC, the domU not\n");
    CHECK_EQ(domu_destroy(u.id), 0);
}
