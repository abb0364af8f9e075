/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of guest time (common/time.c, vcpu-timer.c, runstate.c,
 * vcpu-op.c): pvclock arithmetic against the hypervisor's own scaling,
 * the version protocol, dates, the wallclock, the VCPU timers and vcpu_op's
 * answers, over a fake TSC that the tests move by hand.
 */
#include <CUnit/CUnit.h>
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/mm.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/timer.h>
#include <asm/mm.h>
#include <public/sched.h>
#include <public/vcpu.h>

#include "harness.h"

/* --- a fake machine ----------------------------------------------------- */

#define ORIGIN 0x123456789aULL

static uint64_t fake_tsc = ORIGIN;
static uint32_t fake_mul = 3308719377U;     /* 2.6 GHz, as seen in QEMU */
static int8_t fake_shift = -1;
static uint64_t fake_deadline;
static uint64_t fake_wallclock = 1700000000;

uint64_t arch_read_tsc(void)
{
    return fake_tsc;
}

void arch_time_scale(uint64_t *origin, uint32_t *mul, int8_t *shift)
{
    *origin = ORIGIN;
    *mul = fake_mul;
    *shift = fake_shift;
}

uint8_t arch_pvclock_flags(void)
{
    return XEN_PVCLOCK_TSC_STABLE_BIT;
}

/* The hypervisor's clock: one product from the origin, as now_ns(). */
uint64_t arch_now(void)
{
    return pvclock_scale(fake_tsc - ORIGIN, fake_mul, fake_shift);
}

uint64_t arch_get_wallclock(uint64_t *at)
{
    *at = arch_now();
    return fake_wallclock;
}

/* The arch claims get_physid and nothing else. */
bool arch_vcpu_op(int cmd, struct vcpu *v, guest_va_t arg, long *rc)
{
    uint64_t id = 0x500000007ULL;

    if ( cmd != VCPUOP_get_physid )
        return false;
    *rc = copy_to_guest(arg, &id, sizeof(id)) ? -EFAULT : 0;
    return true;
}

void arch_set_deadline(uint64_t ns)
{
    fake_deadline = ns;
}

unsigned int arch_nr_cpus(void)
{
    return 1;
}

/* Move the TSC to system time ns (or just past it) and run due timers. */
static void advance_to(uint64_t ns)
{
    while ( arch_now() < ns )
        fake_tsc += 1 + (ns - arch_now()) / 2;
    timers_run(arch_now());
}

static void advance(uint64_t ns)
{
    advance_to(arch_now() + ns);
}

/* --- a fake domain ------------------------------------------------------ */

static struct shared_info shared;
static struct domain dom;
static struct vcpu vcpu0;
struct domain *hardware_domain = &dom;
static unsigned int timer_events, kicks, shutdowns;
static uint8_t shutdown_reason;

struct vcpu *current_vcpu(void)
{
    return &vcpu0;
}

struct domain *domain_lookup(domid_t id)
{
    return id == 0 ? &dom : NULL;
}

int domain_shutdown(struct domain *d, uint8_t reason)
{
    shutdowns++;
    shutdown_reason = reason;
    return 0;
}

void send_guest_vcpu_virq(struct vcpu *v, unsigned int virq)
{
    CU_ASSERT_EQUAL(virq, VIRQ_TIMER);
    timer_events++;
}

void vcpu_kick(struct vcpu *v)
{
    kicks++;
}

/* VCPUOP_initialise and up on the one VCPU, which is up already. */
int arch_set_info_guest(struct vcpu *v, struct vcpu_guest_context *c)
{
    CU_FAIL("a VCPU that is initialised got a context");
    return -EINVAL;
}

void sched_vcpu_update(struct vcpu *v)
{
}

/* Guest memory: one buffer; addresses outside it fault. */
static uint8_t guest_mem[3 * PAGE_SIZE];
#define GVA(off) ((guest_va_t)(uintptr_t)(guest_mem + (off)))

static bool in_guest(const void *p, size_t n)
{
    const uint8_t *b = p;

    return b >= guest_mem && n <= sizeof(guest_mem) &&
           b <= guest_mem + sizeof(guest_mem) - n;
}

