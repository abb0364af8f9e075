/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hostile arguments to every hypercall, reproducibly: a seeded stream of
 * random calls (fuzz-gen.c says what is left out and why), after which the
 * guest must still be whole.  Prints a histogram of the answers per
 * hypercall, to compare two hypervisors by hand.
 * Arguments: seed=N, n=N (calls), trace=N (print every call from the Nth),
 * detail=1 (answers per sub-op too), every=N (progress every N calls).
 */
#include "fuzz-hypercalls.h"
#include "upcall.h"

const char test_title[] = "fuzz-hypercalls: random calls, the guest survives";

/* Histogram columns: 0, each errno, positive, other negative. */
#define COL_POS         136
#define COL_NEG         137
#define NR_COLS         138

static uint32_t hist[FZ_ROWS][NR_COLS];

/* Aliases (EWOULDBLOCK...) name a value twice: the later name wins. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
static const char *const errno_names[COL_POS] = {
#define XEN_ERRNO(name, value) [value] = #name,
#include <public/errno.h>
};
#pragma GCC diagnostic pop

static const char *const hc_names[64] = {
    "set_trap_table", "mmu_update", "set_gdt", "stack_switch",
    "set_callbacks", "fpu_taskswitch", "sched_op_compat", "platform_op",
    "set_debugreg", "get_debugreg", "update_descriptor", "(11)",
    "memory_op", "multicall", "update_va_mapping", "set_timer_op",
    "event_channel_op_compat", "xen_version", "console_io",
    "physdev_op_compat", "grant_table_op", "vm_assist",
    "update_va_mapping_otherdomain", "iret", "vcpu_op", "set_segment_base",
    "mmuext_op", "xsm_op", "nmi_op", "sched_op", "callback_op",
    "xenoprof_op", "event_channel_op", "physdev_op", "hvm_op", "sysctl",
    "domctl", "kexec_op", "tmem_op", "argo_op", "xenpmu_op", "dm_op",
    "hypfs_op",
};

/*
 * The details: answers per hypercall and sub-op, in a small open hash
 * (detail=1 prints them).
 */
#define NR_DETAILS      8192

struct detail {
    uint32_t count;
    uint16_t nr, sub;
    int32_t rc;
};
static struct detail details[NR_DETAILS];
static bool details_full;

static void record_detail(unsigned int nr, unsigned int sub, long rc)
{
    int32_t r = rc > 0 ? 1 : rc < -10000 ? -10000 : rc;
    unsigned int h = (nr * 31 + sub) * 131 + (uint32_t)r;

    for ( unsigned int i = 0; i < 64; i++ )
    {
        struct detail *d = &details[(h + i) % NR_DETAILS];

        if ( !d->count )
        {
            d->nr = nr;
            d->sub = sub;
            d->rc = r;
        }
        if ( d->nr == nr && d->sub == sub && d->rc == r )
        {
            d->count++;
            return;
        }
    }
    details_full = true;
}

static void print_details(void)
{
    for ( unsigned int nr = 0; nr < FZ_ROWS; nr++ )
        for ( unsigned int i = 0; i < NR_DETAILS; i++ )
        {
            const struct detail *d = &details[i];

            if ( d->count && d->nr == nr )
                printf("fuzz: detail %u.%u %d %u\n", d->nr, d->sub, d->rc,
                       d->count);
        }
    if ( details_full )
        printf("fuzz: details incomplete\n");
}

void fuzz_record(const struct fuzz_call *c, long rc)
{
    unsigned long nr = c->nr;
    unsigned int row = nr < 64 ? nr : 64, col;

    if ( rc == 0 )
        col = 0;
    else if ( rc > 0 )
        col = COL_POS;
    else if ( rc >= -(COL_POS - 1) )
        col = -rc;
    else
        col = COL_NEG;
    hist[row][col]++;
    record_detail(row, c->sub & 0xffff, rc);
}

