/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Default CPUID policy of 64-bit PV domains, computed as Xen 4.17 computes
 * it: host leaves -> host policy -> PV maximum -> PV default -> domain.
 */
#include <hv/lib.h>
#include <public/arch-x86/cpuid.h>
#include "cpuid-policy.h"

/* Feature numbers the computation refers to by name. */
#define F_FPU           PV_FEAT(FSW_1D, 0)
#define F_DE            PV_FEAT(FSW_1D, 2)
#define F_PSE           PV_FEAT(FSW_1D, 3)
#define F_TSC           PV_FEAT(FSW_1D, 4)
#define F_PAE           PV_FEAT(FSW_1D, 6)
#define F_APIC          PV_FEAT(FSW_1D, 9)
#define F_SEP           PV_FEAT(FSW_1D, 11)
#define F_MTRR          PV_FEAT(FSW_1D, 12)
#define F_PSE36         PV_FEAT(FSW_1D, 17)
#define F_MMX           PV_FEAT(FSW_1D, 23)
#define F_FXSR          PV_FEAT(FSW_1D, 24)
#define F_SSE           PV_FEAT(FSW_1D, 25)
#define F_SSE2          PV_FEAT(FSW_1D, 26)
#define F_HTT           PV_FEAT(FSW_1D, 28)
#define F_SSE3          PV_FEAT(FSW_1C, 0)
#define F_PCLMULQDQ     PV_FEAT(FSW_1C, 1)
#define F_MONITOR       PV_FEAT(FSW_1C, 3)
#define F_EIST          PV_FEAT(FSW_1C, 7)
#define F_SSSE3         PV_FEAT(FSW_1C, 9)
#define F_FMA           PV_FEAT(FSW_1C, 12)
#define F_CX16          PV_FEAT(FSW_1C, 13)
#define F_PCID          PV_FEAT(FSW_1C, 17)
#define F_SSE4_1        PV_FEAT(FSW_1C, 19)
#define F_SSE4_2        PV_FEAT(FSW_1C, 20)
#define F_X2APIC        PV_FEAT(FSW_1C, 21)
#define F_TSC_DEADLINE  PV_FEAT(FSW_1C, 24)
#define F_AESNI         PV_FEAT(FSW_1C, 25)
#define F_XSAVE         PV_FEAT(FSW_1C, 26)
#define F_OSXSAVE       PV_FEAT(FSW_1C, 27)
#define F_AVX           PV_FEAT(FSW_1C, 28)
#define F_F16C          PV_FEAT(FSW_1C, 29)
#define F_HYPERVISOR    PV_FEAT(FSW_1C, 31)
#define F_NX            PV_FEAT(FSW_E1D, 20)
#define F_MMXEXT        PV_FEAT(FSW_E1D, 22)
#define F_FFXSR         PV_FEAT(FSW_E1D, 25)
#define F_PAGE1GB       PV_FEAT(FSW_E1D, 26)
#define F_RDTSCP        PV_FEAT(FSW_E1D, 27)
#define F_LM            PV_FEAT(FSW_E1D, 29)
#define F_3DNOWEXT      PV_FEAT(FSW_E1D, 30)
#define F_3DNOW         PV_FEAT(FSW_E1D, 31)
#define F_LAHF_LM       PV_FEAT(FSW_E1C, 0)
#define F_CMP_LEGACY    PV_FEAT(FSW_E1C, 1)
#define F_SVM           PV_FEAT(FSW_E1C, 2)
#define F_EXTAPIC       PV_FEAT(FSW_E1C, 3)
#define F_SSE4A         PV_FEAT(FSW_E1C, 6)
#define F_MISALIGNSSE   PV_FEAT(FSW_E1C, 7)
#define F_XOP           PV_FEAT(FSW_E1C, 11)
#define F_LWP           PV_FEAT(FSW_E1C, 15)
#define F_FMA4          PV_FEAT(FSW_E1C, 16)
#define F_XSAVEOPT      PV_FEAT(FSW_DA1, 0)
#define F_XSAVEC        PV_FEAT(FSW_DA1, 1)
#define F_XGETBV1       PV_FEAT(FSW_DA1, 2)
#define F_XSAVES        PV_FEAT(FSW_DA1, 3)
#define F_FSGSBASE      PV_FEAT(FSW_7B0, 0)
#define F_TSC_ADJUST    PV_FEAT(FSW_7B0, 1)
#define F_AVX2          PV_FEAT(FSW_7B0, 5)
#define F_FDP_EXCP_ONLY PV_FEAT(FSW_7B0, 6)
#define F_RTM           PV_FEAT(FSW_7B0, 11)
#define F_NO_FPU_SEL    PV_FEAT(FSW_7B0, 13)
#define F_MPX           PV_FEAT(FSW_7B0, 14)
#define F_AVX512F       PV_FEAT(FSW_7B0, 16)
#define F_AVX512DQ      PV_FEAT(FSW_7B0, 17)
#define F_SMAP          PV_FEAT(FSW_7B0, 20)
#define F_AVX512_IFMA   PV_FEAT(FSW_7B0, 21)
#define F_AVX512PF      PV_FEAT(FSW_7B0, 26)
#define F_AVX512ER      PV_FEAT(FSW_7B0, 27)
#define F_AVX512CD      PV_FEAT(FSW_7B0, 28)
#define F_SHA           PV_FEAT(FSW_7B0, 29)
#define F_AVX512BW      PV_FEAT(FSW_7B0, 30)
#define F_AVX512VL      PV_FEAT(FSW_7B0, 31)
#define F_AVX512_VBMI   PV_FEAT(FSW_7C0, 1)
#define F_PKU           PV_FEAT(FSW_7C0, 3)
#define F_OSPKE         PV_FEAT(FSW_7C0, 4)
#define F_AVX512_VBMI2  PV_FEAT(FSW_7C0, 6)
#define F_GFNI          PV_FEAT(FSW_7C0, 8)
#define F_VAES          PV_FEAT(FSW_7C0, 9)
#define F_VPCLMULQDQ    PV_FEAT(FSW_7C0, 10)
#define F_AVX512_VNNI   PV_FEAT(FSW_7C0, 11)
#define F_AVX512_BITALG PV_FEAT(FSW_7C0, 12)
#define F_AVX512_VPOPCNTDQ PV_FEAT(FSW_7C0, 14)
#define F_RDPID         PV_FEAT(FSW_7C0, 22)
#define F_ITSC          PV_FEAT(FSW_E7D, 8)
#define F_RSTR_FP_ERR_PTRS PV_FEAT(FSW_E8B, 2)
#define F_IBPB          PV_FEAT(FSW_E8B, 12)
#define F_IBRS          PV_FEAT(FSW_E8B, 14)
#define F_AMD_STIBP     PV_FEAT(FSW_E8B, 15)
#define F_IBRS_ALWAYS   PV_FEAT(FSW_E8B, 16)
#define F_STIBP_ALWAYS  PV_FEAT(FSW_E8B, 17)
#define F_IBRS_FAST     PV_FEAT(FSW_E8B, 18)
#define F_IBRS_SAME_MODE PV_FEAT(FSW_E8B, 19)
#define F_NO_LMSL       PV_FEAT(FSW_E8B, 20)
#define F_AMD_SSBD      PV_FEAT(FSW_E8B, 24)
#define F_PSFD          PV_FEAT(FSW_E8B, 28)
#define F_IBPB_RET      PV_FEAT(FSW_E8B, 30)
#define F_AVX512_4VNNIW PV_FEAT(FSW_7D0, 2)
#define F_AVX512_4FMAPS PV_FEAT(FSW_7D0, 3)
#define F_AVX512_VP2INTERSECT PV_FEAT(FSW_7D0, 8)
#define F_MD_CLEAR      PV_FEAT(FSW_7D0, 10)
#define F_RTM_ALWAYS_ABORT PV_FEAT(FSW_7D0, 11)
#define F_TSXLDTRK      PV_FEAT(FSW_7D0, 16)
#define F_AVX512_FP16   PV_FEAT(FSW_7D0, 23)
#define F_IBRSB         PV_FEAT(FSW_7D0, 26)
#define F_STIBP         PV_FEAT(FSW_7D0, 27)
#define F_ARCH_CAPS     PV_FEAT(FSW_7D0, 29)
#define F_SSBD          PV_FEAT(FSW_7D0, 31)
#define F_AVX_VNNI      PV_FEAT(FSW_7A1, 4)
#define F_AVX512_BF16   PV_FEAT(FSW_7A1, 5)
#define F_LFENCE_DISPATCH PV_FEAT(FSW_E21A, 2)
#define F_VERW_CLEAR    PV_FEAT(FSW_E21A, 5)
#define F_SBPB          PV_FEAT(FSW_E21A, 27)
#define F_IBPB_BRTYPE   PV_FEAT(FSW_E21A, 28)
#define F_SRSO_US_NO    PV_FEAT(FSW_E21A, 30)
#define F_SRSO_MSR_FIX  PV_FEAT(FSW_E21A, 31)
#define F_INTEL_PSFD    PV_FEAT(FSW_7D2, 0)
#define F_IPRED_CTRL    PV_FEAT(FSW_7D2, 1)
#define F_RRSBA_CTRL    PV_FEAT(FSW_7D2, 2)
#define F_BHI_CTRL      PV_FEAT(FSW_7D2, 4)
#define F_EIBRS         PV_FEAT(FSW_ARCH_LO, 1)
#define F_RSBA          PV_FEAT(FSW_ARCH_LO, 2)
#define F_FB_CLEAR      PV_FEAT(FSW_ARCH_LO, 17)
#define F_RRSBA         PV_FEAT(FSW_ARCH_LO, 19)
#define F_RFDS_CLEAR    PV_FEAT(FSW_ARCH_LO, 28)