unsigned long raw_copy_from_guest(void *to, const void *from, size_t n)
{
    if ( !in_guest(from, n) )
        return n;
    memcpy(to, from, n);
    return 0;
}

unsigned long raw_copy_to_guest(void *to, const void *from, size_t n)
{
    if ( !in_guest(to, n) )
        return n;
    memcpy(to, from, n);
    return 0;
}

/* The hypervisor's range as the x86-64 PV layout has it. */
bool guest_range_ok(unsigned long addr, size_t n)
{
    return addr < (1UL << 47) || addr >= 0xffff880000000000UL;
}

/* Frames: 0-15 exist, 4-7 are ours, 6 is a page table. */
static uint8_t frames[16][PAGE_SIZE] __attribute__((aligned(4096)));
static struct page_info pages[16];
static int page_refs, type_refs;
unsigned long max_page = 16;
struct page_info *frame_table = pages;

void *harness_frame_va(mfn_t mfn)
{
    return frames[mfn];
}

struct page_info *get_page_from_mfn(mfn_t mfn, const struct domain *d)
{
    if ( mfn < 4 || mfn > 7 || d != &dom )
        return NULL;
    page_refs++;
    return &pages[mfn];
}

int get_page_type(struct page_info *pg, unsigned long type)
{
    if ( pg == &pages[6] && type != PGT_l1_page_table )
        return -EINVAL;
    type_refs++;
    return 0;
}

void put_page(struct page_info *pg)
{
    page_refs--;
}

static void setup_domain(void)
{
    /* Out of the timer list before the memory is reused. */
    timer_stop(&vcpu0.time.singleshot);
    timer_stop(&vcpu0.time.periodic);
    timer_stop(&vcpu0.time.refresh);
    memset(&shared, 0, sizeof(shared));
    memset(&dom, 0, sizeof(dom));
    memset(&vcpu0, 0, sizeof(vcpu0));
    memset(guest_mem, 0, sizeof(guest_mem));
    dom.shared_info = &shared;
    dom.max_vcpus = 1;
    dom.vcpu[0] = &vcpu0;
    vcpu0.domain = &dom;
    vcpu0.is_initialised = true;
    vcpu0.vcpu_info = &shared.vcpu_info[0];
    shared.vcpu_info[0].evtchn_upcall_mask = 1;
    timer_events = kicks = shutdowns = 0;
    page_refs = type_refs = 0;
    domain_time_init(&dom);
}

static int suite_init(void)
{
    /* Stop whatever timers the previous test left armed. */
    setup_domain();
    return 0;
}

static void start_running(void)
{
    setup_domain();
    vcpu_time_switch_in(&vcpu0);
}

static void stop_running(void)
{
    vcpu_time_switch_out(&vcpu0, RUNSTATE_offline);
    vcpu_singleshot_stop(&vcpu0);
}

/* --- pvclock arithmetic ------------------------------------------------- */

/* mul and shift for a frequency, as the arch code derives them. */
static void scale_for(uint64_t hz, uint32_t *mul, int8_t *shift)
{
    int s = 0;

    while ( hz > 2000000000ULL )
    {
        hz >>= 1;
        s--;
    }
    while ( hz <= 1000000000ULL )
    {
        hz <<= 1;
        s++;
    }
    *shift = s;
    *mul = (uint32_t)((1000000000ULL << 32) / hz);
}

