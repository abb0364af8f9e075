/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_platform_op: host-wide operations of the hardware domain,
 * with Xen 4.17's answers.  Linux as dom0 sets the wallclock through it
 * (and retries on every clock update until that works), reads its CPUs'
 * ids and the firmware's leftovers, and powers off through ACPI S5.
 *
 * We have no MTRR control, microcode, frequency or CPU hotplug control: those
 * commands answer -ENOSYS, which is also Xen's answer to the frequency
 * and idle-time ones when the hypervisor keeps that control.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <hv/guest-access.h>
#include <hv/platform-op.h>

/* Firmware data that a multiboot loader never collects. */
static long firmware_info(struct xenpf_firmware_info *fw, bool *copy_back)
{
    switch ( fw->type )
    {
    case XEN_FW_DISK_INFO:
    case XEN_FW_DISK_MBR_SIGNATURE:
    case XEN_FW_VBEDDC_INFO:
        /* No EDD or EDID record: every index is past the last. */
        return -ESRCH;
    case XEN_FW_EFI_INFO:
        /* Not booted through EFI. */
        return -ENOSYS;
    case XEN_FW_KBD_SHIFT_FLAGS:
        if ( fw->index != 0 )
            return -ESRCH;
        fw->u.kbd_shift_flags = arch_kbd_shift_flags();
        *copy_back = true;
        return 0;
    }
    return -EINVAL;
}

/* Every CPU we have is present and online, numbered from 0. */
static void pcpu_info(struct xenpf_pcpuinfo *info)
{
    unsigned int nr = arch_nr_cpus();

    if ( info->xen_cpuid >= nr )
        info->flags = XEN_PCPU_FLAGS_INVALID;
    else
    {
        arch_cpu_ids(info->xen_cpuid, &info->apic_id, &info->acpi_id);
        info->flags = XEN_PCPU_FLAGS_ONLINE;
    }
    info->max_present = nr - 1;
}

static void pcpu_version(struct xenpf_pcpu_version *ver)
{
    unsigned int nr = arch_nr_cpus();

    if ( ver->xen_cpuid >= nr )
    {
        memset(ver->vendor_id, 0, sizeof(ver->vendor_id));
        ver->family = ver->model = ver->stepping = 0;
    }
    else
        arch_cpu_version(ver->xen_cpuid, ver->vendor_id, &ver->family,
                         &ver->model, &ver->stepping);
    ver->max_present = nr - 1;
}

/* The PM1 control bit that starts the sleep: both registers agree on it. */
#define ACPI_SLP_EN 0x2000
#define ACPI_STATE_S5 5

static long enter_acpi_sleep(const struct xenpf_enter_acpi_sleep *s)
{
    /* The hardware-reduced sleep registers: QEMU's FADT has none. */
    if ( s->flags & XENPF_ACPI_SLEEP_EXTENDED )
        return -EPERM;
    if ( s->val_b && ((s->val_a ^ s->val_b) & ACPI_SLP_EN) )
        return -EINVAL;
    if ( s->flags )
        return -EINVAL;
    if ( s->sleep_state == 0 || s->sleep_state > ACPI_STATE_S5 )
        return -EINVAL;
    return arch_acpi_sleep(s->sleep_state);
}

/*
 * Our symbol table is empty: number 0 is already its end, which Xen
 * answers with an empty name; past the end is out of range.
 */
static long get_symbol(struct xenpf_symdata *sym)
{
    static const char empty[1];

    if ( sym->symnum > 0 )
        return -ERANGE;
    if ( sym->namelen &&
         copy_to_guest((guest_va_t)sym->name.p, empty, sizeof(empty)) )
        return -EFAULT;
    sym->namelen = sizeof(empty);
    return 0;
}

long platform_op(struct domain *caller, struct xen_platform_op *op,
                 bool *copy_back)
{
    *copy_back = false;
    if ( op->interface_version != XENPF_INTERFACE_VERSION )
        return -EACCES;
    if ( !caller->is_privileged )
        return -EPERM;

    switch ( op->cmd )
    {
    case XENPF_settime32:
        wallclock_set(op->u.settime32.secs, op->u.settime32.nsecs,
                      op->u.settime32.system_time);
        return 0;

    case XENPF_settime64:
        if ( op->u.settime64.mbz )
            return -EINVAL;
        wallclock_set(op->u.settime64.secs, op->u.settime64.nsecs,
                      op->u.settime64.system_time);
        return 0;

    case XENPF_platform_quirk:
        switch ( op->u.platform_quirk.quirk_id )
        {
        case QUIRK_NOIRQBALANCING:
        case QUIRK_IOAPIC_BAD_REGSEL:
        case QUIRK_IOAPIC_GOOD_REGSEL:
            /* We balance no interrupts and drive no IO-APIC. */
            return 0;
        }
        return -EINVAL;

    case XENPF_firmware_info:
        return firmware_info(&op->u.firmware_info, copy_back);

    case XENPF_enter_acpi_sleep:
        return enter_acpi_sleep(&op->u.enter_acpi_sleep);

    case XENPF_get_cpuinfo:
        pcpu_info(&op->u.pcpu_info);
        *copy_back = true;
        return 0;

    case XENPF_get_cpu_version:
        pcpu_version(&op->u.pcpu_version);
        *copy_back = true;
        return 0;

    case XENPF_cpu_online:
        /* Xen's CPU number is signed here: negative ones are too big. */
        return op->u.cpu_ol.cpuid >= arch_nr_cpus() ? -EINVAL : 0;

    case XENPF_cpu_offline:
        if ( op->u.cpu_ol.cpuid == 0 )
            return -EOPNOTSUPP;
        if ( op->u.cpu_ol.cpuid >= arch_nr_cpus() )
            return -EINVAL;
        /* Deliberately unlike Xen: our CPUs stay, whatever dom0 asks. */
        return -EOPNOTSUPP;

    case XENPF_read_memtype:
    {
        uint64_t mfn, nr;
        uint32_t type;
        int rc = arch_var_mtrr(op->u.read_memtype.reg, &mfn, &nr, &type);

        if ( rc )
            return rc;
        op->u.read_memtype.mfn = mfn;
        op->u.read_memtype.nr_mfns = nr;
        op->u.read_memtype.type = type;
        *copy_back = true;
        return 0;
    }

    case XENPF_get_symbol:
        *copy_back = true;
        return get_symbol(&op->u.symdata);
    }
    return -ENOSYS;
}

long do_platform_op(guest_va_t arg)
{
    struct xen_platform_op op;
    bool copy_back;
    long rc;

    if ( copy_from_guest(&op, arg, sizeof(op)) )
        return -EFAULT;
    rc = platform_op(current_domain(), &op, &copy_back);
    if ( copy_back &&
         copy_to_guest(arg + offsetof(struct xen_platform_op, u), &op.u,
                       sizeof(op.u)) )
        rc = -EFAULT;
    return rc;
}