/*
 * Every feature Xen 4.17 knows; the others never reach a guest.  Word by
 * word in FSW_* order.
 */
static const uint32_t known_mask[PV_FS_WORDS] = {
    0xbfebfbff, 0xfffef3ff, 0xee500800, 0x2469bfff, 0x0000000f,
    0xffbfffff, 0x3a405fdf, 0x00000780, 0x779fd205, 0xfc91ef1c,
    0x00001c30, 0xf8000164, 0x00000001, 0x00000037, 0x00000000,
    0x00040000, 0x1fbeffff, 0x40000000, 0x00000006,
};

/*
 * Features a PV guest gets by default where the host has them: the ones
 * marked for all guest types.  Not here, notably: VME, PSE, PGE, PSE36,
 * MTRR (paging and MTRRs belong to the hypervisor), MONITOR, VMX/SVM,
 * PCID, X2APIC, TSC_DEADLINE, SMEP/SMAP, UMIP, PKU, INVPCID, PAGE1GB,
 * XSAVES, MPX, IBRS and AMD's STIBP/SSBD (HVM only).
 */
static const uint32_t pv_def_mask[PV_FS_WORDS] = {
    0x1fc9cbf5,     /* 1.edx: FPU DE TSC MSR PAE MCE CX8 APIC SEP MCA CMOV
                     * PAT CLFLUSH ACPI MMX FXSR SSE SSE2 SS HTT */
    0xf6d83203,     /* 1.ecx: SSE3 PCLMULQDQ SSSE3 FMA CX16 SSE4_1 SSE4_2
                     * MOVBE POPCNT AESNI XSAVE AVX F16C RDRAND HYPERVISOR */
    0xea500800,     /* e1.edx: SYSCALL NX MMXEXT FFXSR RDTSCP LM 3DNOW(EXT) */
    0x042109e3,     /* e1.ecx: LAHF_LM CMP_LEGACY ABM SSE4A MISALIGNSSE
                     * 3DNOWPREFETCH XOP FMA4 TBM DBEXT */
    0x00000007,     /* d:1.eax: XSAVEOPT XSAVEC XGETBV1 */
    0xfdaf0b29,     /* 7:0.ebx: FSGSBASE BMI1 AVX2 BMI2 ERMS RTM AVX512*
                     * RDSEED ADX CLFLUSHOPT CLWB SHA */
    0x02405f43,     /* 7:0.ecx: PREFETCHWT1 AVX512_VBMI(2) GFNI VAES
                     * VPCLMULQDQ AVX512_VNNI/BITALG/VPOPCNTDQ RDPID
                     * CLDEMOTE */
    0x00000000,     /* e7.edx */
    0x64001005,     /* e8.ebx: CLZERO RSTR_FP_ERR_PTRS IBPB SSB_NO BTC_NO
                     * IBPB_RET */
    0xac00441c,     /* 7:0.edx: AVX512_4VNNIW/4FMAPS FSRM MD_CLEAR
                     * SERIALIZE IBRSB STIBP ARCH_CAPS SSBD */
    0x00001c30,     /* 7:1.eax: AVX_VNNI AVX512_BF16 FZRM FSRS FSRCS */
    0x78000064,     /* e21.eax: LFENCE_DISPATCH VERW_CLEAR NSCB SBPB
                     * IBPB_BRTYPE SRSO_NO SRSO_US_NO */
    0x00000000,     /* 7:1.ebx */
    0x00000021,     /* 7:2.edx: INTEL_PSFD MCDT_NO */
    0x00000000,     /* 7:1.ecx */
    0x00000000,     /* 7:1.edx */
    0x1d12e173,     /* ARCH_CAPS lo: the *_NO bits, EIBRS, FB_CLEAR,
                     * RFDS_CLEAR */
    0x40000000,     /* ARCH_CAPS hi: ITS_NO */
    0x00000006,     /* e21.ecx: TSA_SQ_NO TSA_L1_NO */
};

