/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine side of privileged-instruction emulation: the VCPU state
 * the emulator's policy reads, and the effects it asks for (guest memory,
 * port I/O, control and debug registers, MSRs), wired into #GP and #UD.
 * What is allowed is decided in emul-priv-op.c and its helpers; this file
 * only carries it out on the current VCPU.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/guest-access.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/time.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <asm/xstate.h>
#include <asm/extable.h>
#include "../mm/mm.h"
#include "emul-priv-op.h"
#include "pv.h"

#define MSR_IA32_TSC                0x00000010
#define MSR_SPEC_CTRL               0x00000048
#define MSR_PRED_CMD                0x00000049
#define MSR_FLUSH_CMD               0x0000010b
#define MSR_MISC_FEATURES_ENABLES   0x00000140
#define MSR_IA32_MCG_CAP            0x00000179
#define MSR_IA32_MCG_STATUS         0x0000017a
#define MSR_IA32_MCG_CTL            0x0000017b
#define MSR_IA32_MC0_CTL            0x00000400
#define MSR_TSC_AUX                 0xc0000103
#define MSR_AMD64_DR1_ADDRESS_MASK  0xc0011019
#define MSR_AMD64_DR0_ADDRESS_MASK  0xc0011027
#define MSR_P5_MC_ADDR              0x00000000
#define MSR_P5_MC_TYPE              0x00000001

#define X86_CR4_TSD                 (1UL << 2)
#define X86_CR4_FSGSBASE            (1UL << 16)
#define MCG_CTL_P                   (1UL << 8)
#define GUEST_MC_BANKS              2

/*
 * The default PV policies, as Xen 4.17 gives them to a domain no
 * toolstack sets a policy for: dom0's, and every other domain's (which
 * lacks the invariant TSC: a domU may migrate).  Computed once.
 */
static struct pv_cpuid_host cpuid_host;
static struct pv_cpuid_policy dom0_policy, domu_policy;
static struct pv_cpuid_hv cpuid_hv;
static bool cpuid_ready;

static void host_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    cpuid_count(leaf, subleaf, &r->a, &r->b, &r->c, &r->d);
}

static unsigned int fls64(uint64_t x)
{
    return x ? 64 - __builtin_clzll(x) : 0;
}

static void cpuid_setup(void)
{
    struct time_scale ts;

    if ( cpuid_ready )
        return;
    pv_cpuid_host_defaults(&cpuid_host, host_cpuid);
    /* Without our XSAVE support, XSAVE must not be offered at all. */
    if ( !xstate_enabled() )
        cpuid_host.clear[FSW_1C] |= 1u << 26;
    pv_cpuid_policy_init(&dom0_policy, &cpuid_host, true);
    pv_cpuid_policy_init(&domu_policy, &cpuid_host, false);

    cpuid_hv.version = (4 << 16) | 17;
    /* The TSC runs native (tsc_mode 0): no frequency promised to guests. */
    cpuid_hv.tsc_khz = 0;
    cpuid_hv.cpu_khz = tsc_khz;
    cpuid_hv.host_rdtscp = false;
    ts = tsc_scale;
    cpuid_hv.vtsc_mul_frac = ts.mul_frac;
    cpuid_hv.vtsc_shift = ts.shift;
    cpuid_ready = true;
}

const struct pv_cpuid_policy *pv_cpuid_policy_of(const struct domain *d)
{
    cpuid_setup();
    return d->domain_id == 0 ? &dom0_policy : &domu_policy;
}

/* --- The VCPU as the policy sees it ------------------------------------ */

/* Code size and base of the guest's CS, from the descriptor it runs on. */
static void code_segment(const struct cpu_user_regs *regs,
                         unsigned int *bits, uint64_t *base)
{
    const uint64_t *gdt = (const uint64_t *)GDT_VIRT_START(
        smp_processor_id());
    uint64_t d;

    *bits = 64;
    *base = 0;
    if ( regs->cs & 4 )
        return;
    d = gdt[(regs->cs >> 3) & 0x1fff];
    if ( d & (1UL << 53) )
        return;
    *bits = d & (1UL << 54) ? 32 : 16;
    *base = ((d >> 16) & 0xffffff) | ((d >> 32) & 0xff000000);
}

