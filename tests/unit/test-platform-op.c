/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of platform_op (common/platform-op.c) and of the wallclock
 * each domain sees with its time offset (common/time.c): the checks in
 * Xen's order, settime read back, CPU ids, firmware info, ACPI sleep.
 */
#include <CUnit/CUnit.h>
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/platform-op.h>

#include "harness.h"

/* --- a fake machine: three CPUs, a clock at 1700000000 ----------------- */

static uint64_t fake_now = 5000000000ULL;
static unsigned int fake_cpus = 3;
static uint32_t sleep_state;

uint64_t arch_now(void)
{
    return fake_now;
}

uint64_t arch_get_wallclock(uint64_t *at)
{
    *at = fake_now;
    return 1700000000;
}

unsigned int arch_nr_cpus(void)
{
    return fake_cpus;
}

void arch_cpu_ids(unsigned int cpu, uint32_t *apic_id, uint32_t *acpi_id)
{
    *apic_id = 0x10 + cpu;
    *acpi_id = 0x20 + cpu;
}

void arch_cpu_version(unsigned int cpu, char vendor[12], uint32_t *family,
                      uint32_t *model, uint32_t *stepping)
{
    memcpy(vendor, "GenuineIntel", 12);
    *family = 6;
    *model = 0x55;
    *stepping = cpu;
}

uint8_t arch_kbd_shift_flags(void)
{
    return 0x20;
}

/* Two ranges: the first write-back over 2 GiB, the second off. */
int arch_var_mtrr(unsigned int reg, uint64_t *mfn, uint64_t *nr_mfns,
                  uint32_t *type)
{
    if ( reg >= 2 )
        return -EINVAL;
    *mfn = 0;
    *nr_mfns = reg ? 0 : 0x80000;
    *type = reg ? 0 : 6;
    return 0;
}

int arch_acpi_sleep(uint32_t state)
{
    sleep_state = state;
    return state == 5 ? 0 : -EOPNOTSUPP;
}

/* What time.c needs beyond the wallclock: never reached here. */
uint64_t arch_read_tsc(void) { return 0; }
void arch_time_scale(uint64_t *o, uint32_t *m, int8_t *s)
{
    *o = 0;
    *m = 1;
    *s = 0;
}
uint8_t arch_pvclock_flags(void) { return 0; }
void timer_init(struct timer *t, void (*fn)(void *), void *data) { }
void timer_set(struct timer *t, uint64_t expires) { }
void timer_stop(struct timer *t) { }
void vcpu_timers_init(struct vcpu *v) { }
void vcpu_periodic_resume(struct vcpu *v) { }
void vcpu_periodic_pause(struct vcpu *v) { }
void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now) { }
void vcpu_runstate_publish(struct vcpu *v) { }

/* --- two fake domains ---------------------------------------------------- */

static struct shared_info shared0, shared1;
static struct domain dom0, dom1;
static struct vcpu vcpu0;
struct domain *hardware_domain = &dom0;

struct vcpu *current_vcpu(void)
{
    return &vcpu0;
}

struct domain *domain_lookup(domid_t id)
{
    return id == 0 ? &dom0 : id == 1 ? &dom1 : NULL;
}

/* Guest memory is a buffer of ours; anything else faults. */
static uint8_t guest_mem[4096];

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

static int suite_init(void)
{
    dom0.domain_id = 0;
    dom0.is_privileged = true;
    dom0.shared_info = &shared0;
    dom1.domain_id = 1;
    dom1.shared_info = &shared1;
    vcpu0.domain = &dom0;
    domain_time_init(&dom0);
    domain_time_init(&dom1);
    return 0;
}

static struct xen_platform_op *op_init(uint32_t cmd)
{
    struct xen_platform_op *op = (struct xen_platform_op *)guest_mem;

    memset(guest_mem, 0, sizeof(guest_mem));
    op->cmd = cmd;
    op->interface_version = XENPF_INTERFACE_VERSION;
    return op;
}

static long call(void)
{
    return do_platform_op((guest_va_t)guest_mem);
}

/* Seconds and nanoseconds at system time 0, as the guest reads them. */
static unsigned __int128 wc_ns(const struct shared_info *s)
{
    uint64_t sec = s->wc_sec | ((uint64_t)s->wc_sec_hi << 32);

    return (unsigned __int128)sec * 1000000000ULL + s->wc_nsec;
}

/* --- tests ---------------------------------------------------------------- */