/* The PV maximum adds the opt-in features to the default set. */
static const uint32_t pv_max_extra[PV_FS_WORDS] = {
    [FSW_7B0] = 0x00000010,         /* HLE */
    [FSW_7C0] = 0x18000000,         /* MOVDIRI MOVDIR64B */
    [FSW_E7D] = 0x00000100,         /* ITSC */
    [FSW_7D0] = 0x00010100,         /* AVX512_VP2INTERSECT TSXLDTRK */
};

/* Features Linux finds in both 1.edx and e1.edx on AMD. */
#define COMMON_1D_FEATURES 0x0183f3ffu

/*
 * Feature dependencies: without the first, none of the others may be
 * offered (the guest would see an implausible CPU otherwise).
 */
static const uint16_t deps[][13] = {
    { F_FPU, F_MMX, F_RSTR_FP_ERR_PTRS },
    { F_PSE, F_PSE36 },
    { F_PAE, F_LM, F_NX },
    { F_TSC, F_TSC_DEADLINE, F_RDTSCP, F_TSC_ADJUST, F_ITSC },
    { F_APIC, F_X2APIC, F_TSC_DEADLINE, F_EXTAPIC },
    { F_MMX, F_MMXEXT, F_3DNOW },
    { F_FXSR, F_FFXSR, F_SSE },
    { F_SSE, F_SSE2, F_MISALIGNSSE },
    { F_SSE2, F_SSE3, F_LM, F_AESNI, F_PCLMULQDQ, F_SHA, F_GFNI },
    { F_SSE3, F_SSSE3, F_SSE4A },
    { F_SSSE3, F_SSE4_1 },
    { F_SSE4_1, F_SSE4_2 },
    { F_XSAVE, F_XSAVEOPT, F_XSAVEC, F_XGETBV1, F_XSAVES, F_AVX, F_MPX,
      F_PKU, F_LWP },
    { F_AVX, F_FMA, F_FMA4, F_F16C, F_AVX2, F_XOP },
    { F_NX, F_SMAP },
    { F_LM, F_CX16, F_PCID, F_LAHF_LM, F_PAGE1GB, F_PKU, F_NO_LMSL },
    { F_3DNOW, F_3DNOWEXT },
    { F_AVX2, F_AVX512F, F_VAES, F_VPCLMULQDQ, F_AVX_VNNI },
    { F_AVX512F, F_AVX512DQ, F_AVX512_IFMA, F_AVX512PF, F_AVX512ER,
      F_AVX512CD, F_AVX512BW, F_AVX512VL, F_AVX512_4VNNIW, F_AVX512_4FMAPS,
      F_AVX512_VNNI, F_AVX512_VPOPCNTDQ, F_AVX512_VP2INTERSECT },
    { F_AVX512BW, F_AVX512_VBMI, F_AVX512_VBMI2, F_AVX512_BITALG,
      F_AVX512_BF16, F_AVX512_FP16 },
    { F_PCLMULQDQ, F_VPCLMULQDQ },
    { F_AESNI, F_VAES },
    { F_IBRSB, F_STIBP, F_SSBD, F_INTEL_PSFD, F_EIBRS, F_IPRED_CTRL,
      F_RRSBA_CTRL, F_BHI_CTRL },
    { F_IBRS, F_AMD_STIBP, F_AMD_SSBD, F_PSFD, F_IBRS_ALWAYS, F_IBRS_FAST,
      F_IBRS_SAME_MODE },
    { F_IBPB, F_IBPB_RET, F_SBPB, F_IBPB_BRTYPE },
    { F_AMD_STIBP, F_STIBP_ALWAYS },
    { F_RTM, F_TSXLDTRK },
    { F_EIBRS, F_RRSBA },
};

typedef uint32_t featureset_t[PV_FS_WORDS];

static bool fs_test(const uint32_t *fs, unsigned int f)
{
    return fs[f / 32] & (1u << (f % 32));
}

static void fs_set(uint32_t *fs, unsigned int f)
{
    fs[f / 32] |= 1u << (f % 32);
}