static void test_pvclock_exact(void)
{
    static const uint64_t freqs[] = {
        100000000, 999999999, 1000000001, 1600000000, 2612345678,
        3999999999ULL, 4000000001ULL, 12000000000ULL,
    };

    srand(42);
    for ( unsigned int f = 0; f < ARRAY_SIZE(freqs); f++ )
    {
        uint32_t mul;
        int8_t shift;
        uint64_t grid;

        scale_for(freqs[f], &mul, &shift);
        grid = 1ULL << (32 - shift);
        for ( unsigned int i = 0; i < 2000; i++ )
        {
            struct vcpu_time_info t = { 0 };
            uint64_t origin = ((uint64_t)rand() << 20) ^ rand();
            uint64_t up = ((uint64_t)rand() << 24) ^ rand();
            uint64_t tsc = origin + up, probe;

            pvclock_make(&t, tsc, origin, mul, shift);
            CU_ASSERT(t.tsc_timestamp <= tsc);
            CU_ASSERT(tsc - t.tsc_timestamp < grid);
            CU_ASSERT_EQUAL(t.tsc_to_system_mul, mul);
            CU_ASSERT_EQUAL(t.tsc_shift, shift);
            /* What the guest computes is what the hypervisor computes. */
            for ( unsigned int k = 0; k < 8; k++ )
            {
                probe = tsc + (k < 4 ? k : (uint64_t)rand() % grid);
                CU_ASSERT_EQUAL(pvclock_read(&t, probe),
                                pvclock_scale(probe - origin, mul, shift));
            }
            /* A guest's delta fits 32 bits once shifted. */
            probe = tsc - t.tsc_timestamp;
            probe = shift < 0 ? probe >> -shift : probe << shift;
            CU_ASSERT(probe < (1ULL << 32));
        }
    }
}

/* Successive records never make time step back. */
static void test_pvclock_monotonic(void)
{
    uint32_t mul;
    int8_t shift;
    uint64_t origin = 987654321, tsc = origin, last = 0;

    scale_for(2612345678ULL, &mul, &shift);
    for ( unsigned int i = 0; i < 100000; i++ )
    {
        struct vcpu_time_info t = { 0 };
        uint64_t now;

        pvclock_make(&t, tsc, origin, mul, shift);
        now = pvclock_read(&t, tsc + 17);
        CU_ASSERT(now >= last);
        last = now;
        tsc += 1 + (uint64_t)rand() % 200000000;
    }
}

static void test_pvclock_scale(void)
{
    /* 1 GHz exactly: shift 1, mul 2^31 makes a tick one nanosecond. */
    CU_ASSERT_EQUAL(pvclock_scale(1000, 1U << 31, 1), 1000);
    CU_ASSERT_EQUAL(pvclock_scale(1000, 1U << 31, 0), 500);
    CU_ASSERT_EQUAL(pvclock_scale(1000, 1U << 31, -1), 250);
    /* The product needs 96 bits. */
    CU_ASSERT_EQUAL(pvclock_scale(~0ULL, ~0U, 0), 0xfffffffeffffffffULL);
}

static void test_pvclock_publish(void)
{
    struct vcpu_time_info dst = { .version = 4 }, src = {
        .version = 99, .tsc_timestamp = 1, .system_time = 2,
        .tsc_to_system_mul = 3, .tsc_shift = -4, .flags = 5,
    };

    pvclock_publish(&dst, &src);
    CU_ASSERT_EQUAL(dst.version, 6);
    CU_ASSERT_EQUAL(dst.tsc_timestamp, 1);
    CU_ASSERT_EQUAL(dst.system_time, 2);
    CU_ASSERT_EQUAL(dst.tsc_to_system_mul, 3);
    CU_ASSERT_EQUAL(dst.tsc_shift, -4);
    CU_ASSERT_EQUAL(dst.flags, 5);
    /* An odd version left by a guest still ends even, and newer. */
    dst.version = 7;
    pvclock_publish(&dst, &src);
    CU_ASSERT_EQUAL(dst.version, 10);
    dst.version = 0xffffffff;
    pvclock_publish(&dst, &src);
    CU_ASSERT_EQUAL(dst.version & 1, 0);
}

/* --- dates and the wallclock -------------------------------------------- */