static void op_get_vcpu(struct pv_emul_vcpu *e)
{
    struct vcpu *v = current_vcpu();
    const struct domain *d = v->domain;
    const struct pv_vcpu *pv = &v->arch.pv;

    memset(e, 0, sizeof(*e));
    e->kernel_mode = v->arch.kernel_mode;
    code_segment(guest_cpu_user_regs(), &e->code_bits, &e->cs_base);
    e->vcpu_id = v->vcpu_id;
    e->hardware_domain = d == hardware_domain;

    e->iopl = pv->iopl >> 12;
    e->architectural_iopl =
        d->arch.vm_assist & (1UL << VMASST_TYPE_architectural_iopl);
    e->iobmp = pv->iobmp;
    e->iobmp_limit = pv->iobmp_limit;

    e->cr0 = (read_cr0() & ~X86_CR0_TS) | (pv->ctrlreg[0] & X86_CR0_TS);
    e->cr2 = pv->ctrlreg[2];
    e->cr3 = v->arch.guest_table & PAGE_MASK;
    e->cr4 = pv->ctrlreg[4];
    e->host_cr4 = read_cr4();
    for ( unsigned int i = 0; i < 4; i++ )
        e->dr[i] = pv->dr[i];
    e->dr6 = pv->dr6;
    e->dr7 = pv->dr7;
    e->dr7_emul = pv->dr7_emul;

    e->has_gp_handler = pv->trap_ctxt[TRAP_gp_fault].address != 0;
    e->msr_relaxed = false;
    e->cpuid_faulting = pv->cpuid_faulting;
    e->cache_flush_permitted = d->is_privileged;

    e->cpuid = pv_cpuid_policy_of(d);
    /* Memory can be added after boot: the bound is read when asked. */
    cpuid_hv.mfn_bits = fls64(max_page - 1) + PAGE_SHIFT;
    e->hv = &cpuid_hv;
}

/* --- Guest memory ------------------------------------------------------- */

static unsigned int op_mem_read(uint64_t la, void *buf, unsigned int len)
{
    return raw_copy_from_guest(buf, (const void *)la, len);
}

static unsigned int op_mem_write(uint64_t la, const void *buf,
                                 unsigned int len)
{
    return raw_copy_to_guest((void *)la, buf, len);
}

/* The I/O bitmap is a kernel structure: read it with the kernel's tables. */
static unsigned int op_read_iobmp(uint64_t la, void *buf,
                                  unsigned int len)
{
    struct vcpu *v = current_vcpu();
    paddr_t user = read_cr3();
    unsigned int missing;

    if ( v->arch.kernel_mode || user == v->arch.guest_table )
        return op_mem_read(la, buf, len);
    write_cr3(v->arch.guest_table);
    missing = op_mem_read(la, buf, len);
    write_cr3(user);
    return missing;
}

static uint64_t op_seg_base(enum x86_seg seg)
{
    switch ( seg )
    {
    case X86_SEG_FS:
        return rdmsr(MSR_FS_BASE);
    case X86_SEG_GS:
        return rdmsr(MSR_GS_BASE);
    default:
        return 0;
    }
}

/* --- Port I/O ------------------------------------------------------------ */

#define RTC_PORT0   0x70
#define RTC_PORT1   0x71
#define PCI_CF8     0xcf8

/* The index the guest last wrote to port 0x70, and its CONFIG_ADDRESS. */
static uint8_t guest_cmos_idx;
static uint32_t guest_pci_cf8;

/*
 * Ports the hardware domain drives itself: all but those the hypervisor
 * keeps, as Xen keeps them (interrupt controllers, PIT channels 0-1, the
 * console UART, PCI data without an address from us).
 */
static bool port_permitted(const struct domain *d, unsigned int port)
{
    if ( !d->is_privileged )
        return false;
    if ( port == 0x20 || port == 0x21 || port == 0xa0 || port == 0xa1 )
        return false;
    if ( port >= 0x40 && port <= 0x41 )
        return false;
    if ( port >= 0x3f8 && port <= 0x3ff )
        return false;
    if ( port >= 0xcfc && port <= 0xcff )
        return false;
    return true;
}