static void fs_clear(uint32_t *fs, unsigned int f)
{
    fs[f / 32] &= ~(1u << (f % 32));
}

/*
 * Removes what depends, directly or not, on a missing feature, and what
 * Xen does not know.  Iterating to a fixed point covers the chains.
 */
static void sanitise(uint32_t *fs)
{
    bool changed;
    unsigned int i, j;

    for ( i = 0; i < PV_FS_WORDS; i++ )
        fs[i] &= known_mask[i];
    do {
        changed = false;
        for ( i = 0; i < ARRAY_SIZE(deps); i++ )
        {
            if ( fs_test(fs, deps[i][0]) )
                continue;
            for ( j = 1; j < ARRAY_SIZE(deps[i]) && deps[i][j]; j++ )
            {
                if ( fs_test(fs, deps[i][j]) )
                {
                    fs_clear(fs, deps[i][j]);
                    changed = true;
                }
            }
        }
        /* ARCH_CAPS enumerates the whole MSR. */
        if ( !fs_test(fs, F_ARCH_CAPS) &&
             (fs[FSW_ARCH_LO] || fs[FSW_ARCH_HI]) )
        {
            fs[FSW_ARCH_LO] = fs[FSW_ARCH_HI] = 0;
            changed = true;
        }
    } while ( changed );
}

static void policy_to_fs(const struct pv_cpuid_policy *p, uint32_t *fs)
{
    fs[FSW_1D] = p->basic[1].d;
    fs[FSW_1C] = p->basic[1].c;
    fs[FSW_E1D] = p->extd[1].d;
    fs[FSW_E1C] = p->extd[1].c;
    fs[FSW_DA1] = p->xstate[1].a;
    fs[FSW_7B0] = p->feat[0].b;
    fs[FSW_7C0] = p->feat[0].c;
    fs[FSW_E7D] = p->extd[7].d;
    fs[FSW_E8B] = p->extd[8].b;
    fs[FSW_7D0] = p->feat[0].d;
    fs[FSW_7A1] = p->feat[1].a;
    fs[FSW_E21A] = p->extd[0x21].a;
    fs[FSW_7B1] = p->feat[1].b;
    fs[FSW_7D2] = p->feat[2].d;
    fs[FSW_7C1] = p->feat[1].c;
    fs[FSW_7D1] = p->feat[1].d;
    fs[FSW_ARCH_LO] = (uint32_t)p->arch_caps;
    fs[FSW_ARCH_HI] = p->arch_caps >> 32;
    fs[FSW_E21C] = p->extd[0x21].c;
}

static void fs_to_policy(const uint32_t *fs, struct pv_cpuid_policy *p)
{
    p->basic[1].d = fs[FSW_1D];
    p->basic[1].c = fs[FSW_1C];
    p->extd[1].d = fs[FSW_E1D];
    p->extd[1].c = fs[FSW_E1C];
    p->xstate[1].a = fs[FSW_DA1];
    p->feat[0].b = fs[FSW_7B0];
    p->feat[0].c = fs[FSW_7C0];
    p->extd[7].d = fs[FSW_E7D];
    p->extd[8].b = fs[FSW_E8B];
    p->feat[0].d = fs[FSW_7D0];
    p->feat[1].a = fs[FSW_7A1];
    p->extd[0x21].a = fs[FSW_E21A];
    p->feat[1].b = fs[FSW_7B1];
    p->feat[2].d = fs[FSW_7D2];
    p->feat[1].c = fs[FSW_7C1];
    p->feat[1].d = fs[FSW_7D1];
    p->arch_caps = fs[FSW_ARCH_LO] | ((uint64_t)fs[FSW_ARCH_HI] << 32);
    p->extd[0x21].c = fs[FSW_E21C];
}

bool pv_cpuid_has(const struct pv_cpuid_policy *p, unsigned int feat)
{
    featureset_t fs;

    policy_to_fs(p, fs);
    return fs_test(fs, feat);
}

static enum x86_vendor vendor_of(const struct cpuid_leaf *l0)
{
    static const struct {
        uint32_t b, c, d;
        enum x86_vendor v;
    } ids[] = {
        { 0x756e6547, 0x6c65746e, 0x49656e69, X86_VENDOR_INTEL },
        { 0x68747541, 0x444d4163, 0x69746e65, X86_VENDOR_AMD },
        { 0x746e6543, 0x736c7561, 0x48727561, X86_VENDOR_CENTAUR },
        { 0x68532020, 0x20206961, 0x68676e61, X86_VENDOR_SHANGHAI },
        { 0x6f677948, 0x656e6975, 0x6e65476e, X86_VENDOR_HYGON },
    };
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(ids); i++ )
        if ( l0->b == ids[i].b && l0->c == ids[i].c && l0->d == ids[i].d )
            return ids[i].v;
    return X86_VENDOR_UNKNOWN;
}

static bool amd_like(enum x86_vendor v)
{
    return v == X86_VENDOR_AMD || v == X86_VENDOR_HYGON;
}

