/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 64-bit PV hypercall dispatch.  A guest kernel executes SYSCALL with the
 * hypercall number in RAX and up to five arguments in RDI, RSI, RDX, R10
 * and R8; the result goes back in RAX.  Each table entry only narrows the
 * registers to the handler's argument types and calls it.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/continuation.h>
#include <hv/domctl.h>
#include <hv/platform-op.h>
#include <hv/answers.h>
#include <asm/current.h>
#include <asm/smp.h>
#include <hv/event.h>
#include <public/event_channel.h>
#include <public/xen.h>
#include "pv.h"

typedef long (*hypercall_fn_t)(const struct cpu_user_regs *r);

static long hc_xen_version(const struct cpu_user_regs *r)
{
    return do_xen_version((int)r->rdi, r->rsi);
}

static long hc_console_io(const struct cpu_user_regs *r)
{
    return do_console_io((unsigned int)r->rdi, (unsigned int)r->rsi, r->rdx);
}

static long hc_sched_op(const struct cpu_user_regs *r)
{
    return do_sched_op((int)r->rdi, r->rsi);
}

static long hc_sched_op_compat(const struct cpu_user_regs *r)
{
    return do_sched_op_compat((int)r->rdi, r->rsi);
}

static long hc_event_channel_op(const struct cpu_user_regs *r)
{
    return do_event_channel_op((int)r->rdi, r->rsi);
}

/* The pre-3.0.2 form: one struct evtchn_op holding the command. */
static long hc_event_channel_op_compat(const struct cpu_user_regs *r)
{
    struct evtchn_op op;

    if ( copy_from_guest(&op, r->rdi, sizeof(op)) )
        return -EFAULT;
    switch ( op.cmd )
    {
    case EVTCHNOP_bind_interdomain: case EVTCHNOP_bind_virq:
    case EVTCHNOP_bind_pirq: case EVTCHNOP_close: case EVTCHNOP_send:
    case EVTCHNOP_status: case EVTCHNOP_alloc_unbound:
    case EVTCHNOP_bind_ipi: case EVTCHNOP_bind_vcpu: case EVTCHNOP_unmask:
        break;
    default:
        return -ENOSYS;
    }
    return do_event_channel_op(op.cmd, r->rdi + offsetof(struct evtchn_op, u));
}

static long hc_set_timer_op(const struct cpu_user_regs *r)
{
    return do_set_timer_op(r->rdi);
}

static long hc_vcpu_op(const struct cpu_user_regs *r)
{
    return do_vcpu_op((int)r->rdi, (unsigned int)r->rsi, r->rdx);
}

static long hc_set_trap_table(const struct cpu_user_regs *r)
{
    return do_set_trap_table(r->rdi);
}

static long hc_set_gdt(const struct cpu_user_regs *r)
{
    return do_set_gdt(r->rdi, (unsigned int)r->rsi);
}

static long hc_stack_switch(const struct cpu_user_regs *r)
{
    return do_stack_switch(r->rdi, r->rsi);
}

static long hc_set_callbacks(const struct cpu_user_regs *r)
{
    return do_set_callbacks(r->rdi, r->rsi, r->rdx);
}

static long hc_fpu_taskswitch(const struct cpu_user_regs *r)
{
    return do_fpu_taskswitch((int)r->rdi);
}

static long hc_set_debugreg(const struct cpu_user_regs *r)
{
    return do_set_debugreg((int)r->rdi, r->rsi);
}

static long hc_get_debugreg(const struct cpu_user_regs *r)
{
    return do_get_debugreg((int)r->rdi);
}

static long hc_update_descriptor(const struct cpu_user_regs *r)
{
    return do_update_descriptor(r->rdi, r->rsi);
}

/* iret rewrites the whole frame: it is the one that needs it writable. */
static long hc_iret(const struct cpu_user_regs *r)
{
    return do_iret(guest_cpu_user_regs());
}

