/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * platform_op from dom0, with the sub-ops Linux uses: the wallclock set
 * and read back in shared_info, the CPUs' ids, firmware information,
 * ACPI sleep's refusals; the interface version, bad pointers, unknown
 * commands.  Also VCPUOP_get_physid, which depends on the CPU count.
 */
#include "time-util.h"
#include <public/platform.h>

const char test_title[] = "platform-op: dom0's host-wide operations";

static struct xen_platform_op op;

static long platform_op(void *p)
{
    return hypercall1(__HYPERVISOR_platform_op, p);
}

static void op_init(uint32_t cmd)
{
    memset(&op, 0, sizeof(op));
    op.cmd = cmd;
    op.interface_version = XENPF_INTERFACE_VERSION;
}

static void wallclock_ns(unsigned __int128 *ns)
{
    uint64_t sec;
    uint32_t nsec;

    wallclock_read(&sec, &nsec);
    *ns = (unsigned __int128)sec * NSEC_PER_SEC + nsec;
}

/* Set a date; the wallclock read back is that date minus 'at', exactly. */
static void settime(void)
{
    const uint64_t date = 1893456000;       /* 2030-01-01 00:00:00 */
    uint64_t at = now(), sec, before_sec;
    uint32_t nsec, before_nsec;
    unsigned __int128 ns;

    wallclock_read(&before_sec, &before_nsec);

    op_init(XENPF_settime64);
    op.u.settime64.secs = date;
    op.u.settime64.nsecs = 123456789;
    op.u.settime64.system_time = at;
    CHECK_EQ(platform_op(&op), 0);
    CHECK_EQ(shinfo->wc_version & 1, 0);
    wallclock_ns(&ns);
    CHECK(ns == (unsigned __int128)date * NSEC_PER_SEC + 123456789 - at);

    /* Beyond 32-bit seconds: the high half lands in wc_sec_hi. */
    op.u.settime64.secs = 0x100000010ULL;
    op.u.settime64.nsecs = 0;
    CHECK_EQ(platform_op(&op), 0);
    CHECK_EQ(shinfo->wc_sec_hi, 1);

    op.u.settime64.mbz = 1;
    op.u.settime64.secs = 5000000000ULL;
    CHECK_EQ(platform_op(&op), -EINVAL);
    CHECK_EQ(shinfo->wc_sec_hi, 1);

    op_init(XENPF_settime32);
    op.u.settime32.secs = (uint32_t)date;
    op.u.settime32.nsecs = 5;
    op.u.settime32.system_time = at;
    CHECK_EQ(platform_op(&op), 0);
    wallclock_ns(&ns);
    CHECK(ns == (unsigned __int128)date * NSEC_PER_SEC + 5 - at);

    /* Put the clock back where it was. */
    op_init(XENPF_settime64);
    op.u.settime64.secs = before_sec;
    op.u.settime64.nsecs = before_nsec;
    CHECK_EQ(platform_op(&op), 0);
    wallclock_read(&sec, &nsec);
    CHECK(sec == before_sec && nsec == before_nsec);
}

static void firmware(void)
{
    op_init(XENPF_firmware_info);
    op.u.firmware_info.type = XEN_FW_KBD_SHIFT_FLAGS;
    op.u.firmware_info.u.kbd_shift_flags = 0xaa;
    CHECK_EQ(platform_op(&op), 0);
    CHECK_EQ(op.u.firmware_info.u.kbd_shift_flags, 0);
    op.u.firmware_info.index = 1;
    CHECK_EQ(platform_op(&op), -ESRCH);

    op.u.firmware_info.index = 0;
    op.u.firmware_info.type = XEN_FW_DISK_INFO;
    CHECK_EQ(platform_op(&op), -ESRCH);
    op.u.firmware_info.type = XEN_FW_DISK_MBR_SIGNATURE;
    CHECK_EQ(platform_op(&op), -ESRCH);
    op.u.firmware_info.type = XEN_FW_VBEDDC_INFO;
    CHECK_EQ(platform_op(&op), -ESRCH);
    op.u.firmware_info.type = XEN_FW_EFI_INFO;
    op.u.firmware_info.index = XEN_FW_EFI_CONFIG_TABLE;
    CHECK_EQ(platform_op(&op), -ENOSYS);
    op.u.firmware_info.type = 0;
    CHECK_EQ(platform_op(&op), -EINVAL);
    op.u.firmware_info.type = 99;
    CHECK_EQ(platform_op(&op), -EINVAL);
}