static bool ports_permitted(const struct domain *d, unsigned int port,
                            unsigned int bytes)
{
    for ( unsigned int i = 0; i < bytes; i++ )
        if ( !port_permitted(d, port + i) )
            return false;
    return true;
}

/* Straight to the hardware: never CONFIG_ADDRESS or the RTC's ports. */
static bool direct_io(const struct domain *d, unsigned int port,
                      unsigned int bytes)
{
    if ( port == PCI_CF8 && bytes == 4 )
        return false;
    if ( port <= RTC_PORT1 && port + bytes > RTC_PORT0 )
        return false;
    return ports_permitted(d, port, bytes);
}

static uint32_t pci_conf_read(uint32_t cf8, unsigned int offset,
                              unsigned int size)
{
    uint32_t v;

    outl(cf8, PCI_CF8);
    v = inl(0xcfc);
    v >>= offset * 8;
    return size == 4 ? v : v & ((1u << (size * 8)) - 1);
}

static void pci_conf_write(uint32_t cf8, unsigned int offset,
                           unsigned int size, uint32_t val)
{
    uint32_t v, mask;

    outl(cf8, PCI_CF8);
    if ( size == 4 )
    {
        outl(val, 0xcfc);
        return;
    }
    mask = ((1u << (size * 8)) - 1) << (offset * 8);
    v = inl(0xcfc);
    v = (v & ~mask) | ((val << (offset * 8)) & mask);
    outl(v, 0xcfc);
}

static uint16_t inw(uint16_t port)
{
    uint16_t v;

    asm volatile ( "inw %1, %0" : "=a" (v) : "Nd" (port) );
    return v;
}

static void outw(uint16_t v, uint16_t port)
{
    asm volatile ( "outw %0, %1" : : "a" (v), "Nd" (port) );
}

static uint32_t io_in(unsigned int port, unsigned int bytes)
{
    switch ( bytes )
    {
    case 1: return inb(port);
    case 2: return inw(port);
    default: return inl(port);
    }
}

static void io_out(unsigned int port, unsigned int bytes, uint32_t val)
{
    switch ( bytes )
    {
    case 1: outb(val, port); break;
    case 2: outw(val, port); break;
    default: outl(val, port); break;
    }
}

static uint32_t op_io_read(unsigned int port, unsigned int bytes)
{
    const struct domain *d = current_domain();
    uint32_t data = 0;
    unsigned int shift = 0;

    if ( direct_io(d, port, bytes) )
        return io_in(port, bytes);

    while ( bytes )
    {
        unsigned int size = 1;
        uint32_t sub = ~0u;

        if ( port == RTC_PORT0 && d->is_privileged )
            sub = guest_cmos_idx;
        else if ( port == RTC_PORT1 && d->is_privileged )
        {
            unsigned long flags;

            local_irq_save(flags);
            outb(guest_cmos_idx & 0x7f, RTC_PORT0);
            sub = inb(RTC_PORT1);
            local_irq_restore(flags);
        }
        else if ( port == PCI_CF8 && bytes == 4 )
        {
            size = 4;
            sub = guest_pci_cf8;
        }
        else if ( (port & ~3u) == 0xcfc )
        {
            size = MIN(bytes, 4 - (port & 3));
            if ( size == 3 )
                size = 2;
            if ( d->is_privileged && (guest_pci_cf8 & (1u << 31)) )
                sub = pci_conf_read(guest_pci_cf8, port & 3, size);
        }
        else if ( port_permitted(d, port) )
        {
            if ( bytes > 1 && !(port & 1) && port_permitted(d, port + 1) )
            {
                sub = inw(port);
                size = 2;
            }
            else
                sub = inb(port);
        }

        if ( size == 4 )
            return sub;
        data |= (sub & ((1u << (size * 8)) - 1)) << shift;
        shift += size * 8;
        port += size;
        bytes -= size;
    }
    return data;
}

