/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Large multicalls, continued between entries and inside them (an entry
 * whose own call is continued): every entry ends with the result its
 * call would have had alone, a failing entry does not stop the batch, a
 * list that runs into an unmapped page stops it there.
 */
#include "contin-common.h"

const char test_title[] = "contin-multicall: large batches of batches";

#define NMC         512
#define PER         32          /* requests per mmu_update entry */
#define FAIL_REQ    10          /* where the failing entries stop */
#define UNKNOWN_AT  301
#define SLOTS       64
#define NFAULT      80          /* entries of the list that faults */
#define BIG         256         /* requests per entry in that list */
#define NCON        16384

static multicall_entry_t mc[NMC];
static unsigned int done[NMC];
static mmu_update_t ok_req[PER], bad_req[PER], big_req[BIG];
static unsigned long ma[SLOTS];
static char text[NCON];

static void set(multicall_entry_t *e, unsigned long op, unsigned long a0,
                unsigned long a1, unsigned long a2, unsigned long a3)
{
    memset(e, 0, sizeof(*e));
    e->op = op;
    e->result = 0x5a5a5a5a;
    e->args[0] = a0;
    e->args[1] = a1;
    e->args[2] = a2;
    e->args[3] = a3;
}

static long multicall(const char *what, multicall_entry_t *list,
                      unsigned long n)
{
    return contin_call(what, __HYPERVISOR_multicall, (unsigned long)list, n,
                       0, 0, 0);
}

static void fill(mmu_update_t *r, unsigned int n, unsigned long mfn)
{
    for ( unsigned int i = 0; i < n; i++ )
    {
        r[i].ptr = ma[i % SLOTS] | MMU_NORMAL_PT_UPDATE;
        r[i].val = (mfn << 12) | PTE_DATA;
    }
}

static void test_mixed(unsigned long bad_mfn)
{
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);
    long cur = current_reservation();
    static domid_t self = DOMID_SELF;
    unsigned int bad = 0;

    fill(ok_req, PER, spare_mfn(40));
    fill(bad_req, PER, spare_mfn(41));
    bad_req[FAIL_REQ].val = (bad_mfn << 12) | PTE_DATA;
    for ( unsigned int i = 0; i < NMC; i++ )
    {
        done[i] = 77;
        switch ( i % 4 )
        {
        case 0:
            set(&mc[i], __HYPERVISOR_mmu_update, (unsigned long)ok_req, PER,
                (unsigned long)&done[i], DOMID_SELF);
            break;
        case 1:
            set(&mc[i], __HYPERVISOR_xen_version, XENVER_version, 0, 0, 0);
            break;
        case 2:
            set(&mc[i], __HYPERVISOR_memory_op, XENMEM_current_reservation,
                (unsigned long)&self, 0, 0);
            break;
        case 3:
            set(&mc[i], __HYPERVISOR_mmu_update, (unsigned long)bad_req, PER,
                (unsigned long)&done[i], DOMID_SELF);
            break;
        }
    }
    set(&mc[UNKNOWN_AT], 57, 0, 0, 0, 0);
    CHECK_EQ(multicall("multicall", mc, NMC), 0);

    for ( unsigned int i = 0; i < NMC; i++ )
    {
        long want = 0;
        unsigned int want_done = 77;
        unsigned long op = __HYPERVISOR_mmu_update;

        if ( i == UNKNOWN_AT )
        {
            want = -ENOSYS;
            op = 57;
        }
        else if ( i % 4 == 0 )
            want_done = PER;
        else if ( i % 4 == 1 )
        {
            want = version;
            op = __HYPERVISOR_xen_version;
        }
        else if ( i % 4 == 2 )
        {
            want = cur;
            op = __HYPERVISOR_memory_op;
        }
        else
        {
            want = -EBUSY;
            want_done = FAIL_REQ;
        }
        if ( (long)mc[i].result != want || done[i] != want_done ||
             mc[i].op != op )
        {
            if ( !bad++ )
                printf("entry %u: op %lu result %ld done %u\n", i,
                       (unsigned long)mc[i].op, (long)mc[i].result, done[i]);
        }
    }
    CHECK_EQ(bad, 0);
}

/*
 * The list's last entries are on a page that is not mapped (slots clear
 * of those the requests remap).
 */
static void test_list_fault(void)
{
    multicall_entry_t *list;
    unsigned int bad = 0;

    CHECK_EQ(map_at(100, spare_mfn(42), PTE_DATA), 0);
    CHECK_EQ(map_at(101, 0, 0), 0);
    list = (multicall_entry_t *)((char *)scratch(100) + PAGE) - NFAULT / 2;
    fill(big_req, BIG, spare_mfn(43));
    for ( unsigned int i = 0; i < NFAULT / 2; i++ )
    {
        done[i] = 77;
        set(&list[i], __HYPERVISOR_mmu_update, (unsigned long)big_req, BIG,
            (unsigned long)&done[i], DOMID_SELF);
    }
    CHECK_EQ(multicall("multicall, faulting", list, NFAULT), -EFAULT);
    for ( unsigned int i = 0; i < NFAULT / 2; i++ )
        bad += list[i].result != 0 || done[i] != BIG ||
               list[i].op != __HYPERVISOR_mmu_update;
    CHECK_EQ(bad, 0);
    CHECK_EQ(map_at(100, 0, 0), 0);
}

/* A long console write among short calls. */
static void test_console(void)
{
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);

    for ( unsigned int i = 0; i < NCON; i++ )
        text[i] = i % 64 == 63 ? '\n' : "batch"[i % 64 % 5];
    set(&mc[0], __HYPERVISOR_xen_version, XENVER_version, 0, 0, 0);
    set(&mc[1], __HYPERVISOR_console_io, CONSOLEIO_write, NCON,
        (unsigned long)text, 0);
    set(&mc[2], __HYPERVISOR_xen_version, XENVER_version, 0, 0, 0);
    CHECK_EQ(multicall("multicall with a console write", mc, 3), 0);
    CHECK_EQ(mc[0].result, version);
    CHECK_EQ(mc[1].result, 0);
    CHECK_EQ(mc[1].op, __HYPERVISOR_console_io);
    CHECK_EQ(mc[2].result, version);
}

void test_main(void)
{
    uint64_t before[SLOTS];
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };

    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    if ( !CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0) )
        return;
    for ( unsigned int s = 0; s < SLOTS; s++ )
        before[s] = *l1e_of(scratch_va(s), &ma[s]);
    test_mixed(m2p_mfn);
    test_list_fault();
    test_console();
    for ( unsigned int s = 0; s < SLOTS; s++ )
        CHECK_EQ(mmu_update1(ma[s], before[s]), 0);
}