static long hc_set_segment_base(const struct cpu_user_regs *r)
{
    return do_set_segment_base((unsigned int)r->rdi, r->rsi);
}

static long hc_nmi_op(const struct cpu_user_regs *r)
{
    return do_nmi_op((unsigned int)r->rdi, r->rsi);
}

static long hc_callback_op(const struct cpu_user_regs *r)
{
    return do_callback_op((int)r->rdi, r->rsi);
}

static long hc_mmu_update(const struct cpu_user_regs *r)
{
    return do_mmu_update(r->rdi, (unsigned int)r->rsi, r->rdx,
                         (unsigned int)r->r10);
}

static long hc_mmuext_op(const struct cpu_user_regs *r)
{
    return do_mmuext_op(r->rdi, (unsigned int)r->rsi, r->rdx,
                        (unsigned int)r->r10);
}

static long hc_update_va_mapping(const struct cpu_user_regs *r)
{
    return do_update_va_mapping(r->rdi, r->rsi, r->rdx);
}

static long hc_update_va_mapping_otherdomain(const struct cpu_user_regs *r)
{
    return do_update_va_mapping_otherdomain(r->rdi, r->rsi, r->rdx,
                                            (domid_t)r->r10);
}

static long hc_memory_op(const struct cpu_user_regs *r)
{
    return do_memory_op(r->rdi, r->rsi);
}

static long hc_vm_assist(const struct cpu_user_regs *r)
{
    return do_vm_assist((unsigned int)r->rdi, (unsigned int)r->rsi);
}

static long hc_domctl(const struct cpu_user_regs *r)
{
    return do_domctl(r->rdi);
}

static long hc_sysctl(const struct cpu_user_regs *r)
{
    return do_sysctl(r->rdi);
}

static long hc_grant_table_op(const struct cpu_user_regs *r)
{
    return do_grant_table_op((unsigned int)r->rdi, r->rsi,
                             (unsigned int)r->rdx);
}

static long hc_multicall(const struct cpu_user_regs *r)
{
    return do_multicall(r->rdi, (uint32_t)r->rsi);
}

static long hc_platform_op(const struct cpu_user_regs *r)
{
    return do_platform_op(r->rdi);
}

static long hc_physdev_op(const struct cpu_user_regs *r)
{
    return do_physdev_op((int)r->rdi, r->rsi);
}

/* The pre-3.2 form: one struct physdev_op holding the command, any one. */
static long hc_physdev_op_compat(const struct cpu_user_regs *r)
{
    struct physdev_op op;

    if ( copy_from_guest(&op, r->rdi, sizeof(op)) )
        return -EFAULT;
    return do_physdev_op(op.cmd, r->rdi + offsetof(struct physdev_op, u));
}

static long hc_xenpmu_op(const struct cpu_user_regs *r)
{
    return do_xenpmu_op((unsigned int)r->rdi, r->rsi);
}

static long hc_mca(const struct cpu_user_regs *r)
{
    return do_mca(r->rdi);
}

static long hc_paging_domctl_cont(const struct cpu_user_regs *r)
{
    return do_paging_domctl_cont(r->rdi);
}

static long hc_hvm_op(const struct cpu_user_regs *r)
{
    return hvm_op_answer(r->rdi, r->rsi);
}

static long hc_kexec_op(const struct cpu_user_regs *r)
{
    return kexec_op_answer(r->rdi, r->rsi);
}