static void op_io_write(unsigned int port, unsigned int bytes, uint32_t val)
{
    const struct domain *d = current_domain();

    if ( direct_io(d, port, bytes) )
    {
        io_out(port, bytes, val);
        return;
    }

    while ( bytes )
    {
        unsigned int size = 1;

        if ( port == RTC_PORT0 && d->is_privileged )
            guest_cmos_idx = val;
        else if ( port == RTC_PORT1 && d->is_privileged )
        {
            unsigned long flags;

            local_irq_save(flags);
            outb(guest_cmos_idx & 0x7f, RTC_PORT0);
            outb(val, RTC_PORT1);
            local_irq_restore(flags);
        }
        else if ( port == PCI_CF8 && bytes == 4 )
        {
            size = 4;
            guest_pci_cf8 = val;
        }
        else if ( (port & ~3u) == 0xcfc )
        {
            size = MIN(bytes, 4 - (port & 3));
            if ( size == 3 )
                size = 2;
            if ( d->is_privileged && (guest_pci_cf8 & (1u << 31)) )
                pci_conf_write(guest_pci_cf8, port & 3, size, val);
        }
        else if ( port_permitted(d, port) )
        {
            if ( bytes > 1 && !(port & 1) && port_permitted(d, port + 1) )
            {
                outw(val, port);
                size = 2;
            }
            else
                outb(val, port);
        }

        if ( size == 4 )
            return;
        val >>= size * 8;
        port += size;
        bytes -= size;
    }
}

/* --- Control and debug registers ---------------------------------------- */

static void op_fpu_taskswitch(bool set)
{
    do_fpu_taskswitch(set);
}

static void op_write_cr2(uint64_t val)
{
    struct vcpu *v = current_vcpu();

    v->arch.pv.ctrlreg[2] = val;
    v->vcpu_info->arch.cr2 = val;
}

static int op_write_cr3(uint64_t val)
{
    return new_guest_cr3(current_vcpu(), val >> PAGE_SHIFT);
}

/*
 * The real CR4 follows the guest's in TSD (RDTSC faults for it) and in
 * FSGSBASE (its kernel enables {RD,WR}{FS,GS}BASE for itself, as on Xen;
 * the policy lets it only where the CPU has them).
 */
static void apply_cr4(const struct vcpu *v)
{
    const unsigned long own = X86_CR4_TSD | X86_CR4_FSGSBASE;
    unsigned long cr4 = read_cr4();

    cr4 = (cr4 & ~own) | (v->arch.pv.ctrlreg[4] & own);
    if ( cr4 != read_cr4() )
        write_cr4(cr4);
}

static void op_write_guest_cr4(uint64_t guest_cr4)
{
    struct vcpu *v = current_vcpu();

    v->arch.pv.ctrlreg[4] = guest_cr4;
    apply_cr4(v);
}

static void op_write_dr(unsigned int reg, uint64_t val, uint32_t dr7_emul)
{
    struct vcpu *v = current_vcpu();

    pv_load_debugreg(v, reg, val, dr7_emul);
}

static int op_write_xcr0(uint64_t val)
{
    return xstate_set_xcr0(current_vcpu(), val);
}

static void op_wbinvd(void)
{
    asm volatile ( "wbinvd" ::: "memory" );
}

/* --- MSRs ------------------------------------------------------------- */

static bool canonical(uint64_t va)
{
    return (uint64_t)(((int64_t)va << 16) >> 16) == va;
}

static bool is_mc_bank_msr(uint32_t msr)
{
    return msr >= MSR_IA32_MC0_CTL && msr < MSR_IA32_MC0_CTL + 4 * 32;
}

/* Machine-check MSRs, as Xen's virtual MCE presents them (2 banks). */
static int vmce_get(struct vcpu *v, uint32_t msr, uint64_t *val)
{
    const struct pv_vcpu *pv = &v->arch.pv;
    unsigned int bank, reg;

    *val = 0;
    switch ( msr )
    {
    case MSR_P5_MC_ADDR:
    case MSR_P5_MC_TYPE:
        return 0;
    case MSR_IA32_MCG_CAP:
        *val = pv->mcg_cap;
        return 0;
    case MSR_IA32_MCG_STATUS:
        *val = pv->mcg_status;
        return 0;
    case MSR_IA32_MCG_CTL:
        if ( pv->mcg_cap & MCG_CTL_P )
            *val = ~0UL;
        return 0;
    }
    if ( !is_mc_bank_msr(msr) )
        return -EINVAL;
    bank = (msr - MSR_IA32_MC0_CTL) / 4;
    reg = msr & 3;
    if ( reg == 0 )
        *val = ~0UL;
    else if ( bank < GUEST_MC_BANKS )
        *val = pv->mc_bank[bank][reg - 1];
    return 0;
}