static void test_mktime(void)
{
    CU_ASSERT_EQUAL(time_mktime(1970, 1, 1, 0, 0, 0), 0);
    CU_ASSERT_EQUAL(time_mktime(1970, 1, 2, 0, 0, 1), 86401);
    CU_ASSERT_EQUAL(time_mktime(2000, 3, 1, 0, 0, 0), 951868800);
    CU_ASSERT_EQUAL(time_mktime(2024, 2, 29, 12, 34, 56), 1709210096);
    CU_ASSERT_EQUAL(time_mktime(2038, 1, 19, 3, 14, 8), 1ULL << 31);
    CU_ASSERT_EQUAL(time_mktime(2100, 3, 1, 0, 0, 0), 4107542400ULL);
    CU_ASSERT_EQUAL(time_mktime(2106, 2, 7, 6, 28, 16), 1ULL << 32);
}

static void test_wallclock(void)
{
    uint32_t v;

    setup_domain();
    /* Read at boot: the wallclock is the clock minus the time since. */
    CU_ASSERT_EQUAL(shared.wc_version & 1, 0);
    CU_ASSERT(shared.wc_version > 0);

    advance(5000000000ULL);
    v = shared.wc_version;
    wallclock_set(1800000000, 250000000, arch_now());
    CU_ASSERT_EQUAL(shared.wc_version, v + 2);
    CU_ASSERT_EQUAL(shared.wc_sec_hi, 0);
    CU_ASSERT_EQUAL((uint64_t)shared.wc_sec * 1000000000ULL +
                    shared.wc_nsec + arch_now(),
                    1800000000ULL * 1000000000ULL + 250000000);
    CU_ASSERT(shared.wc_nsec < 1000000000);

    /* Past 2106, the seconds overflow into wc_sec_hi. */
    wallclock_set(0x100000005ULL, 0, arch_now());
    CU_ASSERT_EQUAL(shared.wc_sec_hi, 1);
}

/* --- the VCPU's record -------------------------------------------------- */

static void test_vcpu_record(void)
{
    struct vcpu_time_info *t = &shared.vcpu_info[0].time;
    uint32_t v;

    setup_domain();
    CU_ASSERT_EQUAL(t->version & 1, 0);
    CU_ASSERT(t->version > 0);
    CU_ASSERT_EQUAL(t->flags, XEN_PVCLOCK_TSC_STABLE_BIT);
    CU_ASSERT_EQUAL(pvclock_read(t, fake_tsc), arch_now());

    /* Unchanged: not rewritten unless forced. */
    v = t->version;
    update_vcpu_system_time(&vcpu0, false);
    CU_ASSERT_EQUAL(t->version, v);
    update_vcpu_system_time(&vcpu0, true);
    CU_ASSERT_EQUAL(t->version, v + 2);

    /* Running, the record follows the grid by itself. */
    vcpu_time_switch_in(&vcpu0);
    for ( unsigned int i = 0; i < 10; i++ )
    {
        advance(1700000000ULL);
        CU_ASSERT(fake_tsc - t->tsc_timestamp < (1ULL << 33));
        CU_ASSERT_EQUAL(pvclock_read(t, fake_tsc), arch_now());
    }
    stop_running();
}

static void test_time_area(void)
{
    struct vcpu_register_time_memory_area area;
    struct vcpu_time_info *copy = (void *)(guest_mem + 64);

    start_running();
    area.addr.p = GVA(64);
    memcpy(guest_mem, &area, sizeof(area));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0,
                               GVA(0)), 0);
    CU_ASSERT_EQUAL(copy->version, shared.vcpu_info[0].time.version);
    CU_ASSERT_EQUAL(copy->system_time, shared.vcpu_info[0].time.system_time);
    advance(4000000000ULL);
    CU_ASSERT_EQUAL(copy->tsc_timestamp,
                    shared.vcpu_info[0].time.tsc_timestamp);
    CU_ASSERT_EQUAL(copy->version, shared.vcpu_info[0].time.version);

    area.addr.p = 0xffff800000000000UL;
    memcpy(guest_mem, &area, sizeof(area));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0,
                               GVA(0)), -EFAULT);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0,
                               GVA(sizeof(guest_mem))), -EFAULT);
    stop_running();
}

/* --- timers ------------------------------------------------------------- */

static long singleshot(uint64_t deadline, uint32_t flags)
{
    struct vcpu_set_singleshot_timer set = {
        .timeout_abs_ns = deadline, .flags = flags,
    };

    memcpy(guest_mem, &set, sizeof(set));
    return do_vcpu_op(VCPUOP_set_singleshot_timer, 0, GVA(0));
}