static void print_histogram(void)
{
    for ( unsigned int row = 0; row < FZ_ROWS; row++ )
    {
        char line[512];
        unsigned long total = 0;
        int len;

        for ( unsigned int col = 0; col < NR_COLS; col++ )
            total += hist[row][col];
        if ( !total )
            continue;
        len = snprintf(line, sizeof(line), "fuzz: hist %2u %s %lu:", row,
                       row < 64 ? (hc_names[row] ? hc_names[row] : "-") :
                       "beyond", total);
        for ( unsigned int col = 0; col < NR_COLS; col++ )
        {
            if ( !hist[row][col] || len >= (int)sizeof(line) - 32 )
                continue;
            if ( col == 0 )
                len += snprintf(line + len, sizeof(line) - len, " ok=%u",
                                hist[row][col]);
            else if ( col == COL_POS )
                len += snprintf(line + len, sizeof(line) - len, " pos=%u",
                                hist[row][col]);
            else if ( col == COL_NEG )
                len += snprintf(line + len, sizeof(line) - len, " neg=%u",
                                hist[row][col]);
            else if ( errno_names[col] )
                len += snprintf(line + len, sizeof(line) - len, " %s=%u",
                                errno_names[col], hist[row][col]);
            else
                len += snprintf(line + len, sizeof(line) - len, " -%u=%u",
                                col, hist[row][col]);
        }
        printf("%s\n", line);
    }
}

/*
 * Traps the calls provoke in us (debug breakpoints, NMIs, events, the
 * failsafe callback) are counted and resumed.  A fault in our own code
 * cannot be resumed: it means the hypervisor broke our state, the very
 * thing the test is for, so it ends the run as a failure.
 */
static unsigned long traps_seen[VEC_SYSCALL32 + 1];

static void fuzz_trap(struct trap_frame *f)
{
    traps_seen[f->vector]++;
    switch ( f->vector )
    {
    case 1: case 2: case 3: case 4:
    case VEC_FAILSAFE:
        return;
    case VEC_EVENT:
        *upcall_pending() = 0;
        return;
    }
    test_fail("fuzz: fault %#lx at %#lx (error code %#lx, cr2 %#lx)",
              f->vector, f->rip, f->error_code,
              trap_shared_info() ?
              trap_shared_info()->vcpu_info[0].arch.cr2 : 0);
    print_histogram();
    test_report();
    for ( ;; )
    {
        struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };

        HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    }
}

static void fuzz_traps_init(void)
{
    traps_init();
    for ( unsigned int v = 0; v < 32; v++ )
        trap_set_handler(v, fuzz_trap);
    trap_set_handler(VEC_EVENT, fuzz_trap);
    trap_set_handler(VEC_FAILSAFE, fuzz_trap);
    *upcall_mask() = 1;
}

static uint8_t spare_stack[4096] __attribute__((aligned(16)));

