/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of the first hypercalls' logic: xen_version, console_io and
 * sched_op, and the hypercall page stubs.  Guest memory is a buffer here;
 * any address outside it faults, as an unmapped guest address would.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/sched.h>
#include <hv/event.h>
#include <hv/timer.h>
#include <hv/version.h>
#include <public/version.h>
#include <public/features.h>
#include <public/sched.h>
#include <public/event_channel.h>

/* --- the environment kernel.c, console-io.c and schedule.c expect ------ */

static uint8_t guest_mem[8192];
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

bool guest_range_ok(unsigned long addr, size_t n)
{
    return addr + n >= addr &&
           (addr + n <= 0xffff800000000000UL || addr >= 0xffff880000000000UL);
}

const char hv_version[] = "0.1";
const char hv_changeset[] = "hv test";
const char hv_compiler[] = "gcc test";
const char hv_compile_date[] = "today";
const char *hv_saved_cmdline(void) { return "console=com1 loglvl=all"; }

static struct shared_info shared;
static struct domain dom0 = { .domain_id = 0, .is_privileged = true,
                             .shared_info = &shared };
static struct domain domu = { .domain_id = 1 };
static struct vcpu vcpu = { .vcpu_info = &shared.vcpu_info[0] };
struct domain *hardware_domain = &dom0;
static int shutdown_calls;
static unsigned int shutdown_reason;

struct vcpu *current_vcpu(void) { return &vcpu; }

int domain_shutdown(struct domain *d, uint8_t reason)
{
    (void)d;
    shutdown_calls++;
    shutdown_reason = reason;
    return 0;
}

static char console_out[512];
static size_t console_len;
static const char *console_in = "";

void console_write(const char *buf, size_t len)
{
    if ( console_len + len <= sizeof(console_out) )
        memcpy(console_out + console_len, buf, len);
    console_len += len;
}

size_t console_input_read(char *buf, size_t len)
{
    size_t n = 0;

    while ( n < len && *console_in )
        buf[n++] = *console_in++;
    return n;
}

static int idle_calls;
static uint64_t fake_now, fake_deadline;

void arch_irq_disable(void) {}
void arch_irq_enable(void) {}
unsigned int arch_nr_cpus(void) { return 2; }
uint64_t arch_now(void) { return fake_now; }
void arch_set_deadline(uint64_t ns) { fake_deadline = ns; }

/*
 * The scheduler, as far as sched_op uses it.  A committed block is where
 * the VCPU would leave the CPU: here time passes to the next deadline (a
 * timer may wake it), or an event arrives.
 */
static bool blocked;

void vcpu_block_prepare(struct vcpu *v) { blocked = true; }
void vcpu_block_cancel(struct vcpu *v) { blocked = false; }
void vcpu_unblock(struct vcpu *v) { blocked = false; }
void vcpu_yield(struct vcpu *v) {}

bool vcpu_block_commit(struct vcpu *v)
{
    if ( !blocked )
        return false;
    idle_calls++;
    if ( fake_deadline )
    {
        fake_now = fake_deadline;
        timers_run(fake_now);
    }
    else
        shared.vcpu_info[0].evtchn_upcall_pending = 1;
    return true;
}

void printk(const char *fmt, ...)
{
    (void)fmt;
}

/* Event channels: only what SCHEDOP_poll asks, over the fake bitmap. */
void evtchn_poll_begin(struct vcpu *v, int port) { (void)v; (void)port; }
bool evtchn_poll_end(struct vcpu *v) { (void)v; return true; }

int evtchn_port_poll(struct domain *d, evtchn_port_t port)
{
    if ( port == 0 || port >= 4096 )
        return -EINVAL;
    return (d->shared_info->evtchn_pending[port / 64] >> (port % 64)) & 1;
}

struct domain *domain_lookup(domid_t domid)
{
    return domid == 0 ? &dom0 : domid == 1 ? &domu : NULL;
}

static void as(struct domain *d)
{
    vcpu.domain = d;
    memset(guest_mem, 0x5a, sizeof(guest_mem));
}

/* --- xen_version ------------------------------------------------------- */

static void test_version_number(void)
{
    as(&dom0);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_version, 0), 0x00040011);
}