static void test_singleshot(void)
{
    uint64_t t0;

    start_running();
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_stop_periodic_timer, 0, 0), 0);
    timer_events = 0;

    t0 = arch_now();
    CU_ASSERT_EQUAL(singleshot(t0 + 10000000, 0), 0);
    CU_ASSERT_EQUAL(fake_deadline, t0 + 10000000);
    advance_to(t0 + 9999999);
    CU_ASSERT_EQUAL(timer_events, 0);
    advance_to(t0 + 10000000);
    CU_ASSERT_EQUAL(timer_events, 1);

    /* Past, with or without VCPU_SSHOTTMR_future: at once, no error. */
    CU_ASSERT_EQUAL(singleshot(arch_now() - 1, 0), 0);
    CU_ASSERT_EQUAL(timer_events, 2);
    CU_ASSERT_EQUAL(singleshot(arch_now() - 1, VCPU_SSHOTTMR_future), 0);
    CU_ASSERT_EQUAL(timer_events, 3);
    CU_ASSERT_EQUAL(singleshot(1ULL << 63, 0), 0);
    CU_ASSERT_EQUAL(timer_events, 4);

    /* Stopped: nothing. */
    t0 = arch_now();
    CU_ASSERT_EQUAL(singleshot(t0 + 1000, 0), 0);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_stop_singleshot_timer, 0, 0), 0);
    advance(1000000);
    CU_ASSERT_EQUAL(timer_events, 4);

    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_set_singleshot_timer, 0,
                               GVA(sizeof(guest_mem) - 4)), -EFAULT);
    stop_running();
}

static void test_set_timer_op(void)
{
    uint64_t t0;

    start_running();
    do_vcpu_op(VCPUOP_stop_periodic_timer, 0, 0);
    timer_events = 0;

    t0 = arch_now();
    CU_ASSERT_EQUAL(do_set_timer_op(t0 + 5000), 0);
    CU_ASSERT_EQUAL(fake_deadline, t0 + 5000);
    CU_ASSERT_EQUAL(do_set_timer_op(0), 0);
    advance(10000);
    CU_ASSERT_EQUAL(timer_events, 0);

    /* Far ahead or negative: 100 ms from now. */
    t0 = arch_now();
    CU_ASSERT_EQUAL(do_set_timer_op(t0 + (1ULL << 50) + 1), 0);
    CU_ASSERT_EQUAL(fake_deadline, t0 + 100000000);
    CU_ASSERT_EQUAL(do_set_timer_op(1ULL << 63), 0);
    CU_ASSERT_EQUAL(fake_deadline, t0 + 100000000);
    /* Just under 2^50 ahead is taken as it is. */
    CU_ASSERT_EQUAL(do_set_timer_op(t0 + (1ULL << 50) - 1), 0);
    CU_ASSERT_EQUAL(vcpu0.time.singleshot.expires, t0 + (1ULL << 50) - 1);

    /* Past: the event is raised before the call returns. */
    CU_ASSERT_EQUAL(do_set_timer_op(1), 0);
    CU_ASSERT_EQUAL(timer_events, 1);
    stop_running();
}