static const hypercall_fn_t hypercall_table[] = {
    [__HYPERVISOR_mmu_update] = hc_mmu_update,
    [__HYPERVISOR_mmuext_op] = hc_mmuext_op,
    [__HYPERVISOR_update_va_mapping] = hc_update_va_mapping,
    [__HYPERVISOR_update_va_mapping_otherdomain] =
        hc_update_va_mapping_otherdomain,
    [__HYPERVISOR_memory_op] = hc_memory_op,
    [__HYPERVISOR_vm_assist] = hc_vm_assist,
    [__HYPERVISOR_multicall] = hc_multicall,
    [__HYPERVISOR_grant_table_op] = hc_grant_table_op,
    [__HYPERVISOR_domctl] = hc_domctl,
    [__HYPERVISOR_sysctl] = hc_sysctl,
    [__HYPERVISOR_platform_op] = hc_platform_op,
    [__HYPERVISOR_set_trap_table] = hc_set_trap_table,
    [__HYPERVISOR_set_gdt] = hc_set_gdt,
    [__HYPERVISOR_stack_switch] = hc_stack_switch,
    [__HYPERVISOR_set_callbacks] = hc_set_callbacks,
    [__HYPERVISOR_fpu_taskswitch] = hc_fpu_taskswitch,
    [__HYPERVISOR_set_debugreg] = hc_set_debugreg,
    [__HYPERVISOR_get_debugreg] = hc_get_debugreg,
    [__HYPERVISOR_update_descriptor] = hc_update_descriptor,
    [__HYPERVISOR_iret] = hc_iret,
    [__HYPERVISOR_set_segment_base] = hc_set_segment_base,
    [__HYPERVISOR_nmi_op] = hc_nmi_op,
    [__HYPERVISOR_callback_op] = hc_callback_op,
    [__HYPERVISOR_physdev_op] = hc_physdev_op,
    [__HYPERVISOR_physdev_op_compat] = hc_physdev_op_compat,
    [__HYPERVISOR_xenpmu_op] = hc_xenpmu_op,
    [__HYPERVISOR_arch_0] = hc_mca,
    [__HYPERVISOR_arch_1] = hc_paging_domctl_cont,
    [__HYPERVISOR_hvm_op] = hc_hvm_op,
    [__HYPERVISOR_kexec_op] = hc_kexec_op,
    [__HYPERVISOR_xen_version] = hc_xen_version,
    [__HYPERVISOR_console_io] = hc_console_io,
    [__HYPERVISOR_sched_op] = hc_sched_op,
    [__HYPERVISOR_sched_op_compat] = hc_sched_op_compat,
    [__HYPERVISOR_event_channel_op] = hc_event_channel_op,
    [__HYPERVISOR_event_channel_op_compat] = hc_event_channel_op_compat,
    [__HYPERVISOR_set_timer_op] = hc_set_timer_op,
    [__HYPERVISOR_vcpu_op] = hc_vcpu_op,
};

bool pv_hypercall_known(unsigned long nr)
{
    return nr < ARRAY_SIZE(hypercall_table) && hypercall_table[nr];
}

void pv_hypercall_call(struct cpu_user_regs *regs)
{
    unsigned long nr = regs->rax;

    if ( !pv_hypercall_known(nr) )
    {
        static unsigned int reported;

        /* A guest must not be able to flood the console. */
        if ( reported < 16 )
        {
            reported++;
            printk(LOG_DEBUG "d%u: unknown hypercall %#lx\n",
                   current_domain()->domain_id, nr);
        }
        regs->rax = -ENOSYS;
        return;
    }
    regs->rax = hypercall_table[nr](regs);
}

/*
 * May this call run without the hypervisor lock?  xen_version only reads
 * constants and its caller's own domain, and writes the caller's memory,
 * which the guest could do itself; and guests make it often (Linux's null
 * call to have pending events delivered).  Every other call works on
 * state other CPUs share (asm/smp.h).
 */
static bool hypercall_needs_lock(unsigned long nr)
{
    return nr != __HYPERVISOR_xen_version;
}

/*
 * A call from the guest: it may stop midway and be issued again (see
 * common/hypercall-continue.c), in which case it returns to the SYSCALL.
 */
void pv_hypercall(struct cpu_user_regs *regs)
{
    bool lock = hypercall_needs_lock(regs->rax);
    unsigned int op;

    if ( lock )
        hv_lock();
    hypercall_enter();
    pv_hypercall_call(regs);
    if ( hypercall_leave(&op) )
        pv_hypercall_restart(regs, op);
    if ( lock )
        hv_unlock();
}