static void test_version_strings(void)
{
    char buf[1024];

    as(&dom0);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_extraversion, GVA(0)), 0);
    CU_ASSERT_EQUAL(guest_mem[sizeof(xen_extraversion_t) - 1], 0);
    CU_ASSERT_EQUAL(guest_mem[sizeof(xen_extraversion_t)], 0x5a);

    CU_ASSERT_EQUAL(do_xen_version(XENVER_capabilities, GVA(0)), 0);
    memcpy(buf, guest_mem, sizeof(buf));
    CU_ASSERT_STRING_EQUAL(buf, "xen-3.0-x86_64 ");
    CU_ASSERT_EQUAL(guest_mem[sizeof(xen_capabilities_info_t) - 1], 0);

    CU_ASSERT_EQUAL(do_xen_version(XENVER_compile_info, GVA(0)), 0);
    CU_ASSERT_STRING_EQUAL(((xen_compile_info_t *)guest_mem)->compiler,
                           "gcc test");
    CU_ASSERT_EQUAL(do_xen_version(XENVER_changeset, GVA(0)), 0);
    CU_ASSERT_STRING_EQUAL((char *)guest_mem, "hv test");

    CU_ASSERT_EQUAL(do_xen_version(XENVER_commandline, GVA(0)), 0);
    CU_ASSERT_STRING_EQUAL((char *)guest_mem, "console=com1 loglvl=all");
    as(&domu);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_commandline, GVA(0)), 0);
    CU_ASSERT_STRING_EQUAL((char *)guest_mem, "<denied>");
}

static void test_version_platform(void)
{
    xen_platform_parameters_t p;

    as(&dom0);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_platform_parameters, GVA(8)), 0);
    memcpy(&p, guest_mem + 8, sizeof(p));
    CU_ASSERT_EQUAL(p.virt_start, 0xffff800000000000ULL);
}

static uint32_t features(struct domain *d, uint32_t idx, long *rc)
{
    xen_feature_info_t fi = { .submap_idx = idx };

    as(d);
    memcpy(guest_mem, &fi, sizeof(fi));
    *rc = do_xen_version(XENVER_get_features, GVA(0));
    memcpy(&fi, guest_mem, sizeof(fi));
    return fi.submap;
}

static void test_version_features(void)
{
    long rc;
    uint32_t m = features(&dom0, 0, &rc);

    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT(m & (1U << XENFEAT_mmu_pt_update_preserve_ad));
    CU_ASSERT(m & (1U << XENFEAT_highmem_assist));
    CU_ASSERT(m & (1U << XENFEAT_gnttab_map_avail_bits));
    CU_ASSERT(m & (1U << XENFEAT_dom0));
    CU_ASSERT(m & (1U << XENFEAT_memory_op_vnode_supported));
    CU_ASSERT(m & (1U << XENFEAT_direct_mapped));
    CU_ASSERT_FALSE(m & (1U << XENFEAT_writable_page_tables));
    CU_ASSERT_FALSE(m & (1U << XENFEAT_auto_translated_physmap));
    CU_ASSERT_FALSE(m & (1U << XENFEAT_hvm_callback_vector));

    m = features(&domu, 0, &rc);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_FALSE(m & (1U << XENFEAT_dom0));

    features(&dom0, 1, &rc);
    CU_ASSERT_EQUAL(rc, -EINVAL);
}

static void test_version_misc(void)
{
    as(&dom0);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_pagesize, 0), 4096);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_pagesize, GVA(0)), -EINVAL);
    CU_ASSERT_EQUAL(do_xen_version(12345, GVA(0)), -ENOSYS);
    CU_ASSERT_EQUAL(do_xen_version(-1, GVA(0)), -ENOSYS);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_build_id, 0), -ENODATA);
    as(&domu);
    CU_ASSERT_EQUAL(do_xen_version(XENVER_build_id, 0), -EPERM);
}

static void test_version_bad_pointers(void)
{
    static const int ops[] = {
        XENVER_extraversion, XENVER_compile_info, XENVER_capabilities,
        XENVER_changeset, XENVER_platform_parameters, XENVER_get_features,
        XENVER_guest_handle, XENVER_commandline,
    };

    as(&dom0);
    for ( unsigned int i = 0; i < ARRAY_SIZE(ops); i++ )
    {
        CU_ASSERT_EQUAL(do_xen_version(ops[i], 0), -EFAULT);
        /* Straddling the end of guest memory. */
        CU_ASSERT_EQUAL(do_xen_version(ops[i], GVA(sizeof(guest_mem) - 4)),
                        -EFAULT);
    }
}

/* --- console_io -------------------------------------------------------- */

static void test_console_write(void)
{
    as(&dom0);
    console_len = 0;
    memset(guest_mem, 'x', 300);
    memcpy(guest_mem, "hello", 5);
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_write, 5, GVA(0)), 0);
    CU_ASSERT_EQUAL(console_len, 5);
    CU_ASSERT_EQUAL(memcmp(console_out, "hello", 5), 0);
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_write, 0, 0), 0);
    /* Longer than one chunk: all of it, in order. */
    console_len = 0;
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_write, 300, GVA(0)), 0);
    CU_ASSERT_EQUAL(console_len, 300);
    CU_ASSERT_EQUAL(console_out[299], 'x');
    /* A fault part-way: what came before it is out, the call fails. */
    console_len = 0;
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_write, 200,
                                  GVA(sizeof(guest_mem) - 150)), -EFAULT);
    CU_ASSERT_EQUAL(console_len, 128);
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_write, 1, 0), -EFAULT);
}

