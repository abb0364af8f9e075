/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPUID a 64-bit PV guest sees: the host's leaves masked the way Xen
 * 4.17 masks them for PV domains, plus the hypervisor leaves at 0x40000000.
 */
#ifndef PV_CPUID_POLICY_H
#define PV_CPUID_POLICY_H

#include <hv/types.h>

struct cpuid_leaf {
    uint32_t a, b, c, d;
};

/* Array sizes: the leaves and subleaves a policy holds. */
#define PV_CPUID_NR_BASIC   (0xdu + 1)
#define PV_CPUID_NR_CACHE   (5u + 1)
#define PV_CPUID_NR_FEAT    (2u + 1)
#define PV_CPUID_NR_TOPO    (1u + 1)
#define PV_CPUID_NR_XSTATE  (62u + 1)
#define PV_CPUID_NR_EXTD    (0x21u + 1)
#define PV_CPUID_NR_EXTD_INTEL (0x8u + 1)

/*
 * Feature words, numbered as in Xen's featureset: word * 32 + bit names a
 * feature.  Word 16/17 is MSR_ARCH_CAPABILITIES, not a CPUID register.
 */
enum {
    FSW_1D, FSW_1C, FSW_E1D, FSW_E1C, FSW_DA1, FSW_7B0, FSW_7C0, FSW_E7D,
    FSW_E8B, FSW_7D0, FSW_7A1, FSW_E21A, FSW_7B1, FSW_7D2, FSW_7C1, FSW_7D1,
    FSW_ARCH_LO, FSW_ARCH_HI, FSW_E21C,
    PV_FS_WORDS
};
#define PV_FEAT(w, b)   ((w) * 32 + (b))

enum x86_vendor {
    X86_VENDOR_UNKNOWN,
    X86_VENDOR_INTEL,
    X86_VENDOR_AMD,
    X86_VENDOR_CENTAUR,
    X86_VENDOR_SHANGHAI,
    X86_VENDOR_HYGON,
};

/* Reads CPUID on the host CPU. */
typedef void (*pv_cpuid_fn)(uint32_t leaf, uint32_t subleaf,
                            struct cpuid_leaf *res);

/*
 * What the hypervisor made of the host at boot, beyond raw CPUID: features
 * it turned off or synthesised (Xen, say, clears SEP on AMD and sets
 * LFENCE_DISPATCH once it has made LFENCE dispatch-serialising).
 */
struct pv_cpuid_host {
    pv_cpuid_fn cpuid;
    uint64_t arch_caps;             /* MSR_ARCH_CAPABILITIES, if enumerated */
    uint32_t clear[PV_FS_WORDS];    /* host features not offered */
    uint32_t set[PV_FS_WORDS];      /* host features synthesised */
    bool sc_msr_pv;                 /* MSR_SPEC_CTRL virtualised for PV */
    bool cpuid_faulting;            /* CPUID faulting can be offered */
    bool rtm_disabled;              /* TSX in force-abort mode */
};

/*
 * Xen 4.17's own adjustments of the host view that follow from raw CPUID
 * (AMD: no SEP; families 0xf and 0x11 dispatch-serialise LFENCE).  Others
 * come from what the hypervisor did at boot: it sets LFENCE_DISPATCH on
 * other AMD families once DE_CFG says so, clears what it disabled.
 */
void pv_cpuid_host_defaults(struct pv_cpuid_host *h, pv_cpuid_fn cpuid);

/* A domain's CPUID policy (its static part). */
struct pv_cpuid_policy {
    enum x86_vendor vendor;
    struct cpuid_leaf basic[PV_CPUID_NR_BASIC];
    struct cpuid_leaf cache[PV_CPUID_NR_CACHE];     /* leaf 4 */
    struct cpuid_leaf feat[PV_CPUID_NR_FEAT];       /* leaf 7 */
    struct cpuid_leaf topo[PV_CPUID_NR_TOPO];       /* leaf 0xb */
    struct cpuid_leaf xstate[PV_CPUID_NR_XSTATE];   /* leaf 0xd */
    struct cpuid_leaf extd[PV_CPUID_NR_EXTD];       /* 0x80000000 + i */
    uint64_t arch_caps;
    bool cpuid_faulting;                            /* MSR_PLATFORM_INFO */

    /* Host facts that the per-call adjustments leak to dom0's kernel. */
    bool host_monitor, host_eist, host_mtrr, host_xsave;
    struct cpuid_leaf host_leaf5;
};

/*
 * Computes the default PV policy; is_dom0 adds dom0's ITSC.  Not
 * reentrant: calls must be serialised.
 */
void pv_cpuid_policy_init(struct pv_cpuid_policy *p,
                          const struct pv_cpuid_host *h, bool is_dom0);

/* Feature test on a policy, by PV_FEAT(word, bit). */
bool pv_cpuid_has(const struct pv_cpuid_policy *p, unsigned int feat);

/* Highest XCR0 the policy allows. */
uint64_t pv_cpuid_xcr0_max(const struct pv_cpuid_policy *p);

/* The values Xen's leaves 0x40000000-0x40000005 report. */
struct pv_cpuid_hv {
    uint32_t version;               /* major << 16 | minor */
    bool vtsc;                      /* TSC emulated */
    bool host_tsc_safe;             /* TSC reliable across CPUs */
    bool host_rdtscp;
    uint32_t tsc_mode, tsc_khz, incarnation;
    uint64_t vtsc_offset;
    uint32_t vtsc_mul_frac;
    int8_t vtsc_shift;
    uint32_t cpu_khz;
    unsigned int mfn_bits;          /* bits of the highest MFN + PAGE_SHIFT */
};

/* The state of the vcpu asking, for the per-call adjustments. */
struct pv_cpuid_ctx {
    const struct pv_cpuid_hv *hv;
    pv_cpuid_fn host_cpuid;         /* leaf 0xd sizes follow the live XCR0 */
    uint64_t guest_cr4;             /* the guest's view of CR4 */
    bool host_osxsave;              /* the hypervisor runs with OSXSAVE */
    bool kernel_mode;
    bool hardware_domain;
    bool via_ud;                    /* forced prefix (#UD), not a #GP */
};

/* What CPUID(leaf, subleaf) returns to the guest. */
void pv_cpuid_lookup(const struct pv_cpuid_policy *p,
                     const struct pv_cpuid_ctx *c, uint32_t leaf,
                     uint32_t subleaf, struct cpuid_leaf *res);

/* The guest's CR4 after it writes val: Xen's PV CR4 rules. */
uint64_t pv_cpuid_fixup_cr4(const struct pv_cpuid_policy *p,
                            uint64_t host_cr4, uint64_t val);

#endif /* PV_CPUID_POLICY_H */