static int vmce_set(struct vcpu *v, uint32_t msr, uint64_t val)
{
    struct pv_vcpu *pv = &v->arch.pv;
    unsigned int bank, reg;

    switch ( msr )
    {
    case MSR_P5_MC_ADDR:
    case MSR_P5_MC_TYPE:
    case MSR_IA32_MCG_CTL:
    case MSR_IA32_MCG_CAP:          /* read-only: writes are dropped */
        return 0;
    case MSR_IA32_MCG_STATUS:
        pv->mcg_status = val;
        return 0;
    }
    if ( !is_mc_bank_msr(msr) )
        return -EINVAL;
    bank = (msr - MSR_IA32_MC0_CTL) / 4;
    reg = msr & 3;
    if ( reg && bank < GUEST_MC_BANKS )
        pv->mc_bank[bank][reg - 1] = val;
    return 0;
}

static int op_msr_get(uint32_t msr, uint64_t *val)
{
    struct vcpu *v = current_vcpu();
    const struct pv_vcpu *pv = &v->arch.pv;

    switch ( msr )
    {
    case MSR_FS_BASE:
        *val = rdmsr(MSR_FS_BASE);
        return 0;
    case MSR_GS_BASE:
        *val = rdmsr(MSR_GS_BASE);
        return 0;
    case MSR_SHADOW_GS_BASE:
        *val = rdmsr(MSR_SHADOW_GS_BASE);
        return 0;
    case MSR_IA32_TSC:
        *val = rdtsc();
        return 0;
    case MSR_TSC_AUX:
        *val = pv->tsc_aux;
        return 0;
    case MSR_SPEC_CTRL:
        *val = pv->spec_ctrl;
        return 0;
    case MSR_AMD64_DR0_ADDRESS_MASK:
        *val = pv->dr_mask[0];
        return 0;
    case MSR_AMD64_DR1_ADDRESS_MASK ... MSR_AMD64_DR1_ADDRESS_MASK + 2:
        *val = pv->dr_mask[msr - MSR_AMD64_DR1_ADDRESS_MASK + 1];
        return 0;
    }
    return vmce_get(v, msr, val);
}

static int op_msr_set(uint32_t msr, uint64_t val)
{
    struct vcpu *v = current_vcpu();
    struct pv_vcpu *pv = &v->arch.pv;

    switch ( msr )
    {
    case MSR_FS_BASE:
        if ( !canonical(val) )
            return -EINVAL;
        wrmsr(MSR_FS_BASE, val);
        v->arch.fs_base = val;
        return 0;
    case MSR_GS_BASE:
        if ( !canonical(val) )
            return -EINVAL;
        wrmsr(MSR_GS_BASE, val);
        if ( v->arch.kernel_mode )
            v->arch.gs_base_kernel = val;
        else
            v->arch.gs_base_user = val;
        return 0;
    case MSR_SHADOW_GS_BASE:
        if ( !canonical(val) )
            return -EINVAL;
        wrmsr(MSR_SHADOW_GS_BASE, val);
        if ( v->arch.kernel_mode )
            v->arch.gs_base_user = val;
        else
            v->arch.gs_base_kernel = val;
        return 0;
    case MSR_TSC_AUX:
        pv->tsc_aux = (uint32_t)val;
        return 0;
    case MSR_SPEC_CTRL:
        pv->spec_ctrl = val;
        return 0;
    case MSR_PRED_CMD:
    case MSR_FLUSH_CMD:
        /* Barriers: nothing of another guest's to protect against yet. */
        return 0;
    case MSR_MISC_FEATURES_ENABLES:
        pv->cpuid_faulting = val & 1;
        return 0;
    case MSR_AMD64_DR0_ADDRESS_MASK:
        pv->dr_mask[0] = (uint32_t)val;
        return 0;
    case MSR_AMD64_DR1_ADDRESS_MASK ... MSR_AMD64_DR1_ADDRESS_MASK + 2:
        pv->dr_mask[msr - MSR_AMD64_DR1_ADDRESS_MASK + 1] = (uint32_t)val;
        return 0;
    }
    return vmce_set(v, msr, val);
}