static void test_console_read(void)
{
    as(&dom0);
    console_in = "";
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_read, 16, GVA(0)), 0);
    console_in = "abc";
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_read, 2, GVA(0)), 2);
    CU_ASSERT_EQUAL(memcmp(guest_mem, "ab", 2), 0);
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_read, 16, GVA(0)), 1);
    CU_ASSERT_EQUAL(guest_mem[0], 'c');
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_read, 0x80000000U, GVA(0)),
                    -E2BIG);
    console_in = "z";
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_read, 1, 0), -EFAULT);
}

static void test_console_other(void)
{
    as(&dom0);
    CU_ASSERT_EQUAL(do_console_io(2, 0, 0), -ENOSYS);
    CU_ASSERT_EQUAL(do_console_io(0xffffffffU, 0, 0), -ENOSYS);
    as(&domu);
    CU_ASSERT_EQUAL(do_console_io(CONSOLEIO_write, 1, GVA(0)), -EPERM);
}

/* --- sched_op ---------------------------------------------------------- */

static void test_sched_shutdown(void)
{
    struct sched_shutdown sd = { .reason = 0x103 };

    as(&dom0);
    shutdown_calls = 0;
    memcpy(guest_mem, &sd, sizeof(sd));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_shutdown, GVA(0)), 0);
    CU_ASSERT_EQUAL(shutdown_calls, 1);
    CU_ASSERT_EQUAL(shutdown_reason, 3);        /* the low byte only */
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_shutdown, 0), -EFAULT);
    CU_ASSERT_EQUAL(shutdown_calls, 1);
}

static void test_sched_other(void)
{
    as(&dom0);
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_yield, 0), 0);
    CU_ASSERT_EQUAL(do_sched_op(1000, 0), -ENOSYS);
    CU_ASSERT_EQUAL(do_sched_op(-1, 0), -ENOSYS);
}

static void test_sched_block(void)
{
    as(&dom0);
    shared.vcpu_info[0].evtchn_upcall_mask = 1;
    shared.vcpu_info[0].evtchn_upcall_pending = 1;
    idle_calls = 0;
    /* Pending already: block unmasks and returns without idling. */
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_block, 0), 0);
    CU_ASSERT_EQUAL(shared.vcpu_info[0].evtchn_upcall_mask, 0);
    CU_ASSERT_EQUAL(idle_calls, 0);
    shared.vcpu_info[0].evtchn_upcall_pending = 0;
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_block, 0), 0);
    CU_ASSERT_EQUAL(idle_calls, 1);
}

static long watchdog(uint32_t id, uint32_t timeout)
{
    struct sched_watchdog w = { .id = id, .timeout = timeout };

    memcpy(guest_mem, &w, sizeof(w));
    return do_sched_op(SCHEDOP_watchdog, GVA(0));
}

static void test_sched_watchdog(void)
{
    as(&domu);
    shutdown_calls = 0;
    fake_now = 0;
    CU_ASSERT_EQUAL(watchdog(0, 10), 1);
    CU_ASSERT_EQUAL(watchdog(0, 20), 2);
    /* Xen's unsigned arithmetic: -ENOSPC zero-extended. */
    CU_ASSERT_EQUAL(watchdog(0, 10), (long)(uint32_t)-ENOSPC);
    CU_ASSERT_EQUAL(watchdog(3, 10), -EINVAL);
    CU_ASSERT_EQUAL(watchdog(2, 0), 0);
    CU_ASSERT_EQUAL(watchdog(2, 0), -EINVAL);
    CU_ASSERT_EQUAL(fake_deadline, SECONDS(10));
    CU_ASSERT_EQUAL(watchdog(1, 5), 0);          /* re-armed earlier */
    CU_ASSERT_EQUAL(fake_deadline, SECONDS(5));
    timers_run(SECONDS(4));
    CU_ASSERT_EQUAL(shutdown_calls, 0);
    timers_run(SECONDS(5));
    CU_ASSERT_EQUAL(shutdown_calls, 1);
    CU_ASSERT_EQUAL(shutdown_reason, SHUTDOWN_watchdog);
    CU_ASSERT_EQUAL(fake_deadline, 0);
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_watchdog, 0), -EFAULT);
    domu.watchdog_inuse = 0;
}