static void test_checks(void)
{
    struct xen_platform_op *op = op_init(XENPF_settime64);
    bool copy_back = true;

    CU_ASSERT_EQUAL(do_platform_op(0), -EFAULT);
    CU_ASSERT_EQUAL(do_platform_op((guest_va_t)guest_mem + 4000), -EFAULT);
    op->interface_version = 0x03000000;
    CU_ASSERT_EQUAL(call(), -EACCES);
    /* The version before the caller: a domU with a bad one gets EACCES. */
    CU_ASSERT_EQUAL(platform_op(&dom1, op, &copy_back), -EACCES);
    CU_ASSERT_FALSE(copy_back);
    op->interface_version = XENPF_INTERFACE_VERSION;
    CU_ASSERT_EQUAL(platform_op(&dom1, op, &copy_back), -EPERM);
    op->cmd = 0x7777;
    CU_ASSERT_EQUAL(platform_op(&dom1, op, &copy_back), -EPERM);
    CU_ASSERT_EQUAL(call(), -ENOSYS);
    op->cmd = XENPF_microcode_update;
    CU_ASSERT_EQUAL(call(), -ENOSYS);
}

static void test_settime(void)
{
    struct xen_platform_op *op = op_init(XENPF_settime64);
    uint32_t v0 = shared0.wc_version, v1 = shared1.wc_version;

    op->u.settime64.secs = 1893456000;
    op->u.settime64.nsecs = 7;
    op->u.settime64.system_time = 3000000000ULL;
    CU_ASSERT_EQUAL(call(), 0);
    /* Every domain, by the version protocol. */
    CU_ASSERT_EQUAL(shared0.wc_version, v0 + 2);
    CU_ASSERT_EQUAL(shared1.wc_version, v1 + 2);
    CU_ASSERT(wc_ns(&shared0) ==
              (unsigned __int128)1893455997 * 1000000000ULL + 7);
    CU_ASSERT(wc_ns(&shared1) == wc_ns(&shared0));

    op->u.settime64.mbz = 1;
    op->u.settime64.secs = 1;
    CU_ASSERT_EQUAL(call(), -EINVAL);
    CU_ASSERT_EQUAL(shared0.wc_version, v0 + 2);

    op = op_init(XENPF_settime32);
    op->u.settime32.secs = 2000000000;
    op->u.settime32.nsecs = 999999999;
    op->u.settime32.system_time = 1;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT(wc_ns(&shared0) ==
              (unsigned __int128)2000000000 * 1000000000ULL + 999999998);
    CU_ASSERT_EQUAL(shared0.wc_nsec, 999999998);

    /* Past 2106, the seconds spill into wc_sec_hi. */
    op = op_init(XENPF_settime64);
    op->u.settime64.secs = 0x100000003ULL;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(shared0.wc_sec_hi, 1);
    CU_ASSERT_EQUAL(shared0.wc_sec, 3);
}

static void test_time_offset(void)
{
    struct xen_platform_op *op = op_init(XENPF_settime64);

    op->u.settime64.secs = 1893456000;
    CU_ASSERT_EQUAL(call(), 0);

    dom1.time_offset_seconds = -7200;
    update_domain_wallclock_time(&dom1);
    CU_ASSERT_EQUAL(shared1.wc_sec, 1893456000 - 7200);
    CU_ASSERT_EQUAL(shared1.wc_nsec, shared0.wc_nsec);
    CU_ASSERT_EQUAL(shared0.wc_sec, 1893456000);

    /* A settime keeps each domain's offset. */
    op->u.settime64.secs = 1900000000;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(shared1.wc_sec, 1900000000 - 7200);

    /* Wide offsets reach wc_sec_hi; negative ones borrow from it. */
    dom1.time_offset_seconds = 1LL << 33;
    update_domain_wallclock_time(&dom1);
    CU_ASSERT_EQUAL(shared1.wc_sec_hi, 2);
    CU_ASSERT_EQUAL(shared1.wc_sec, 1900000000);
    dom1.time_offset_seconds = -1900000001LL;
    update_domain_wallclock_time(&dom1);
    CU_ASSERT_EQUAL(shared1.wc_sec, 0xffffffffU);
    CU_ASSERT_EQUAL(shared1.wc_sec_hi, 0xffffffffU);
    dom1.time_offset_seconds = 0;
    update_domain_wallclock_time(&dom1);
}