static void restore(unsigned int what)
{
    if ( what & FZ_TRAPS )
    {
        struct callback_unregister u = { .type = CALLBACKTYPE_nmi };

        HYPERVISOR_set_trap_table(NULL);
        HYPERVISOR_callback_op(CALLBACKOP_unregister, &u);
        HYPERVISOR_nmi_op(XENNMI_unregister_callback, NULL);
        traps_init();
    }
    if ( what & FZ_DEBUGREG )
    {
        HYPERVISOR_set_debugreg(7, 0);
        HYPERVISOR_set_debugreg(6, 0);
    }
    if ( what & FZ_SEGMENTS )
    {
        mmuext_op_t op = { .cmd = MMUEXT_SET_LDT };

        for ( unsigned int w = SEGBASE_FS; w <= SEGBASE_GS_USER_SEL; w++ )
            HYPERVISOR_set_segment_base(w, 0);
        HYPERVISOR_set_gdt(NULL, 0);
        HYPERVISOR_mmuext_op(&op, 1, NULL);
    }
    if ( what & FZ_FPU )
        HYPERVISOR_fpu_taskswitch(0);
    if ( what & FZ_STACK )
        HYPERVISOR_stack_switch(FLAT_KERNEL_SS, (unsigned long)spare_stack +
                                sizeof(spare_stack));
    if ( what & FZ_TIMERS )
    {
        HYPERVISOR_vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL);
        HYPERVISOR_vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL);
        hypercall1(__HYPERVISOR_set_timer_op, 0);
    }
    if ( what & FZ_AREAS )
    {
        struct vcpu_register_runstate_memory_area a = { 0 };

        HYPERVISOR_vcpu_op(VCPUOP_register_runstate_memory_area, 0, &a);
        HYPERVISOR_vcpu_op(VCPUOP_register_vcpu_time_memory_area, 0, &a);
    }
    if ( what & FZ_IO )
    {
        struct physdev_set_iopl iopl = { .iopl = 0 };
        struct physdev_set_iobitmap bm = { .nr_ports = 0 };

        hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, &iopl);
        hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iobitmap, &bm);
    }
    if ( what & FZ_PIN )
    {
        struct sched_pin_override p = { .pcpu = -1 };

        HYPERVISOR_sched_op(SCHEDOP_pin_override, &p);
    }
    *upcall_mask() = 1;
}

static long domctl(struct xen_domctl *d)
{
    return hypercall1(__HYPERVISOR_domctl, d);
}

static long domu_create(void)
{
    struct xen_domctl d;
    long rc;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_createdomain;
    d.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    d.u.createdomain.max_vcpus = 1;
    d.u.createdomain.max_evtchn_port = 1023;
    d.u.createdomain.max_grant_frames = 32;
    d.u.createdomain.max_maptrack_frames = 1024;
    d.u.createdomain.grant_opts = XEN_DOMCTL_GRANT_version(1);
    rc = domctl(&d);
    return rc ? rc : d.domain;
}

static long domu_simple(unsigned int cmd)
{
    struct xen_domctl d;

    memset(&d, 0, sizeof(d));
    d.cmd = cmd;
    d.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    d.domain = fuzz_domu;
    return domctl(&d);
}

/* The domU may be destroyed or crash: make a new one then. */
static void domu_keep(void)
{
    struct xen_domctl d;
    long rc;

    memset(&d, 0, sizeof(d));
    d.cmd = XEN_DOMCTL_getdomaininfo;
    d.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    d.domain = fuzz_domu;
    rc = domctl(&d);
    if ( !rc && d.domain == fuzz_domu &&
         !(d.u.getdomaininfo.flags & (XEN_DOMINF_dying |
                                      XEN_DOMINF_shutdown)) )
        return;
    domu_simple(XEN_DOMCTL_destroydomain);
    rc = domu_create();
    fuzz_domu = rc > 0 ? rc : DOMID_INVALID;
}

/* System time now, from VCPU 0's pvclock record and the TSC. */
static uint64_t sys_now(void)
{
    volatile struct vcpu_time_info *t =
        &trap_shared_info()->vcpu_info[0].time;
    uint32_t ver, lo, hi;
    uint64_t delta, now;

    do
    {
        ver = t->version;
        asm volatile ( "rdtsc" : "=a" (lo), "=d" (hi) :: "memory" );
        delta = (((uint64_t)hi << 32) | lo) - t->tsc_timestamp;
        if ( t->tsc_shift < 0 )
            delta >>= -t->tsc_shift;
        else
            delta <<= t->tsc_shift;
        now = t->system_time +
              (uint64_t)(((unsigned __int128)delta * t->tsc_to_system_mul)
                         >> 32);
        asm volatile ( "" ::: "memory" );
    } while ( (ver & 1) || ver != t->version );
    return now;
}

static uint64_t canary[1024];

static uint64_t canary_word(unsigned int i)
{
    return (i + 1) * 0x9e3779b97f4a7c15UL;
}

static void raise_bp(void)
{
    asm volatile ( "int3" );
}