static long pin(int32_t pcpu)
{
    struct sched_pin_override p = { .pcpu = pcpu };

    memcpy(guest_mem, &p, sizeof(p));
    return do_sched_op(SCHEDOP_pin_override, GVA(0));
}

static void test_sched_pin_override(void)
{
    as(&dom0);
    CU_ASSERT_EQUAL(pin(0x7fffffff), -EINVAL);
    CU_ASSERT_EQUAL(pin(-1), -EINVAL);
    CU_ASSERT_EQUAL(pin(5), -EINVAL);           /* no such CPU */
    CU_ASSERT_EQUAL(pin(1), 0);
    CU_ASSERT_EQUAL(pin(0), -EBUSY);
    CU_ASSERT_EQUAL(pin(-1), 0);
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_pin_override, 0), -EFAULT);
    as(&domu);
    CU_ASSERT_EQUAL(pin(0), -EPERM);
}

static void test_sched_poll(void)
{
    struct sched_poll p = { .nr_ports = 129 };
    evtchn_port_t ports[2] = { 3, 70 };

    as(&dom0);
    memset(&shared, 0, sizeof(shared));
    memcpy(guest_mem, &p, sizeof(p));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_poll, GVA(0)), -EINVAL);
    p.nr_ports = 2;
    set_xen_guest_handle(p.ports, (evtchn_port_t *)0xffff800000000000UL);
    memcpy(guest_mem, &p, sizeof(p));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_poll, GVA(0)), -EFAULT);

    /* A polled port already pending: returns without waiting. */
    memcpy(guest_mem + 64, ports, sizeof(ports));
    set_xen_guest_handle(p.ports, (evtchn_port_t *)(guest_mem + 64));
    memcpy(guest_mem, &p, sizeof(p));
    shared.evtchn_pending[1] = 1UL << 6;         /* port 70 */
    idle_calls = 0;
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_poll, GVA(0)), 0);
    CU_ASSERT_EQUAL(idle_calls, 0);

    /* A port not in use. */
    ports[0] = 5000;
    memcpy(guest_mem + 64, ports, sizeof(ports));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_poll, GVA(0)), -EINVAL);
    ports[0] = 3;
    memcpy(guest_mem + 64, ports, sizeof(ports));

    /* Nothing pending: the timeout ends the wait. */
    shared.evtchn_pending[1] = 0;
    shared.vcpu_info[0].evtchn_upcall_mask = 1;
    fake_now = 100;
    p.timeout = 1000;
    memcpy(guest_mem, &p, sizeof(p));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_poll, GVA(0)), 0);
    CU_ASSERT_EQUAL(idle_calls, 1);
    CU_ASSERT_EQUAL(fake_now, 1000);
    CU_ASSERT_EQUAL(fake_deadline, 0);
}

static void test_sched_compat_remote(void)
{
    struct sched_remote_shutdown rs = { .domain_id = 7, .reason = 1 };

    as(&dom0);
    CU_ASSERT_EQUAL(do_sched_op_compat(SCHEDOP_yield, 0), 0);
    CU_ASSERT_EQUAL(do_sched_op_compat(100, 0), -ENOSYS);
    shutdown_calls = 0;
    CU_ASSERT_EQUAL(do_sched_op_compat(SCHEDOP_shutdown, 0x102), 0);
    CU_ASSERT_EQUAL(shutdown_reason, 2);
    memcpy(guest_mem, &rs, sizeof(rs));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_remote_shutdown, GVA(0)), -ESRCH);
    rs.domain_id = 0;
    memcpy(guest_mem, &rs, sizeof(rs));
    as(&domu);
    memcpy(guest_mem, &rs, sizeof(rs));
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_remote_shutdown, GVA(0)), -EPERM);
    CU_ASSERT_EQUAL(do_sched_op(SCHEDOP_remote_shutdown, 0), -EFAULT);
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "version number", test_version_number },
        { "version strings", test_version_strings },
        { "platform parameters", test_version_platform },
        { "features", test_version_features },
        { "pagesize, unknown, build id", test_version_misc },
        { "version bad pointers", test_version_bad_pointers },
        { "console write", test_console_write },
        { "console read", test_console_read },
        { "console other", test_console_other },
        { "sched shutdown", test_sched_shutdown },
        { "sched yield, unknown", test_sched_other },
        { "sched block", test_sched_block },
        { "sched watchdog", test_sched_watchdog },
        { "sched pin override", test_sched_pin_override },
        { "sched poll", test_sched_poll },
        { "sched compat, remote shutdown", test_sched_compat_remote },
    };
    CU_pSuite s;
    unsigned int failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    s = CU_add_suite("hypercalls", NULL, NULL);
    for ( unsigned int i = 0; i < ARRAY_SIZE(tests); i++ )
        CU_add_test(s, tests[i].name, tests[i].fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