static int op_rdmsr_host(uint32_t msr, uint64_t *val)
{
    uint32_t lo, hi;
    int fault = 0;

    asm volatile ( "1: rdmsr\n"
                   "2:\n"
                   " .pushsection .text.fixup, \"ax\", @progbits\n"
                   "3: movl $1, %[fault]\n"
                   "   xor %%eax, %%eax\n"
                   "   xor %%edx, %%edx\n"
                   "   jmp 2b\n"
                   " .popsection\n"
                   _ASM_EXTABLE(1b, 3b)
                   : "=a" (lo), "=d" (hi), [fault] "+r" (fault)
                   : "c" (msr) );
    *val = ((uint64_t)hi << 32) | lo;
    return fault ? -EFAULT : 0;
}

/* MSR 0x40000000: write a hypercall page into one of the guest's frames. */
static int op_hypercall_page(uint64_t gaddr)
{
    struct domain *d = current_domain();
    mfn_t mfn = gaddr >> PAGE_SHIFT;
    struct page_info *pg;

    if ( gaddr & ~PAGE_MASK )
        return -EINVAL;
    pg = get_page_from_mfn(mfn, d);
    if ( !pg )
        return -EINVAL;
    if ( get_page_type(pg, PGT_writable_page) )
    {
        put_page(pg);
        return -EINVAL;
    }
    pv_write_hypercall_page(maddr_to_virt((paddr_t)mfn << PAGE_SHIFT));
    put_page_and_type(pg);
    return 0;
}

static const struct pv_emul_ops emul_ops = {
    .get_vcpu = op_get_vcpu,
    .read = op_mem_read,
    .write = op_mem_write,
    .read_iobmp = op_read_iobmp,
    .seg_base = op_seg_base,
    .io_read = op_io_read,
    .io_write = op_io_write,
    .fpu_taskswitch = op_fpu_taskswitch,
    .write_cr2 = op_write_cr2,
    .write_cr3 = op_write_cr3,
    .write_cr4 = op_write_guest_cr4,
    .write_dr = op_write_dr,
    .write_xcr0 = op_write_xcr0,
    .wbinvd = op_wbinvd,
    .msr_get = op_msr_get,
    .msr_set = op_msr_set,
    .rdmsr_host = op_rdmsr_host,
    .hypercall_page = op_hypercall_page,
    .host_cpuid = host_cpuid,
};

/* --- Wiring ----------------------------------------------------------- */

void pv_emul_vcpu_init(struct vcpu *v)
{
    const struct pv_cpuid_policy *p = pv_cpuid_policy_of(v->domain);

    v->arch.pv.ctrlreg[4] = pv_cpuid_fixup_cr4(p, read_cr4(), 0);
    /* Xen's virtual MCE: two banks, and Intel's extra capabilities. */
    v->arch.pv.mcg_cap = GUEST_MC_BANKS;
    if ( p->vendor == X86_VENDOR_INTEL )
        v->arch.pv.mcg_cap |= (1UL << 24) | (1UL << 11) | (1UL << 10);
}

void pv_emul_vcpu_load(struct vcpu *v)
{
    apply_cr4(v);
}

static bool emulate(struct cpu_user_regs *regs, unsigned int vector)
{
    struct vcpu *v = current_vcpu();
    struct pv_emul_fault fault;

    switch ( pv_emulate_privileged_op(regs, vector, &emul_ops, &fault) )
    {
    case EMUL_OK:
    case EMUL_RETRY:
        return true;
    case EMUL_EXCEPTION:
        if ( fault.vector == TRAP_page_fault )
            pv_inject_page_fault(regs, fault.error_code, fault.cr2);
        else
        {
            if ( fault.vector == TRAP_debug )
                v->arch.pv.dr6 |= fault.dr6;
            pv_inject_hw_exception(regs, fault.vector, fault.error_code);
        }
        return true;
    }
    return false;
}

bool pv_emulate_gp(struct cpu_user_regs *regs)
{
    return emulate(regs, TRAP_gp_fault);
}

bool pv_emulate_ud(struct cpu_user_regs *regs)
{
    return emulate(regs, TRAP_invalid_op);
}