/* The host's leaves, as far as a policy holds them. */
static void fill_raw(struct pv_cpuid_policy *p, pv_cpuid_fn cpuid)
{
    unsigned int i, max;
    uint64_t xstates;

    memset(p, 0, sizeof(*p));
    cpuid(0, 0, &p->basic[0]);
    max = MIN(p->basic[0].a, PV_CPUID_NR_BASIC - 1);
    for ( i = 1; i <= max; i++ )
        if ( i != 4 && i != 7 && i != 0xb && i != 0xd )
            cpuid(i, 0, &p->basic[i]);

    /* Subleaf lists end at the first of type 0. */
    if ( max >= 4 )
        for ( i = 0; i < PV_CPUID_NR_CACHE; i++ )
        {
            cpuid(4, i, &p->cache[i]);
            if ( !(p->cache[i].a & 0x1f) )
            {
                p->cache[i] = (struct cpuid_leaf){ 0 };
                break;
            }
        }
    if ( max >= 7 )
    {
        cpuid(7, 0, &p->feat[0]);
        for ( i = 1; i <= MIN(p->feat[0].a, PV_CPUID_NR_FEAT - 1); i++ )
            cpuid(7, i, &p->feat[i]);
    }
    if ( max >= 0xb )
        for ( i = 0; i < PV_CPUID_NR_TOPO; i++ )
        {
            cpuid(0xb, i, &p->topo[i]);
            if ( !(p->topo[i].c & 0xff00) )
            {
                p->topo[i] = (struct cpuid_leaf){ 0 };
                break;
            }
        }
    if ( max >= 0xd )
    {
        cpuid(0xd, 0, &p->xstate[0]);
        cpuid(0xd, 1, &p->xstate[1]);
        xstates = p->xstate[0].a | ((uint64_t)p->xstate[0].d << 32) |
                  p->xstate[1].c | ((uint64_t)p->xstate[1].d << 32);
        for ( i = 2; i < PV_CPUID_NR_XSTATE; i++ )
            if ( xstates & (1ULL << i) )
                cpuid(0xd, i, &p->xstate[i]);
    }

    cpuid(0x80000000, 0, &p->extd[0]);
    if ( (p->extd[0].a >> 16) == 0x8000 )
    {
        max = MIN(p->extd[0].a & 0xffff, PV_CPUID_NR_EXTD - 1);
        for ( i = 1; i <= max; i++ )
            cpuid(0x80000000 + i, 0, &p->extd[i]);
    }
    else
        p->extd[0].a = 0x80000000;

    p->vendor = vendor_of(&p->basic[0]);
}

/*
 * XSAVE state the policy allows, and leaf 0xd re-derived from it: only
 * the size/offset of each enabled component survives from the host.
 */
static void recalc_xstate(struct pv_cpuid_policy *p,
                          const struct cpuid_leaf *host)
{
    uint64_t xstates = 3;           /* x87, SSE */
    uint32_t size = 512 + 64, da1 = p->xstate[1].a;
    unsigned int i;
    featureset_t fs;

    policy_to_fs(p, fs);
    memset(p->xstate, 0, sizeof(p->xstate));
    if ( !fs_test(fs, F_XSAVE) )
        return;

    if ( fs_test(fs, F_AVX) )
        xstates |= 1ULL << 2;
    if ( fs_test(fs, F_MPX) )
        xstates |= 3ULL << 3;
    if ( fs_test(fs, F_AVX512F) )
        xstates |= 7ULL << 5;
    if ( fs_test(fs, F_PKU) )
        xstates |= 1ULL << 9;

    for ( i = 2; i < 63; i++ )
        if ( xstates & (1ULL << i) )
            size = MAX(size, host[i].a + host[i].b);

    p->xstate[0].a = (uint32_t)xstates;
    p->xstate[0].c = size;
    p->xstate[0].d = xstates >> 32;
    p->xstate[1].a = da1;
    /* No supervisor states (XSS) are offered. */
    for ( i = 2; i < 63; i++ )
        if ( xstates & (1ULL << i) )
        {
            p->xstate[i].a = host[i].a;
            p->xstate[i].b = host[i].b;
            p->xstate[i].c = host[i].c & 2;     /* alignment */
        }
}

/* Fields no guest sees: topology, power, the vendor's private leaves. */
static void recalc_misc(struct pv_cpuid_policy *p)
{
    static const struct cpuid_leaf empty;
    unsigned int i;

    p->basic[1].a &= 0x0fff0fff;
    p->basic[1].b &= 0x00ffffff;
    p->basic[5] = p->basic[6] = p->basic[8] = p->basic[0xc] = empty;
    memset(p->topo, 0, sizeof(p->topo));
    p->extd[1].d &= ~COMMON_1D_FEATURES;
    p->extd[7].a = p->extd[7].b = p->extd[7].c = 0;
    p->extd[8].d = 0;

    switch ( p->vendor )
    {
    case X86_VENDOR_INTEL:
        p->basic[2].a = (p->basic[2].a & ~0xffu) | 1;
        p->basic[3] = p->basic[9] = empty;
        p->extd[0].b = p->extd[0].c = p->extd[0].d = 0;
        p->extd[1].a = p->extd[1].b = 0;
        p->extd[5] = empty;
        p->extd[6].a = p->extd[6].b = p->extd[6].d = 0;
        p->extd[8].a &= 0xffff;
        p->extd[8].c = 0;
        break;

    case X86_VENDOR_AMD:
    case X86_VENDOR_HYGON:
        p->basic[2] = p->basic[3] = empty;
        memset(p->cache, 0, sizeof(p->cache));
        p->basic[9] = p->basic[0xa] = empty;
        p->extd[0].b = p->basic[0].b;
        p->extd[0].c = p->basic[0].c;
        p->extd[0].d = p->basic[0].d;
        p->extd[1].a = p->basic[1].a;
        p->extd[1].b &= 0xff00ffff;
        p->extd[1].d |= p->basic[1].d & COMMON_1D_FEATURES;
        p->extd[8].a &= 0xffff;
        p->extd[8].c &= 0x0003f0ff;
        p->extd[9] = empty;
        for ( i = 0xb; i <= 0x20; i++ )
            if ( i < 0x19 || i > 0x1a )
                p->extd[i] = empty;
        p->extd[0x21].b = p->extd[0x21].d = 0;
        break;

    default:
        break;
    }
}