/* Still a working guest: memory, page tables, events, time, traps. */
static void end_checks(void)
{
    unsigned long ma;
    unsigned int mapped = 0, pinned = 0;
    long port;
    uint64_t t0, t1;
    struct sched_poll poll = { .nr_ports = 0 };
    struct evtchn_reset reset = { .dom = DOMID_SELF };
    shared_info_t *s = trap_shared_info();

    for ( unsigned int i = 0; i < ARRAY_SIZE(canary); i++ )
        if ( canary[i] != canary_word(i) )
        {
            test_fail("fuzz: our memory changed at word %u", i);
            break;
        }

    /*
     * Undo what the calls left on the pool (pins, mappings in the scratch
     * slots, a user base) so that its frames hold no references; then
     * each is written through one mapping, read through another, and
     * becomes a page table and plain memory again.
     */
    mmuext1(MMUEXT_NEW_USER_BASEPTR, 0);
    for ( unsigned int i = 0; i < FZ_SLOTS + 2; i++ )
        uvm(scratch_va(i), 0, UVMF_INVLPG);
    for ( unsigned int i = 0; i < FZ_POOL; i++ )
        mmuext1(MMUEXT_UNPIN_TABLE, pool_mfn(i));
    for ( unsigned int i = 0; i < FZ_POOL; i++ )
    {
        uint64_t *a = scratch(FZ_CHECK_SLOT), *b = scratch(FZ_CHECK_SLOT + 1);

        if ( map_at(FZ_CHECK_SLOT, pool_mfn(i), PTE_DATA) )
            continue;
        a[7] = 0x5a5a5a5a5a5a5a5aUL ^ i;
        l1e_of(scratch_va(FZ_CHECK_SLOT + 1), &ma);
        if ( !mmu_update1(ma, (pool_mfn(i) << 12) | PTE_P | PTE_A) &&
             b[7] == (0x5a5a5a5a5a5a5a5aUL ^ i) )
            mapped++;
        memset(a, 0, PAGE);
        map_at(FZ_CHECK_SLOT, 0, 0);
        map_at(FZ_CHECK_SLOT + 1, 0, 0);
    }
    /* Once no frame maps another, every one can become a table. */
    for ( unsigned int i = 0; i < FZ_POOL; i++ )
        if ( !mmuext1(MMUEXT_PIN_L1_TABLE, pool_mfn(i)) &&
             !mmuext1(MMUEXT_UNPIN_TABLE, pool_mfn(i)) )
            pinned++;
    printf("fuzz: %u of %u pool frames writable, %u can be tables\n",
           mapped, FZ_POOL, pinned);
    CHECK(mapped > 0);
    CHECK(pinned > 0);
    CHECK_EQ(mmuext1(MMUEXT_NEW_BASEPTR, live_l4_mfn()), 0);
    CHECK_EQ(mmuext1(MMUEXT_TLB_FLUSH_LOCAL, 0), 0);

    /* An event channel round trip, after closing whatever the calls left. */
    CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_reset, &reset), 0);
    port = evtchn_bind_ipi_port();
    CHECK(port > 0);
    if ( port > 0 )
    {
        s->evtchn_pending[port / 64] &= ~(1UL << (port % 64));
        CHECK_EQ(evtchn_send_port(port), 0);
        CHECK(s->evtchn_pending[port / 64] & (1UL << (port % 64)));
        CHECK_EQ(evtchn_close_port(port), 0);
    }

    /* Time goes on, and a short poll ends. */
    t0 = sys_now();
    poll.timeout = t0 + 2000000;
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_poll, &poll), 0);
    t1 = sys_now();
    CHECK(t1 > t0 + 1000000);
    printf("fuzz: system time %lu -> %lu ns\n", (unsigned long)t0,
           (unsigned long)t1);

    CHECK(HYPERVISOR_xen_version(XENVER_version, NULL) > 0);
    CHECK(current_reservation() > 0);

    /* Our own trap handlers still get what we raise. */
    trap_set_handler(3, NULL);
    CHECK(expect_trap(3, 0, raise_bp));
}