static void test_periodic(void)
{
    struct vcpu_set_periodic_timer per;

    setup_domain();
    timer_events = 0;
    /* 100 Hz by default, ticking as soon as the VCPU runs. */
    CU_ASSERT_EQUAL(vcpu0.time.period, 10000000);
    vcpu_time_switch_in(&vcpu0);
    CU_ASSERT_EQUAL(timer_events, 1);
    advance(10000000);
    CU_ASSERT_EQUAL(timer_events, 2);
    advance(10000000);
    CU_ASSERT_EQUAL(timer_events, 3);

    /* Not while blocked; one overdue tick on the way back. */
    vcpu_time_switch_out(&vcpu0, RUNSTATE_blocked);
    advance(35000000);
    CU_ASSERT_EQUAL(timer_events, 3);
    vcpu_time_switch_in(&vcpu0);
    CU_ASSERT_EQUAL(timer_events, 4);

    per.period_ns = 999999;
    memcpy(guest_mem, &per, sizeof(per));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_set_periodic_timer, 0, GVA(0)),
                    -EINVAL);
    per.period_ns = 1ULL << 62;
    memcpy(guest_mem, &per, sizeof(per));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_set_periodic_timer, 0, GVA(0)),
                    -EINVAL);
    per.period_ns = 20000000;
    memcpy(guest_mem, &per, sizeof(per));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_set_periodic_timer, 0, GVA(0)), 0);
    advance(19000000);
    CU_ASSERT_EQUAL(timer_events, 4);
    advance(1000000);
    CU_ASSERT_EQUAL(timer_events, 5);

    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_stop_periodic_timer, 0, 0), 0);
    advance(100000000);
    CU_ASSERT_EQUAL(timer_events, 5);
    stop_running();
}

/* --- runstate ----------------------------------------------------------- */

static void test_runstate(void)
{
    struct vcpu_register_runstate_memory_area area;
    struct vcpu_runstate_info *copy = (void *)(guest_mem + 128), info;
    uint64_t t0;

    setup_domain();
    CU_ASSERT_EQUAL(vcpu0.time.runstate.state, RUNSTATE_offline);
    advance(1000);
    vcpu_time_switch_in(&vcpu0);
    CU_ASSERT_EQUAL(vcpu0.time.runstate.time[RUNSTATE_offline], 1000);

    area.addr.p = GVA(128);
    memcpy(guest_mem, &area, sizeof(area));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_register_runstate_memory_area, 0,
                               GVA(0)), 0);
    CU_ASSERT_EQUAL(copy->state, RUNSTATE_running);

    advance(3000);
    t0 = arch_now();
    vcpu_time_switch_out(&vcpu0, RUNSTATE_blocked);
    CU_ASSERT_EQUAL(copy->state, RUNSTATE_blocked);
    CU_ASSERT_EQUAL(copy->state_entry_time, t0);
    CU_ASSERT_EQUAL(copy->time[RUNSTATE_running], 3000);
    advance(7000);
    vcpu_time_switch_in(&vcpu0);
    CU_ASSERT_EQUAL(copy->state, RUNSTATE_running);
    CU_ASSERT_EQUAL(copy->time[RUNSTATE_blocked], 7000);

    /* The info counts the current state up to now. */
    advance(500);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_get_runstate_info, 0, GVA(256)), 0);
    memcpy(&info, guest_mem + 256, sizeof(info));
    CU_ASSERT_EQUAL(info.time[RUNSTATE_running], 3500);
    CU_ASSERT_EQUAL(copy->time[RUNSTATE_running], 3000);

    /* The update flag, when the guest asked for it, ends cleared. */
    dom.arch.vm_assist |= 1UL << VMASST_TYPE_runstate_update_flag;
    vcpu_time_switch_out(&vcpu0, RUNSTATE_blocked);
    CU_ASSERT_EQUAL(copy->state_entry_time & XEN_RUNSTATE_UPDATE, 0);
    CU_ASSERT_EQUAL(copy->state, RUNSTATE_blocked);

    area.addr.p = 0x800000000000UL;
    memcpy(guest_mem, &area, sizeof(area));
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_register_runstate_memory_area, 0,
                               GVA(0)), -EFAULT);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_get_runstate_info, 0, 0), -EFAULT);
    stop_running();
}

/* --- vcpu_op's other answers -------------------------------------------- */