/* CPUs: n of them, each online, its APIC and ACPI ids its number. */
static void cpus(unsigned int n)
{
    struct vcpu_get_physid id = { .phys_id = ~0ULL };

    for ( unsigned int cpu = 0; cpu <= n; cpu++ )
    {
        op_init(XENPF_get_cpuinfo);
        op.u.pcpu_info.xen_cpuid = cpu;
        op.u.pcpu_info.apic_id = 0x55;
        CHECK_EQ(platform_op(&op), 0);
        CHECK_EQ(op.u.pcpu_info.max_present, n - 1);
        if ( cpu < n )
        {
            CHECK_EQ(op.u.pcpu_info.flags, XEN_PCPU_FLAGS_ONLINE);
            CHECK_EQ(op.u.pcpu_info.apic_id, cpu);
            CHECK_EQ(op.u.pcpu_info.acpi_id, cpu);
        }
        else
        {
            CHECK_EQ(op.u.pcpu_info.flags, XEN_PCPU_FLAGS_INVALID);
            CHECK_EQ(op.u.pcpu_info.apic_id, 0x55);
        }
    }

    op_init(XENPF_get_cpu_version);
    CHECK_EQ(platform_op(&op), 0);
    CHECK_EQ(op.u.pcpu_version.max_present, n - 1);
    CHECK(op.u.pcpu_version.family >= 6);
    CHECK(!memcmp(op.u.pcpu_version.vendor_id, "AuthenticAMD", 12) ||
          !memcmp(op.u.pcpu_version.vendor_id, "GenuineIntel", 12));
    printf("cpu 0: %.12s family %u model %u stepping %u\n",
           op.u.pcpu_version.vendor_id, op.u.pcpu_version.family,
           op.u.pcpu_version.model, op.u.pcpu_version.stepping);
    op.u.pcpu_version.xen_cpuid = n;
    op.u.pcpu_version.family = 77;
    CHECK_EQ(platform_op(&op), 0);
    CHECK_EQ(op.u.pcpu_version.family, 0);
    CHECK_EQ(op.u.pcpu_version.vendor_id[0], 0);

    op_init(XENPF_cpu_online);
    CHECK_EQ(platform_op(&op), 0);
    op.u.cpu_ol.cpuid = n;
    CHECK_EQ(platform_op(&op), -EINVAL);
    op.u.cpu_ol.cpuid = ~0U;
    CHECK_EQ(platform_op(&op), -EINVAL);
    op_init(XENPF_cpu_offline);
    CHECK_EQ(platform_op(&op), -EOPNOTSUPP);
    op.u.cpu_ol.cpuid = n;
    CHECK_EQ(platform_op(&op), -EINVAL);

    /* Only a dom0 VCPU that may run on one CPU alone has a physical id. */
    if ( n == 1 )
    {
        CHECK_EQ(vcpu_op(VCPUOP_get_physid, 0, &id), 0);
        CHECK_EQ(id.phys_id, 0);
        CHECK_EQ(vcpu_op(VCPUOP_get_physid, 0, (void *)8), -EFAULT);
    }
    else
        CHECK_EQ(vcpu_op(VCPUOP_get_physid, 0, &id), -EINVAL);
    CHECK_EQ(vcpu_op(VCPUOP_get_physid, 1, &id), -ENOENT);
}

/* What is refused before anything sleeps. */
static void acpi_sleep(void)
{
    op_init(XENPF_enter_acpi_sleep);
    op.u.enter_acpi_sleep.sleep_state = 5;
    op.u.enter_acpi_sleep.flags = XENPF_ACPI_SLEEP_EXTENDED;
    CHECK_EQ(platform_op(&op), -EPERM);
    op.u.enter_acpi_sleep.flags = 2;
    CHECK_EQ(platform_op(&op), -EINVAL);
    op.u.enter_acpi_sleep.flags = 0;
    op.u.enter_acpi_sleep.val_a = 0x2000;
    op.u.enter_acpi_sleep.val_b = 0x1000;
    CHECK_EQ(platform_op(&op), -EINVAL);
    op.u.enter_acpi_sleep.val_a = op.u.enter_acpi_sleep.val_b = 0;
    op.u.enter_acpi_sleep.sleep_state = 0;
    CHECK_EQ(platform_op(&op), -EINVAL);
    op.u.enter_acpi_sleep.sleep_state = 6;
    CHECK_EQ(platform_op(&op), -EINVAL);
}

void test_main(void)
{
    char buf[8] = "1";
    unsigned int n;

    cmdline_get("cpus", buf, sizeof(buf));
    n = buf[0] - '0';
    if ( !map_shared_info() )
        return;

    /* The request is read first, then its version, then the caller. */
    CHECK_EQ(platform_op(NULL), -EFAULT);
    CHECK_EQ(platform_op((void *)0xffff800000000000UL), -EFAULT);
    op_init(XENPF_get_cpuinfo);
    op.interface_version = 0x03000000;
    CHECK_EQ(platform_op(&op), -EACCES);
    op.interface_version = 0;
    CHECK_EQ(platform_op(&op), -EACCES);

    op_init(0);
    CHECK_EQ(platform_op(&op), -ENOSYS);
    op_init(0x7777);
    CHECK_EQ(platform_op(&op), -ENOSYS);
    op_init(XENPF_change_freq);
    CHECK_EQ(platform_op(&op), -ENOSYS);
    op_init(XENPF_getidletime);
    CHECK_EQ(platform_op(&op), -ENOSYS);

    op_init(XENPF_platform_quirk);
    op.u.platform_quirk.quirk_id = QUIRK_IOAPIC_GOOD_REGSEL;
    CHECK_EQ(platform_op(&op), 0);
    op.u.platform_quirk.quirk_id = 9;
    CHECK_EQ(platform_op(&op), -EINVAL);

    settime();
    firmware();
    cpus(n);
    acpi_sleep();
}