void pv_cpuid_host_defaults(struct pv_cpuid_host *h, pv_cpuid_fn cpuid)
{
    struct cpuid_leaf l0, l1;
    unsigned int family;

    memset(h, 0, sizeof(*h));
    h->cpuid = cpuid;
    h->sc_msr_pv = true;
    cpuid(0, 0, &l0);
    cpuid(1, 0, &l1);
    family = (l1.a >> 8) & 0xf;
    if ( family == 0xf )
        family += (l1.a >> 20) & 0xff;

    if ( amd_like(vendor_of(&l0)) )
    {
        /* SYSENTER does not exist in long mode on AMD. */
        fs_set(h->clear, F_SEP);
        /* These families always dispatch-serialise LFENCE. */
        if ( family == 0xf || family == 0x11 )
            fs_set(h->set, F_LFENCE_DISPATCH);
    }
}

static void host_policy(struct pv_cpuid_policy *p,
                        const struct pv_cpuid_host *h)
{
    static struct cpuid_leaf raw_xstate[PV_CPUID_NR_XSTATE];
    featureset_t fs;
    unsigned int i, extd_max;

    fill_raw(p, h->cpuid);
    memcpy(raw_xstate, p->xstate, sizeof(raw_xstate));
    p->basic[0].a = MIN(p->basic[0].a, PV_CPUID_NR_BASIC - 1);
    p->feat[0].a = MIN(p->feat[0].a, PV_CPUID_NR_FEAT - 1);
    p->arch_caps = h->arch_caps;

    policy_to_fs(p, fs);
    for ( i = 0; i < PV_FS_WORDS; i++ )
        fs[i] = (fs[i] & ~h->clear[i]) | h->set[i];

    /* The leaf holding LFENCE_DISPATCH must be reachable. */
    extd_max = p->extd[0].a & 0xffff;
    if ( fs_test(fs, F_LFENCE_DISPATCH) )
        extd_max = MAX(extd_max, 0x21u);
    p->extd[0].a = 0x80000000 | MIN(extd_max, PV_CPUID_NR_EXTD - 1);

    fs_to_policy(fs, p);
    recalc_xstate(p, raw_xstate);
    recalc_misc(p);
    p->basic[0xa] = (struct cpuid_leaf){ 0 };      /* no vPMU */
    p->cpuid_faulting = h->cpuid_faulting;
}

/* Adjustments Xen makes to both the maximum and the default sets. */
static void common_adjust(uint32_t *fs, const uint32_t *host_fs)
{
    fs_set(fs, F_HYPERVISOR);
    if ( fs_test(fs, F_IBRSB) )
        fs_set(fs, F_STIBP);
    if ( fs_test(fs, F_IBRS) )
        fs_set(fs, F_AMD_STIBP);
    if ( fs_test(host_fs, F_IBRSB) )
        fs_set(fs, F_IBPB);
}

static void max_policy(struct pv_cpuid_policy *p,
                       const struct pv_cpuid_policy *host,
                       const struct pv_cpuid_host *h)
{
    featureset_t fs, host_fs;
    unsigned int i;

    *p = *host;
    p->feat[0].a = PV_CPUID_NR_FEAT - 1;
    policy_to_fs(host, host_fs);
    policy_to_fs(p, fs);
    for ( i = 0; i < PV_FS_WORDS; i++ )
        fs[i] &= pv_def_mask[i] | pv_max_extra[i];

    /* Tolerated for incoming migration; never offered by default. */
    fs_set(fs, F_X2APIC);
    if ( !h->sc_msr_pv )
    {
        fs_clear(fs, F_IBRSB);
        fs_clear(fs, F_IBRS);
    }
    /* Meaningless across PV's ring-3 user/kernel boundary, unless the
     * host's BP_SPEC_REDUCE makes it hold. */
    if ( !fs_test(host_fs, F_SRSO_MSR_FIX) )
        fs_clear(fs, F_SRSO_US_NO);

    if ( host->vendor == X86_VENDOR_INTEL )
    {
        fs_set(fs, F_ARCH_CAPS);
        fs_set(fs, F_RSBA);
        fs_set(fs, F_RRSBA);
        fs_set(fs, F_MD_CLEAR);
        fs_set(fs, F_FB_CLEAR);
        fs_set(fs, F_RFDS_CLEAR);
        if ( fs_test(fs, F_RTM) )
            fs_set(fs, F_RTM_ALWAYS_ABORT);
    }
    else if ( host->vendor == X86_VENDOR_AMD )
        fs_set(fs, F_VERW_CLEAR);
    fs_set(fs, F_HTT);
    fs_set(fs, F_CMP_LEGACY);
    common_adjust(fs, host_fs);

    sanitise(fs);
    fs_to_policy(fs, p);
    recalc_xstate(p, host->xstate);
    p->extd[0xa] = (struct cpuid_leaf){ 0 };       /* no SVM for PV */
}

static void def_policy(struct pv_cpuid_policy *p,
                       const struct pv_cpuid_policy *max,
                       const struct pv_cpuid_policy *host,
                       const struct pv_cpuid_host *h)
{
    featureset_t fs, host_fs;
    unsigned int i;

    *p = *max;
    p->feat[0].a = host->feat[0].a;
    policy_to_fs(host, host_fs);
    policy_to_fs(p, fs);
    for ( i = 0; i < PV_FS_WORDS; i++ )
        fs[i] &= pv_def_mask[i];

    common_adjust(fs, host_fs);
    if ( host->vendor == X86_VENDOR_INTEL )
    {
        /* Set in the maximum for migration; here only if really there. */
        if ( !fs_test(host_fs, F_MD_CLEAR) )
            fs_clear(fs, F_MD_CLEAR);
        if ( !fs_test(host_fs, F_FB_CLEAR) )
            fs_clear(fs, F_FB_CLEAR);
        if ( !fs_test(host_fs, F_RFDS_CLEAR) )
            fs_clear(fs, F_RFDS_CLEAR);
        if ( h->rtm_disabled )
        {
            fs_clear(fs, F_RTM);
            fs_set(fs, F_RTM_ALWAYS_ABORT);
        }
    }
    else if ( host->vendor == X86_VENDOR_AMD &&
              !fs_test(host_fs, F_VERW_CLEAR) )
        fs_clear(fs, F_VERW_CLEAR);
    if ( !fs_test(host_fs, F_HTT) )
        fs_clear(fs, F_HTT);
    if ( !fs_test(host_fs, F_CMP_LEGACY) )
        fs_clear(fs, F_CMP_LEGACY);

    sanitise(fs);
    if ( fs_test(fs, F_ARCH_CAPS) &&
         (fs_test(host_fs, F_RSBA) || fs_test(host_fs, F_RRSBA)) )
        fs_set(fs, fs_test(fs, F_EIBRS) ? F_RRSBA : F_RSBA);

    fs_to_policy(fs, p);
    recalc_xstate(p, host->xstate);
}