static void test_cpuinfo(void)
{
    struct xen_platform_op *op = op_init(XENPF_get_cpuinfo);

    op->u.pcpu_info.xen_cpuid = 2;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(op->u.pcpu_info.apic_id, 0x12);
    CU_ASSERT_EQUAL(op->u.pcpu_info.acpi_id, 0x22);
    CU_ASSERT_EQUAL(op->u.pcpu_info.flags, XEN_PCPU_FLAGS_ONLINE);
    CU_ASSERT_EQUAL(op->u.pcpu_info.max_present, 2);

    /* Past the last CPU: marked invalid, the ids left as they were. */
    op->u.pcpu_info.xen_cpuid = 3;
    op->u.pcpu_info.apic_id = 0x99;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(op->u.pcpu_info.flags, XEN_PCPU_FLAGS_INVALID);
    CU_ASSERT_EQUAL(op->u.pcpu_info.apic_id, 0x99);
    CU_ASSERT_EQUAL(op->u.pcpu_info.max_present, 2);

    op = op_init(XENPF_get_cpu_version);
    op->u.pcpu_version.xen_cpuid = 1;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(memcmp(op->u.pcpu_version.vendor_id, "GenuineIntel",
                           12), 0);
    CU_ASSERT_EQUAL(op->u.pcpu_version.stepping, 1);
    op->u.pcpu_version.xen_cpuid = 9;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(op->u.pcpu_version.vendor_id[0], 0);
    CU_ASSERT_EQUAL(op->u.pcpu_version.model, 0);

    op = op_init(XENPF_cpu_online);
    op->u.cpu_ol.cpuid = 2;
    CU_ASSERT_EQUAL(call(), 0);
    op->u.cpu_ol.cpuid = 3;
    CU_ASSERT_EQUAL(call(), -EINVAL);
    op = op_init(XENPF_cpu_offline);
    CU_ASSERT_EQUAL(call(), -EOPNOTSUPP);
    op->u.cpu_ol.cpuid = ~0U;
    CU_ASSERT_EQUAL(call(), -EINVAL);
}

static void test_firmware(void)
{
    struct xen_platform_op *op = op_init(XENPF_firmware_info);

    op->u.firmware_info.type = XEN_FW_KBD_SHIFT_FLAGS;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(op->u.firmware_info.u.kbd_shift_flags, 0x20);
    op->u.firmware_info.index = 1;
    op->u.firmware_info.u.kbd_shift_flags = 0;
    CU_ASSERT_EQUAL(call(), -ESRCH);
    CU_ASSERT_EQUAL(op->u.firmware_info.u.kbd_shift_flags, 0);
    op->u.firmware_info.type = XEN_FW_DISK_INFO;
    CU_ASSERT_EQUAL(call(), -ESRCH);
    op->u.firmware_info.type = XEN_FW_EFI_INFO;
    CU_ASSERT_EQUAL(call(), -ENOSYS);
    op->u.firmware_info.type = 6;
    CU_ASSERT_EQUAL(call(), -EINVAL);
}

static void test_acpi_sleep(void)
{
    struct xen_platform_op *op = op_init(XENPF_enter_acpi_sleep);
    struct xenpf_enter_acpi_sleep *s = &op->u.enter_acpi_sleep;

    sleep_state = 0;
    s->sleep_state = 5;
    s->flags = XENPF_ACPI_SLEEP_EXTENDED | 2;
    CU_ASSERT_EQUAL(call(), -EPERM);
    s->flags = 2;
    CU_ASSERT_EQUAL(call(), -EINVAL);
    s->flags = 0;
    s->val_a = 0x3c00;
    s->val_b = 0x1c00;
    CU_ASSERT_EQUAL(call(), -EINVAL);
    s->val_b = 0;
    s->sleep_state = 6;
    CU_ASSERT_EQUAL(call(), -EINVAL);
    CU_ASSERT_EQUAL(sleep_state, 0);
    s->sleep_state = 3;
    CU_ASSERT_EQUAL(call(), -EOPNOTSUPP);
    CU_ASSERT_EQUAL(sleep_state, 3);
    s->sleep_state = 5;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(sleep_state, 5);
}

static void test_quirk(void)
{
    struct xen_platform_op *op = op_init(XENPF_platform_quirk);

    op->u.platform_quirk.quirk_id = QUIRK_NOIRQBALANCING;
    CU_ASSERT_EQUAL(call(), 0);
    op->u.platform_quirk.quirk_id = 0;
    CU_ASSERT_EQUAL(call(), -EINVAL);
}

static void test_memtype(void)
{
    struct xen_platform_op *op = op_init(XENPF_read_memtype);

    op->u.read_memtype.reg = 0;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(op->u.read_memtype.nr_mfns, 0x80000);
    CU_ASSERT_EQUAL(op->u.read_memtype.type, 6);
    op->u.read_memtype.reg = 1;
    CU_ASSERT_EQUAL(call(), 0);
    CU_ASSERT_EQUAL(op->u.read_memtype.nr_mfns, 0);
    op->u.read_memtype.reg = 2;
    CU_ASSERT_EQUAL(call(), -EINVAL);
}

static CU_TestInfo platform_tests[] = {
    { "checks in Xen's order", test_checks },
    { "settime", test_settime },
    { "time offset", test_time_offset },
    { "cpu info", test_cpuinfo },
    { "firmware info", test_firmware },
    { "acpi sleep", test_acpi_sleep },
    { "quirks", test_quirk },
    { "read_memtype", test_memtype },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "platform_op", suite_init, NULL, NULL, NULL, platform_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