static unsigned long arg(const char *key, unsigned long def)
{
    char buf[24];
    unsigned long v = 0;

    if ( !cmdline_get(key, buf, sizeof(buf)) || !buf[0] )
        return def;
    for ( const char *p = buf; *p >= '0' && *p <= '9'; p++ )
        v = v * 10 + (*p - '0');
    return v;
}

void fuzz_mem_init(void);

/* A call and the first words its pointer arguments point at, if ours. */
static void trace_call(unsigned long i, const struct fuzz_call *c)
{
    printf("fuzz: #%lu: %lu(%#lx, %#lx, %#lx, %#lx, %#lx)\n", i, c->nr,
           c->a[0], c->a[1], c->a[2], c->a[3], c->a[4]);
    for ( unsigned int a = 0; a < 3; a++ )
    {
        const uint64_t *w = (const uint64_t *)(c->a[a] & ~7UL);

        if ( c->a[a] < (unsigned long)_image_start ||
             c->a[a] + 96 > (unsigned long)_image_end )
            continue;
        printf("fuzz:   arg %u: %#lx %#lx %#lx %#lx %#lx %#lx %#lx %#lx "
               "%#lx %#lx %#lx %#lx\n", a, w[0], w[1], w[2], w[3], w[4],
               w[5], w[6], w[7], w[8], w[9], w[10], w[11]);
    }
}

void test_main(void)
{
    unsigned long seed = arg("seed", 1), n = arg("n", 20000);
    unsigned long trace = arg("trace", ~0UL), detail = arg("detail", 0);
    unsigned long every = arg("every", 0);
    long res0 = current_reservation(), rc;
    xen_pfn_t gt_frame;

    printf("fuzz: seed %lu, %lu calls\n", seed, n);
    rnd_seed(seed);
    for ( unsigned int i = 0; i < ARRAY_SIZE(canary); i++ )
        canary[i] = canary_word(i);
    fuzz_traps_init();
    fuzz_mem_init();
    if ( setup_table(DOMID_SELF, 1, &gt_frame) == GNTST_okay &&
         !map_at(GT_SLOT, gt_frame, PTE_DATA) )
        fuzz_gt = scratch(GT_SLOT);
    else
        test_fail("fuzz: cannot map our grant table");
    rc = domu_create();
    if ( rc <= 0 )
        test_fail("fuzz: cannot create the domU: %ld", rc);
    else
        fuzz_domu = rc;

    for ( unsigned long i = 0; i < n; i++ )
    {
        struct fuzz_call c;

        arena_reset();
        if ( i % 64 == 0 )
            fuzz_regrant();
        if ( i % 256 == 0 )
            domu_keep();
        if ( (n >= 10 && i % (n / 10) == 0) || (every && i % every == 0) )
            printf("fuzz: %lu of %lu\n", i, n);
        fuzz_gen(&c, false);
        if ( i >= trace )
            trace_call(i, &c);
        rc = hc_syscall(c.nr, c.a[0], c.a[1], c.a[2], c.a[3], c.a[4]);
        if ( i >= trace )
            printf("fuzz: #%lu: = %ld\n", i, rc);
        fuzz_record(&c, rc);
        if ( c.post )
            c.post(&c, rc);
        restore(c.restore);
    }
    printf("fuzz: %lu calls done\n", n);

    restore(~0u);
    print_histogram();
    if ( detail )
        print_details();
    printf("fuzz: traps: debug %lu, nmi %lu, int3 %lu, events %lu, "
           "failsafe %lu\n", traps_seen[1], traps_seen[2], traps_seen[3],
           traps_seen[VEC_EVENT], traps_seen[VEC_FAILSAFE]);
    printf("fuzz: reservation %ld -> %ld, balloon %u frames\n", res0,
           current_reservation(), balloon_count());
    end_checks();
    if ( fuzz_domu != DOMID_INVALID )
        domu_simple(XEN_DOMCTL_destroydomain);
}