/* The domain's own pass: range clamps, dependent fields, vendor quirks. */
static void domain_policy(struct pv_cpuid_policy *p,
                          const struct pv_cpuid_policy *max,
                          const struct pv_cpuid_policy *host)
{
    featureset_t fs, max_fs;
    unsigned int i, phys, extd_nr;

    p->vendor = vendor_of(&p->basic[0]);
    p->basic[0].a = MIN(p->basic[0].a, max->basic[0].a);
    p->feat[0].a = MIN(p->feat[0].a, max->feat[0].a);
    extd_nr = amd_like(p->vendor) ? PV_CPUID_NR_EXTD
                                  : PV_CPUID_NR_EXTD_INTEL;
    p->extd[0].a = 0x80000000 | MIN(p->extd[0].a & 0xffff, extd_nr - 1);

    policy_to_fs(p, fs);
    policy_to_fs(max, max_fs);
    for ( i = 0; i < PV_FS_WORDS; i++ )
        fs[i] &= max_fs[i];
    if ( p->basic[0].a < 0xd )
        fs_clear(fs, F_XSAVE);
    sanitise(fs);

    /* The host's FPU pointer behaviour shows through whatever the mask. */
    fs_clear(fs, F_FDP_EXCP_ONLY);
    fs_clear(fs, F_NO_FPU_SEL);
    fs[FSW_7B0] |= host->feat[0].b & ((1u << 6) | (1u << 13));
    fs_to_policy(fs, p);

    /* Address widths: physical within the host's, linear from LM. */
    phys = MIN(p->extd[8].a & 0xff, max->extd[8].a & 0xff);
    if ( fs_test(fs, F_PAE) || fs_test(fs, F_PSE36) )
        phys = MAX(phys, 36u);
    else
        phys = MAX(phys, 32u);
    p->extd[8].a = (p->extd[8].a & ~0xffffu) | phys |
                   ((fs_test(fs, F_LM) ? 48u : 32u) << 8);

    recalc_xstate(p, host->xstate);
    recalc_misc(p);

    for ( i = 0; i < PV_CPUID_NR_CACHE; i++ )
    {
        unsigned int type = p->cache[i].a & 0x1f;

        if ( type >= 1 && type <= 3 )
        {
            p->cache[i].a &= 0xffffc3ff;
            p->cache[i].d &= 7;
        }
        else
        {
            memset(&p->cache[i], 0,
                   sizeof(p->cache[0]) * (PV_CPUID_NR_CACHE - i));
            break;
        }
    }
    p->basic[0xa] = (struct cpuid_leaf){ 0 };
    if ( !fs_test(fs, F_SVM) )
        p->extd[0xa] = (struct cpuid_leaf){ 0 };
    if ( !fs_test(fs, F_PAGE1GB) )
        p->extd[0x19] = (struct cpuid_leaf){ 0 };
}

void pv_cpuid_policy_init(struct pv_cpuid_policy *p,
                          const struct pv_cpuid_host *h, bool is_dom0)
{
    /*
     * Two more policies would not fit a hypervisor stack: static, so
     * callers serialise (domain creation does).
     */
    static struct pv_cpuid_policy host, max;
    featureset_t fs, host_fs;

    host_policy(&host, h);
    max_policy(&max, &host, h);
    def_policy(p, &max, &host, h);
    domain_policy(p, &max, &host);

    if ( is_dom0 )
    {
        /* dom0 does not migrate: it may see an invariant TSC. */
        policy_to_fs(&host, host_fs);
        if ( fs_test(host_fs, F_ITSC) )
        {
            policy_to_fs(p, fs);
            fs_set(fs, F_ITSC);
            fs_to_policy(fs, p);
        }
        domain_policy(p, &max, &host);
    }

    policy_to_fs(&host, host_fs);
    p->host_monitor = fs_test(host_fs, F_MONITOR);
    p->host_eist = fs_test(host_fs, F_EIST);
    p->host_mtrr = fs_test(host_fs, F_MTRR);
    p->host_xsave = fs_test(host_fs, F_XSAVE);
    h->cpuid(5, 0, &p->host_leaf5);
}

uint64_t pv_cpuid_xcr0_max(const struct pv_cpuid_policy *p)
{
    return p->xstate[0].a | ((uint64_t)p->xstate[0].d << 32);
}

