/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RDMSR and WRMSR from PV guest kernels, with Xen 4.17's answers: which
 * MSRs exist for the guest, what they read, which writes are accepted,
 * dropped or refused with #GP.
 *
 * The vcpu owns the state of these, reached through ops->msr_get/msr_set
 * once the policy has passed the access: FS_BASE, GS_BASE, SHADOW_GS_BASE,
 * IA32_TSC (read), TSC_AUX, SPEC_CTRL, PRED_CMD and FLUSH_CMD (write),
 * MISC_FEATURES_ENABLES (write), the AMD DR address masks, and the
 * machine-check MSRs (P5_MC_*, MCG_*, MCi_*: the vMCE decides, an error
 * means #GP).
 */
#include <hv/errno.h>
#include "emul-private.h"

#define MSR_P5_MC_ADDR              0x00000000
#define MSR_P5_MC_TYPE              0x00000001
#define MSR_IA32_TSC                0x00000010
#define MSR_IA32_PLATFORM_ID        0x00000017
#define MSR_APIC_BASE               0x0000001b
#define MSR_TEST_CTRL               0x00000033
#define MSR_INTEL_CORE_THREAD_COUNT 0x00000035
#define MSR_IA32_FEATURE_CONTROL    0x0000003a
#define MSR_SPEC_CTRL               0x00000048
#define MSR_PRED_CMD                0x00000049
#define MSR_PPIN_CTL                0x0000004e
#define MSR_PPIN                    0x0000004f
#define MSR_IA32_UCODE_WRITE        0x00000079
#define MSR_AMD_PATCHLEVEL          0x0000008b
#define MSR_P6_PERFCTR0             0x000000c1
#define MSR_INTEL_PLATFORM_INFO     0x000000ce
#define MSR_CORE_CAPABILITIES       0x000000cf
#define MSR_IA32_MPERF              0x000000e7
#define MSR_IA32_APERF              0x000000e8
#define MSR_ARCH_CAPABILITIES       0x0000010a
#define MSR_FLUSH_CMD               0x0000010b
#define MSR_TSX_FORCE_ABORT         0x0000010f
#define MSR_TSX_CTRL                0x00000122
#define MSR_MCU_OPT_CTRL            0x00000123
#define MSR_MISC_FEATURES_ENABLES   0x00000140
#define MSR_IA32_MCG_CAP            0x00000179
#define MSR_IA32_MCG_CTL            0x0000017b
#define MSR_P6_EVNTSEL0             0x00000186
#define MSR_IA32_PERF_STATUS        0x00000198
#define MSR_IA32_PERF_CTL           0x00000199
#define MSR_IA32_THERM_CONTROL      0x0000019a
#define MSR_IA32_THERM_STATUS       0x0000019c
#define MSR_IA32_MISC_ENABLE        0x000001a0
#define MSR_IA32_ENERGY_PERF_BIAS   0x000001b0
#define MSR_IA32_CR_PAT             0x00000277
#define MSR_IA32_MC0_CTL2           0x00000280
#define MSR_CORE_PERF_FIXED_CTR0    0x00000309
#define MSR_CORE_PERF_FIXED_CTR2    0x0000030b
#define MSR_IA32_PERF_CAPABILITIES  0x00000345
#define MSR_CORE_PERF_FIXED_CTR_CTRL 0x0000038d
#define MSR_CORE_PERF_GLOBAL_OVF_CTRL 0x00000390
#define MSR_IA32_MC0_CTL            0x00000400
#define MSR_IA32_MCG_EXT_CTL        0x000004d0
#define MSR_RTIT_OUTPUT_BASE        0x00000560
#define MSR_RTIT_ADDR_B7            0x0000058f
#define MSR_U_CET                   0x000006a0
#define MSR_S_CET                   0x000006a2
#define MSR_PL0_SSP                 0x000006a4
#define MSR_INTERRUPT_SSP_TABLE     0x000006a8
#define MSR_X2APIC_FIRST            0x00000800
#define MSR_X2APIC_LAST             0x000008ff
#define MSR_IA32_BNDCFGS            0x00000d90
#define MSR_IA32_XSS                0x00000da0
#define MSR_EFER                    0xc0000080
#define MSR_FS_BASE                 0xc0000100
#define MSR_GS_BASE                 0xc0000101
#define MSR_SHADOW_GS_BASE          0xc0000102
#define MSR_TSC_AUX                 0xc0000103
#define MSR_AMD64_LWP_CFG           0xc0000105
#define MSR_AMD64_LWP_CBADDR        0xc0000106
#define MSR_K7_EVNTSEL0             0xc0010000
#define MSR_K7_PERFCTR3             0xc0010007
#define MSR_K8_SYSCFG               0xc0010010
#define MSR_K8_HWCR                 0xc0010015
#define MSR_K8_IORR_BASE0           0xc0010016
#define MSR_K8_IORR_MASK1           0xc0010019
#define MSR_K8_TOP_MEM1             0xc001001a
#define MSR_K8_TOP_MEM2             0xc001001d
#define MSR_AMD64_NB_CFG            0xc001001f
#define MSR_AMD_PATCHLOADER         0xc0010020
#define MSR_K7_FID_VID_CTL          0xc0010041
#define MSR_K7_FID_VID_STATUS       0xc0010042
#define MSR_FAM10H_MMIO_CONF_BASE   0xc0010058
#define MSR_K8_PSTATE_LIMIT         0xc0010061
#define MSR_K8_PSTATE7              0xc001006b
#define MSR_K8_TSEG_BASE            0xc0010112
#define MSR_K8_TSEG_MASK            0xc0010113
#define MSR_VIRT_SPEC_CTRL          0xc001011f
#define MSR_AMD_FAM15H_EVNTSEL0     0xc0010200
#define MSR_AMD_FAM15H_PERFCTR5     0xc001020b
#define MSR_AMD_PPIN_CTL            0xc00102f0
#define MSR_AMD_PPIN                0xc00102f1
#define MSR_AMD64_DR1_ADDRESS_MASK  0xc0011019
#define MSR_AMD64_DR3_ADDRESS_MASK  0xc001101b
#define MSR_AMD64_DR0_ADDRESS_MASK  0xc0011027
#define MSR_AMD64_DE_CFG            0xc0011029

/* CPUID features MSR availability hangs on. */
#define F_RDTSCP        PV_FEAT(FSW_E1D, 27)
#define F_LM            PV_FEAT(FSW_E1D, 29)
#define F_DBEXT         PV_FEAT(FSW_E1C, 26)
#define F_XSAVES        PV_FEAT(FSW_DA1, 3)
#define F_MPX           PV_FEAT(FSW_7B0, 14)
#define F_RDPID         PV_FEAT(FSW_7C0, 22)
#define F_IBPB          PV_FEAT(FSW_E8B, 12)
#define F_IBRS          PV_FEAT(FSW_E8B, 14)
#define F_AMD_SSBD      PV_FEAT(FSW_E8B, 24)
#define F_VIRT_SSBD     PV_FEAT(FSW_E8B, 25)
#define F_PSFD          PV_FEAT(FSW_E8B, 28)
#define F_IBRSB         PV_FEAT(FSW_7D0, 26)
#define F_L1D_FLUSH     PV_FEAT(FSW_7D0, 28)
#define F_ARCH_CAPS     PV_FEAT(FSW_7D0, 29)
#define F_SSBD          PV_FEAT(FSW_7D0, 31)
#define F_SBPB          PV_FEAT(FSW_E21A, 27)
#define F_INTEL_PSFD    PV_FEAT(FSW_7D2, 0)
#define F_IPRED_CTRL    PV_FEAT(FSW_7D2, 1)
#define F_RRSBA_CTRL    PV_FEAT(FSW_7D2, 2)
#define F_BHI_CTRL      PV_FEAT(FSW_7D2, 4)

#define APIC_BASE_BSP       (1ULL << 8)
#define APIC_BASE_ENABLE    (1ULL << 11)
#define APIC_DEFAULT_BASE   0xfee00000ULL
#define XEN_MSR_PAT         0x0000050100070406ULL
/* EFER bits a guest may see: SCE LME LMA NXE FFXSE (SVME never). */
#define EFER_GUEST_MASK     0x4d01ULL

/* Read and write results before the fall-back rules apply. */
enum { R_OK, R_GP, R_NONE };

static bool has(const struct pv_emul_vcpu *v, unsigned int feat)
{
    return pv_cpuid_has(v->cpuid, feat);
}

static bool vendor_is(const struct pv_emul_vcpu *v, unsigned int mask)
{
    return mask & (1u << v->cpuid->vendor);
}
#define INTEL       (1u << X86_VENDOR_INTEL)
#define AMD         (1u << X86_VENDOR_AMD)
#define HYGON       (1u << X86_VENDOR_HYGON)
#define CENTAUR     (1u << X86_VENDOR_CENTAUR)
#define SHANGHAI    (1u << X86_VENDOR_SHANGHAI)

static unsigned int family(const struct pv_emul_vcpu *v)
{
    uint32_t eax = v->cpuid->basic[1].a;
    unsigned int f = (eax >> 8) & 0xf;

    return f == 0xf ? f + ((eax >> 20) & 0xff) : f;
}

static bool in(uint32_t msr, uint32_t first, uint32_t last)
{
    return msr >= first && msr <= last;
}

/* Never offered, whatever the direction. */
static bool not_offered(uint32_t msr)
{
    switch ( msr )
    {
    case MSR_TEST_CTRL: case MSR_TSX_FORCE_ABORT: case MSR_TSX_CTRL:
    case MSR_MCU_OPT_CTRL: case MSR_U_CET: case MSR_S_CET:
    case MSR_AMD64_LWP_CFG: case MSR_AMD64_LWP_CBADDR:
    case MSR_PPIN_CTL: case MSR_PPIN: case MSR_AMD_PPIN_CTL:
    case MSR_AMD_PPIN:
        return true;
    }
    return in(msr, MSR_RTIT_OUTPUT_BASE, MSR_RTIT_ADDR_B7) ||
           in(msr, MSR_PL0_SSP, MSR_INTERRUPT_SSP_TABLE);
}

static bool is_mce(uint32_t msr)
{
    return msr == MSR_P5_MC_ADDR || msr == MSR_P5_MC_TYPE ||
           in(msr, MSR_IA32_MCG_CAP, MSR_IA32_MCG_CTL) ||
           in(msr, MSR_IA32_MC0_CTL2, MSR_IA32_MC0_CTL2 + 31) ||
           in(msr, MSR_IA32_MC0_CTL, MSR_IA32_MC0_CTL + 4 * 32 - 1) ||
           msr == MSR_IA32_MCG_EXT_CTL;
}

static bool is_dr_mask(uint32_t msr)
{
    return msr == MSR_AMD64_DR0_ADDRESS_MASK ||
           in(msr, MSR_AMD64_DR1_ADDRESS_MASK, MSR_AMD64_DR3_ADDRESS_MASK);
}

static bool is_k8_pstate(uint32_t msr)
{
    return msr == MSR_K7_FID_VID_CTL || msr == MSR_K7_FID_VID_STATUS ||
           in(msr, MSR_K8_PSTATE_LIMIT, MSR_K8_PSTATE7);
}

/*
 * Performance counters: with no vPMU they read as zero and drop writes,
 * on the vendor whose counters they are.
 */
static bool is_vpmu(const struct pv_emul_vcpu *v, uint32_t msr)
{
    if ( vendor_is(v, INTEL) &&
         (in(msr, MSR_P6_PERFCTR0, MSR_P6_PERFCTR0 + 7) ||
          in(msr, MSR_P6_EVNTSEL0, MSR_P6_EVNTSEL0 + 3) ||
          in(msr, MSR_CORE_PERF_FIXED_CTR0, MSR_CORE_PERF_FIXED_CTR2) ||
          in(msr, MSR_CORE_PERF_FIXED_CTR_CTRL,
             MSR_CORE_PERF_GLOBAL_OVF_CTRL)) )
        return true;
    return vendor_is(v, AMD | HYGON) &&
           (in(msr, MSR_AMD_FAM15H_EVNTSEL0, MSR_AMD_FAM15H_PERFCTR5) ||
            in(msr, MSR_K7_EVNTSEL0, MSR_K7_PERFCTR3));
}

static int get(const struct pv_emul_ops *ops, uint32_t msr, uint64_t *val)
{
    return ops->msr_get(msr, val) ? R_GP : R_OK;
}

static int set(const struct pv_emul_ops *ops, uint32_t msr, uint64_t val)
{
    return ops->msr_set(msr, val) ? R_GP : R_OK;
}

static uint64_t guest_efer(const struct pv_emul_ops *ops)
{
    uint64_t efer = 0;

    ops->rdmsr_host(MSR_EFER, &efer);
    return efer & EFER_GUEST_MASK;
}

/* MISC_ENABLE: no perfmon, BTS, PEBS, MONITOR or xTPR for guests. */
static uint64_t guest_misc_enable(uint64_t val)
{
    val &= ~((1ULL << 7) | (1ULL << 18));
    return val | (1ULL << 11) | (1ULL << 12) | (1ULL << 23);
}

static uint64_t spec_ctrl_valid(const struct pv_emul_vcpu *v)
{
    uint64_t ok = 3;                        /* IBRS, STIBP */

    if ( has(v, F_SSBD) || has(v, F_AMD_SSBD) )
        ok |= 1ULL << 2;
    if ( has(v, F_INTEL_PSFD) || has(v, F_PSFD) )
        ok |= 1ULL << 7;
    if ( has(v, F_IPRED_CTRL) )
        ok |= 3ULL << 3;
    if ( has(v, F_RRSBA_CTRL) )
        ok |= 3ULL << 5;
    if ( has(v, F_BHI_CTRL) )
        ok |= 1ULL << 10;
    return ok;
}

/* MSRs whose rules do not depend on the vCPU's register state. */
static int rdmsr_common(const struct pv_emul_vcpu *v,
                        const struct pv_emul_ops *ops, uint32_t msr,
                        uint64_t *val)
{
    if ( not_offered(msr) )
        return R_GP;
    if ( is_mce(msr) )
        return get(ops, msr, val);
    if ( in(msr, MSR_X2APIC_FIRST, MSR_X2APIC_LAST) )
        return R_GP;
    if ( in(msr, 0x40000000, 0x400002ff) )
    {
        /* The hypercall page MSR reads as zero. */
        *val = 0;
        return msr == 0x40000000 ? R_OK : R_GP;
    }
    if ( is_dr_mask(msr) )
        return has(v, F_DBEXT) ? get(ops, msr, val) : R_GP;

    switch ( msr )
    {
    case MSR_AMD_PATCHLOADER:       /* write-only */
    case MSR_IA32_UCODE_WRITE:
    case MSR_PRED_CMD:
    case MSR_FLUSH_CMD:
    case MSR_CORE_CAPABILITIES:
        return R_GP;

    case MSR_IA32_FEATURE_CONTROL:
        if ( !vendor_is(v, INTEL | CENTAUR | SHANGHAI) )
            return R_GP;
        *val = 1;                   /* locked, no VMX for PV */
        return R_OK;

    case MSR_IA32_PLATFORM_ID:
        if ( !vendor_is(v, INTEL) || ops->rdmsr_host(msr, val) )
            return R_GP;
        return R_OK;

    case MSR_AMD_PATCHLEVEL:
        /* The microcode revision: the host's, as loaded. */
        if ( !vendor_is(v, INTEL | AMD) || ops->rdmsr_host(msr, val) )
            return R_GP;
        return R_OK;

    case MSR_SPEC_CTRL:
        if ( !has(v, F_IBRSB) && !has(v, F_IBRS) )
            return R_GP;
        return get(ops, msr, val);

    case MSR_INTEL_PLATFORM_INFO:
        *val = v->cpuid->cpuid_faulting ? 1ULL << 31 : 0;
        return R_OK;

    case MSR_ARCH_CAPABILITIES:
        if ( !has(v, F_ARCH_CAPS) )
            return R_GP;
        *val = v->cpuid->arch_caps;
        return R_OK;

    case MSR_MISC_FEATURES_ENABLES:
        *val = v->cpuid_faulting ? 1 : 0;
        return R_OK;

    case MSR_IA32_PERF_STATUS:
    case MSR_IA32_PERF_CTL:
        if ( !vendor_is(v, INTEL | CENTAUR) )
            return R_GP;
        *val = 0;
        return R_OK;

    case MSR_IA32_THERM_STATUS:
        if ( !vendor_is(v, INTEL) )
            return R_GP;
        *val = 0;
        return R_OK;

    case MSR_IA32_BNDCFGS:
        return R_GP;                /* MPX is HVM's only */

    case MSR_IA32_XSS:
        if ( !has(v, F_XSAVES) )
            return R_GP;
        *val = 0;
        return R_OK;

    case MSR_TSC_AUX:
        if ( !has(v, F_RDTSCP) && !has(v, F_RDPID) )
            return R_GP;
        return get(ops, msr, val);

    case MSR_K8_SYSCFG: case MSR_K8_TOP_MEM1: case MSR_K8_TOP_MEM2:
    case MSR_K8_IORR_BASE0 ... MSR_K8_IORR_MASK1:
    case MSR_K8_TSEG_BASE: case MSR_K8_TSEG_MASK:
        if ( !vendor_is(v, AMD | HYGON) )
            return R_GP;
        /* Only dom0 sees the memory map's registers. */
        if ( !v->hardware_domain )
            return R_NONE;
        if ( ops->rdmsr_host(msr, val) )
            return R_GP;
        if ( msr == MSR_K8_SYSCFG )
            *val &= (1ULL << 22) | (1ULL << 21) | (1ULL << 20) | (1ULL << 18);
        return R_OK;

    case MSR_K8_HWCR:
        if ( !vendor_is(v, AMD | HYGON) )
            return R_GP;
        *val = 0;
        return R_OK;

    case MSR_VIRT_SPEC_CTRL:
        return has(v, F_VIRT_SSBD) ? get(ops, msr, val) : R_GP;

    case MSR_AMD64_DE_CFG:
        if ( !vendor_is(v, AMD | HYGON) )
            return R_GP;
        *val = 1ULL << 1;           /* LFENCE is dispatch-serialising */
        return R_OK;
    }
    return R_NONE;
}

static int rdmsr_pv(const struct pv_emul_vcpu *v,
                    const struct pv_emul_ops *ops, uint32_t msr,
                    uint64_t *val)
{
    uint64_t tmp;

    if ( is_vpmu(v, msr) )
    {
        *val = 0;
        return R_OK;
    }
    if ( is_k8_pstate(msr) )
    {
        if ( !vendor_is(v, AMD) )
            return R_NONE;
        *val = 0;
        return R_OK;
    }

    switch ( msr )
    {
    case MSR_APIC_BASE:
        /* Linux reads it; there is no APIC to give it. */
        *val = APIC_BASE_ENABLE | APIC_DEFAULT_BASE |
               (v->vcpu_id == 0 ? APIC_BASE_BSP : 0);
        return R_OK;

    case MSR_FS_BASE: case MSR_GS_BASE: case MSR_SHADOW_GS_BASE:
    case MSR_IA32_TSC:
        if ( msr != MSR_IA32_TSC && !has(v, F_LM) )
            return R_NONE;
        return get(ops, msr, val);

    case MSR_EFER:
        *val = guest_efer(ops);
        return R_OK;

    case MSR_IA32_CR_PAT:
        *val = XEN_MSR_PAT;
        return R_OK;

    case MSR_FAM10H_MMIO_CONF_BASE:
        if ( !vendor_is(v, AMD) || family(v) < 0x10 || family(v) >= 0x17 )
            return R_NONE;
        /* fall through */
    case MSR_AMD64_NB_CFG:
        *val = 0;
        return R_OK;

    case MSR_IA32_MISC_ENABLE:
        if ( ops->rdmsr_host(msr, val) )
            return R_NONE;
        *val = guest_misc_enable(*val);
        return R_OK;

    case MSR_IA32_PERF_CAPABILITIES:
        *val = 0;
        return R_OK;
    }

    /* Unknown: zero for relaxed domains if the hardware has it. */
    if ( v->msr_relaxed && !ops->rdmsr_host(msr, &tmp) )
    {
        *val = 0;
        return R_OK;
    }
    return R_NONE;
}

int pv_emul_rdmsr(const struct pv_emul_vcpu *v, const struct pv_emul_ops *ops,
                  uint32_t msr, uint64_t *val)
{
    uint64_t tmp;
    int rc;

    *val = 0;
    rc = rdmsr_common(v, ops, msr, val);
    if ( rc == R_NONE )
        rc = rdmsr_pv(v, ops, msr, val);
    if ( rc == R_OK )
        return EMUL_OK;

    /*
     * Kernels that read MSRs before they install a #GP handler would die
     * of the fault: give them zero where the hardware has the MSR.
     */
    if ( !v->has_gp_handler && (msr >> 16) != 0x4000 &&
         !ops->rdmsr_host(msr, &tmp) )
    {
        *val = 0;
        return EMUL_OK;
    }
    return EMUL_EXCEPTION;
}

static int wrmsr_common(const struct pv_emul_vcpu *v,
                        const struct pv_emul_ops *ops, uint32_t msr,
                        uint64_t val)
{
    uint64_t rsvd;

    if ( not_offered(msr) || in(msr, MSR_X2APIC_FIRST, MSR_X2APIC_LAST) )
        return R_GP;
    if ( is_mce(msr) )
        return set(ops, msr, val);
    if ( in(msr, 0x40000000, 0x400002ff) )
    {
        /* Hypercall page: a page-aligned guest address. */
        if ( msr != 0x40000000 || (val & 0xfff) )
            return R_GP;
        return ops->hypercall_page(val) ? R_GP : R_OK;
    }
    if ( is_dr_mask(msr) )
    {
        if ( !has(v, F_DBEXT) || val != (uint32_t)val )
            return R_GP;
        return set(ops, msr, val);
    }

    switch ( msr )
    {
    case MSR_IA32_PLATFORM_ID: case MSR_CORE_CAPABILITIES:
    case MSR_INTEL_CORE_THREAD_COUNT: case MSR_INTEL_PLATFORM_INFO:
    case MSR_ARCH_CAPABILITIES:
        return R_GP;                /* read-only */

    case MSR_AMD_PATCHLEVEL:
        /* Intel documents writing 0 before reading the revision. */
        return vendor_is(v, INTEL) && val == 0 ? R_OK : R_GP;

    case MSR_AMD_PATCHLOADER:
    case MSR_IA32_UCODE_WRITE:
        return R_GP;                /* no microcode loading from PV */

    case MSR_SPEC_CTRL:
        if ( (!has(v, F_IBRSB) && !has(v, F_IBRS)) ||
             (val & ~spec_ctrl_valid(v)) )
            return R_GP;
        return set(ops, msr, val);

    case MSR_PRED_CMD:
        if ( !has(v, F_IBRSB) && !has(v, F_IBPB) )
            return R_GP;
        rsvd = ~(1ULL | (has(v, F_SBPB) ? 1ULL << 7 : 0));
        if ( val & rsvd )
            return R_GP;
        return set(ops, msr, val);

    case MSR_FLUSH_CMD:
        if ( !has(v, F_L1D_FLUSH) || (val & ~1ULL) )
            return R_GP;
        return set(ops, msr, val);

    case MSR_MISC_FEATURES_ENABLES:
        rsvd = v->cpuid->cpuid_faulting ? ~1ULL : ~0ULL;
        if ( val & rsvd )
            return R_GP;
        return set(ops, msr, val);

    case MSR_IA32_PERF_CTL:
        return vendor_is(v, INTEL | CENTAUR) ? R_OK : R_GP;

    case MSR_IA32_BNDCFGS:
        return R_GP;

    case MSR_IA32_XSS:
        return has(v, F_XSAVES) && val == 0 ? R_OK : R_GP;

    case MSR_TSC_AUX:
        if ( (!has(v, F_RDTSCP) && !has(v, F_RDPID)) ||
             val != (uint32_t)val )
            return R_GP;
        return set(ops, msr, val);

    case MSR_VIRT_SPEC_CTRL:
        return has(v, F_VIRT_SSBD) ? set(ops, msr, val) : R_GP;

    case MSR_AMD64_DE_CFG:
        /* Dropped: some kernels die if this write faults. */
        return vendor_is(v, AMD | HYGON) ? R_OK : R_GP;
    }
    return R_NONE;
}

static bool canonical(uint64_t a)
{
    return ((int64_t)a >> 47) == ((int64_t)a >> 63);
}

static int wrmsr_pv(const struct pv_emul_vcpu *v,
                    const struct pv_emul_ops *ops, uint32_t msr,
                    uint64_t val)
{
    uint64_t tmp;

    /* No vPMU: counter writes are dropped. */
    if ( is_vpmu(v, msr) )
        return R_OK;
    if ( is_k8_pstate(msr) || msr == MSR_K8_HWCR )
        return vendor_is(v, AMD | HYGON) ? R_OK : R_NONE;

    switch ( msr )
    {
    case MSR_FS_BASE: case MSR_GS_BASE: case MSR_SHADOW_GS_BASE:
        if ( !has(v, F_LM) || !canonical(val) )
            return R_NONE;
        return set(ops, msr, val);

    case MSR_EFER:
        /* Linux writes back what it read; any change is refused. */
        return val == guest_efer(ops) ? R_OK : R_NONE;

    case MSR_AMD64_NB_CFG:
        return R_OK;

    case MSR_FAM10H_MMIO_CONF_BASE:
        if ( !vendor_is(v, AMD) || family(v) < 0x10 || family(v) >= 0x17 )
            return R_NONE;
        return R_OK;

    case MSR_IA32_MISC_ENABLE:
        /* Writes that would change it are ignored, not refused. */
        return ops->rdmsr_host(msr, &tmp) ? R_NONE : R_OK;

    case MSR_IA32_MPERF: case MSR_IA32_APERF:
        return vendor_is(v, INTEL | AMD | HYGON) ? R_OK : R_NONE;

    case MSR_IA32_THERM_CONTROL: case MSR_IA32_ENERGY_PERF_BIAS:
        return vendor_is(v, INTEL) ? R_OK : R_NONE;
    }

    if ( v->msr_relaxed && !ops->rdmsr_host(msr, &tmp) )
        return R_OK;
    return R_NONE;
}

int pv_emul_wrmsr(const struct pv_emul_vcpu *v, const struct pv_emul_ops *ops,
                  uint32_t msr, uint64_t val)
{
    int rc = wrmsr_common(v, ops, msr, val);

    if ( rc == R_NONE )
        rc = wrmsr_pv(v, ops, msr, val);
    return rc == R_OK ? EMUL_OK : EMUL_EXCEPTION;
}