static void test_vcpu_op_errors(void)
{
    start_running();
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_is_up, 1, 0), -ENOENT);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_is_up, ~0U, 0), -ENOENT);
    CU_ASSERT_EQUAL(do_vcpu_op(99, 1, 0), -ENOENT);
    CU_ASSERT_EQUAL(do_vcpu_op(99, 0, 0), -ENOSYS);
    CU_ASSERT_EQUAL(do_vcpu_op(-1, 0, 0), -ENOSYS);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_is_up, 0, 0), 1);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_up, 0, 0), 0);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_initialise, 0, 0), -EFAULT);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_initialise, 0, GVA(0)), -EEXIST);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_initialise, 0, GVA(PAGE_SIZE * 2)),
                    -EFAULT);
    /* The arch's commands go to the arch, for existing VCPUs only. */
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_get_physid, 0, GVA(0)), 0);
    CU_ASSERT_EQUAL(*(uint64_t *)guest_mem, 0x500000007ULL);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_get_physid, 0, 0), -EFAULT);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_get_physid, 1, GVA(0)), -ENOENT);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_send_nmi, 0, 0), -ENOSYS);

    CU_ASSERT_EQUAL(shutdowns, 0);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_down, 0, 0), 0);
    CU_ASSERT_EQUAL(shutdowns, 1);
    CU_ASSERT_EQUAL(shutdown_reason, SHUTDOWN_poweroff);
    stop_running();
}

static long register_info(uint64_t mfn, uint32_t offset)
{
    struct vcpu_register_vcpu_info vi = { .mfn = mfn, .offset = offset };

    memcpy(guest_mem, &vi, sizeof(vi));
    return do_vcpu_op(VCPUOP_register_vcpu_info, 0, GVA(0));
}

static void test_vcpu_info(void)
{
    struct vcpu_info *moved = (void *)(frames[5] + 128);

    start_running();
    CU_ASSERT_EQUAL(register_info(5, PAGE_SIZE - 56), -ENXIO);
    CU_ASSERT_EQUAL(register_info(5, 4), -ENXIO);
    CU_ASSERT_EQUAL(register_info(3, 0), -EINVAL);
    CU_ASSERT_EQUAL(register_info(99, 0), -EINVAL);
    CU_ASSERT_EQUAL(register_info(6, 0), -EINVAL);
    CU_ASSERT_EQUAL(page_refs, 0);
    CU_ASSERT_EQUAL(do_vcpu_op(VCPUOP_register_vcpu_info, 0, 0), -EFAULT);

    kicks = 0;
    CU_ASSERT_EQUAL(register_info(5, 128), 0);
    CU_ASSERT_PTR_EQUAL(vcpu0.vcpu_info, moved);
    CU_ASSERT_EQUAL(moved->evtchn_upcall_mask, 1);
    CU_ASSERT_EQUAL(moved->evtchn_upcall_pending, 1);
    CU_ASSERT_EQUAL(moved->evtchn_pending_sel, ~0UL);
    CU_ASSERT_EQUAL(kicks, 1);
    CU_ASSERT_EQUAL(page_refs, 1);
    CU_ASSERT_EQUAL(type_refs, 1);
    CU_ASSERT_EQUAL(pvclock_read(&moved->time, fake_tsc), arch_now());
    CU_ASSERT_EQUAL(moved->time.version & 1, 0);
    /* Once only. */
    CU_ASSERT_EQUAL(register_info(4, 0), -EINVAL);

    vcpu0.vcpu_info = &shared.vcpu_info[0];
    vcpu0.vcpu_info_mfn = 0;
    stop_running();
}

static CU_TestInfo pvclock_tests[] = {
    { "scaling", test_pvclock_scale },
    { "guest and hypervisor agree", test_pvclock_exact },
    { "never back", test_pvclock_monotonic },
    { "version protocol", test_pvclock_publish },
    { "dates", test_mktime },
    CU_TEST_INFO_NULL,
};

static CU_TestInfo vcpu_tests[] = {
    { "wallclock", test_wallclock },
    { "vcpu record", test_vcpu_record },
    { "second record", test_time_area },
    { "singleshot", test_singleshot },
    { "set_timer_op", test_set_timer_op },
    { "periodic", test_periodic },
    { "runstate", test_runstate },
    { "vcpu_op errors", test_vcpu_op_errors },
    { "register_vcpu_info", test_vcpu_info },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "pvclock", NULL, NULL, NULL, NULL, pvclock_tests },
    { "vcpu time", suite_init, NULL, NULL, NULL, vcpu_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