/* Leaves 0x40000000-0x400001ff: Xen's own. */
static void hypervisor_leaf(const struct pv_cpuid_ctx *c, uint32_t leaf,
                            uint32_t subleaf, struct cpuid_leaf *res)
{
    const struct pv_cpuid_hv *hv = c->hv;
    uint32_t idx = leaf - XEN_CPUID_FIRST_LEAF;
    uint64_t offset;

    if ( idx > XEN_CPUID_MAX_NUM_LEAVES || !hv )
        return;

    switch ( idx )
    {
    case 0:
        res->a = XEN_CPUID_FIRST_LEAF + XEN_CPUID_MAX_NUM_LEAVES;
        res->b = XEN_CPUID_SIGNATURE_EBX;
        res->c = XEN_CPUID_SIGNATURE_ECX;
        res->d = XEN_CPUID_SIGNATURE_EDX;
        break;

    case 1:
        res->a = hv->version;
        break;

    case 2:
        res->a = 1;                         /* hypercall pages */
        res->b = XEN_CPUID_FIRST_LEAF;      /* the hypercall page MSR */
        res->c = XEN_CPUID_FEAT1_MMU_PT_UPDATE_PRESERVE_AD;
        break;

    case 3:
        switch ( subleaf )
        {
        case 0:
            res->a = (hv->vtsc ? 1 : 0) | (hv->host_tsc_safe ? 2 : 0) |
                     (hv->host_rdtscp ? 4 : 0);
            res->b = hv->tsc_mode;
            res->c = hv->tsc_khz;
            res->d = hv->incarnation;
            break;
        case 1:
            /* With vtsc the offset is already in the emulated TSC. */
            offset = hv->vtsc ? 0 : hv->vtsc_offset;
            res->a = (uint32_t)offset;
            res->b = offset >> 32;
            res->c = hv->vtsc_mul_frac;
            res->d = (uint32_t)(int32_t)hv->vtsc_shift;
            break;
        case 2:
            res->a = hv->cpu_khz;
            break;
        }
        break;

    case 5:                                 /* PV parameters */
        if ( subleaf == 0 )
            res->b = hv->mfn_bits;
        break;

    default:                                /* 4 is HVM's */
        break;
    }
}

void pv_cpuid_lookup(const struct pv_cpuid_policy *p,
                     const struct pv_cpuid_ctx *c, uint32_t leaf,
                     uint32_t subleaf, struct cpuid_leaf *res)
{
    struct cpuid_leaf host;
    featureset_t fs;

    *res = (struct cpuid_leaf){ 0 };
    policy_to_fs(p, fs);

    /* Out-of-range leaves read as zero, as on AMD. */
    if ( leaf < PV_CPUID_NR_BASIC )
    {
        if ( leaf > p->basic[0].a )
            return;
        switch ( leaf )
        {
        case 4:
            if ( subleaf >= PV_CPUID_NR_CACHE )
                return;
            *res = p->cache[subleaf];
            break;
        case 7:
            if ( subleaf > MIN(p->feat[0].a, PV_CPUID_NR_FEAT - 1) )
                return;
            *res = p->feat[subleaf];
            break;
        case 0xb:
            if ( subleaf >= PV_CPUID_NR_TOPO )
                return;
            *res = p->topo[subleaf];
            break;
        case 0xd:
            if ( !fs_test(fs, F_XSAVE) || subleaf >= PV_CPUID_NR_XSTATE )
                return;
            *res = p->xstate[subleaf];
            break;
        default:
            *res = p->basic[leaf];
            break;
        }
    }
    else if ( leaf >= 0x40000000 && leaf <= 0x400001ff )
    {
        hypervisor_leaf(c, leaf, subleaf, res);
        return;
    }
    else if ( leaf >= 0x80000000 && leaf < 0x80000000 + PV_CPUID_NR_EXTD )
    {
        if ( (leaf & 0xffff) > (p->extd[0].a & 0xffff) )
            return;
        *res = p->extd[leaf & 0xffff];
    }
    else
        return;

    /* What depends on the vcpu's state, and Xen's leaks to dom0. */
    switch ( leaf )
    {
    case 1:
        res->b &= 0x00ffffff;
        /*
         * OSXSAVE: architecturally the guest's CR4.OSXSAVE.  Xen also
         * shows its own setting to the kernel's forced CPUID, and PV
         * kernels came to depend on that.
         */
        if ( (c->guest_cr4 & (1u << 18)) ||
             (fs_test(fs, F_XSAVE) && c->via_ud && c->kernel_mode &&
              c->host_osxsave) )
            res->c |= 1u << 27;
        if ( c->hardware_domain && c->kernel_mode )
        {
            /* dom0's kernel finds C-states through a faulted CPUID. */
            if ( p->host_monitor && !c->via_ud )
                res->c |= 1u << 3;
            if ( p->host_eist )
                res->c |= 1u << 7;
        }
        /* fall through */
    case 0x80000001:
        /* Old dom0 kernels take MTRR as the memtype hypercalls' flag. */
        if ( c->hardware_domain && c->kernel_mode && p->host_mtrr )
            res->d |= 1u << 12;
        break;

    case 5:
        if ( c->hardware_domain && c->kernel_mode && p->host_monitor &&
             !c->via_ud )
            *res = p->host_leaf5;
        break;

    case 7:
        if ( subleaf == 0 && (c->guest_cr4 & (1u << 22)) )
            res->c |= 1u << 4;                  /* OSPKE */
        break;

    case 0xd:
        /* The sizes follow the XCR0 in force, so ask the hardware. */
        if ( c->host_cpuid && (subleaf == 0 ||
                               (subleaf == 1 && fs_test(fs, F_XSAVEC))) )
        {
            c->host_cpuid(0xd, subleaf, &host);
            res->b = host.b;
        }
        break;
    }
}

uint64_t pv_cpuid_fixup_cr4(const struct pv_cpuid_policy *p,
                            uint64_t host_cr4, uint64_t val)
{
    /* The guest's own bits: TSD, DE, FSGSBASE, OSXSAVE, where offered. */
    const uint64_t tsd = 1u << 2, de = 1u << 3, fsgsbase = 1u << 16,
                   osxsave = 1u << 18;
    /* Bits it sees of the hypervisor's: PAE, MCE, OSFXSR, OSXMMEXCPT. */
    const uint64_t visible = (1u << 5) | (1u << 6) | (1u << 9) | (1u << 10);
    featureset_t fs;

    policy_to_fs(p, fs);
    if ( !fs_test(fs, F_TSC) )
        val &= ~tsd;
    if ( !fs_test(fs, F_DE) )
        val &= ~de;
    if ( !fs_test(fs, F_FSGSBASE) )
        val &= ~fsgsbase;
    if ( !fs_test(fs, F_XSAVE) )
        val &= ~osxsave;
    return (val & (tsd | de | fsgsbase | osxsave)) | (host_cr4 & visible);
}
