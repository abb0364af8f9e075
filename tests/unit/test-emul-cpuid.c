/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV CPUID policy and the MSR policy against what Xen 4.17 answered a
 * dom0 kernel on three recorded hosts, plus hand-made cases for the parts
 * the recordings do not reach (XSAVE sizes, feature dependencies, CR4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <hv/errno.h>
#include "cpuid-policy.h"
#include "emul-priv-op.h"

#include "test-emul-hosts.c"

struct host {
    const char *name;
    const struct rec_cpuid *cpuid;
    unsigned int nr_cpuid;
    const struct rec_msr *msr;
    unsigned int nr_msr;
    uint64_t patchlevel;            /* MSR 0x8b as the host reads it */
    bool rdtscp;
};

static const struct host hosts[] = {
    { "qemu64", rec_cpuid_q64, ARRAY_SIZE(rec_cpuid_q64),
      rec_msr_q64, ARRAY_SIZE(rec_msr_q64), 0x1000065, false },
    { "max", rec_cpuid_max, ARRAY_SIZE(rec_cpuid_max),
      rec_msr_max, ARRAY_SIZE(rec_msr_max), 0x1000065, true },
    { "Skylake", rec_cpuid_sky, ARRAY_SIZE(rec_cpuid_sky),
      rec_msr_sky, ARRAY_SIZE(rec_msr_sky), 0x100000000ULL, true },
};

static const struct host *cur;
static unsigned int misses;

static bool subleaf_matters(uint32_t leaf)
{
    return leaf == 4 || leaf == 7 || leaf == 0xb || leaf == 0xd ||
           leaf == 0xf || leaf == 0x10 || leaf == 0x12;
}

/* The recorded host's native CPUID. */
static void host_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    unsigned int i;

    for ( i = 0; i < cur->nr_cpuid; i++ )
        if ( cur->cpuid[i].leaf == leaf &&
             (cur->cpuid[i].subleaf == subleaf || !subleaf_matters(leaf)) )
        {
            *r = cur->cpuid[i].native;
            return;
        }
    misses++;
    *r = (struct cpuid_leaf){ 0 };
}

static const struct rec_cpuid *recorded(uint32_t leaf, uint32_t subleaf)
{
    unsigned int i;

    for ( i = 0; i < cur->nr_cpuid; i++ )
        if ( cur->cpuid[i].leaf == leaf && cur->cpuid[i].subleaf == subleaf )
            return &cur->cpuid[i];
    return NULL;
}

/* What Xen made of each host at boot, beyond its defaults. */
static void host_setup(struct pv_cpuid_host *h)
{
    pv_cpuid_host_defaults(h, host_cpuid);
    if ( !strcmp(cur->name, "Skylake") )
    {
        /* GDS mitigation under a hypervisor; Skylake needs RSBA. */
        h->clear[FSW_1C] |= 1u << 28;
        h->set[FSW_ARCH_LO] |= 1u << 2;
    }
}

static struct pv_cpuid_hv hv_info(void)
{
    const struct rec_cpuid *khz = recorded(0x40000003, 2);
    struct pv_cpuid_hv hv = {
        .version = 0x00040011,
        .host_rdtscp = cur->rdtscp,
        .cpu_khz = khz ? khz->xen.a : 0,
        .mfn_bits = 29,
    };

    return hv;
}

static void test_recorded_cpuid(void)
{
    static struct pv_cpuid_policy p;
    struct pv_cpuid_host h;
    struct pv_cpuid_hv hv;
    struct pv_cpuid_ctx cc = { 0 };
    struct cpuid_leaf r;
    unsigned int i, k, bad;

    for ( k = 0; k < ARRAY_SIZE(hosts); k++ )
    {
        cur = &hosts[k];
        misses = bad = 0;
        host_setup(&h);
        pv_cpuid_policy_init(&p, &h, true);
        hv = hv_info();
        cc.hv = &hv;
        cc.host_cpuid = host_cpuid;
        cc.guest_cr4 = 0x660;
        cc.host_osxsave = p.host_xsave;
        cc.kernel_mode = cc.hardware_domain = cc.via_ud = true;

        for ( i = 0; i < cur->nr_cpuid; i++ )
        {
            const struct rec_cpuid *e = &cur->cpuid[i];

            pv_cpuid_lookup(&p, &cc, e->leaf, e->subleaf, &r);
            if ( memcmp(&r, &e->xen, sizeof(r)) )
            {
                printf("\n%s: leaf %08x:%u: got %08x %08x %08x %08x, "
                       "Xen %08x %08x %08x %08x", cur->name, e->leaf,
                       e->subleaf, r.a, r.b, r.c, r.d, e->xen.a, e->xen.b,
                       e->xen.c, e->xen.d);
                bad++;
            }
        }
        CU_ASSERT_EQUAL(bad, 0);
        CU_ASSERT_EQUAL(misses, 0);
    }
}

/* MSR state for the recorded hosts: the host MSRs Xen read. */
static int rdmsr_host(uint32_t msr, uint64_t *val)
{
    switch ( msr )
    {
    case 0x1a0: *val = 1; return 0;             /* fast strings */
    case 0xc0000080: *val = 0xd01; return 0;    /* SCE LME LMA NXE */
    case 0x8b: *val = cur->patchlevel; return 0;
    case 0x17: *val = 0; return 0;
    case 0xc0010010: case 0xc0010016 ... 0xc0010019:
    case 0xc001001a: case 0xc001001d:
        *val = 0;
        return 0;
    }
    return -EFAULT;
}

/* The vcpu's own MSRs, as at the start of a dom0 (vMCE as Xen's). */
static int msr_get(uint32_t msr, uint64_t *val)
{
    bool intel = !strcmp(cur->name, "Skylake");

    switch ( msr )
    {
    case 0x179: *val = intel ? 0x1000c02 : 2; return 0;
    case 0x400: *val = ~0ULL; return 0;
    }
    *val = 0;
    return 0;
}

static int msr_set(uint32_t msr, uint64_t val)
{
    return 0;
}

static void test_recorded_msrs(void)
{
    static struct pv_cpuid_policy p;
    struct pv_cpuid_host h;
    struct pv_emul_ops ops = {
        .rdmsr_host = rdmsr_host, .msr_get = msr_get, .msr_set = msr_set,
    };
    struct pv_emul_vcpu v = {
        .kernel_mode = true, .hardware_domain = true, .has_gp_handler = true,
        .code_bits = 64, .cpuid = &p,
    };
    unsigned int i, k, bad;
    uint64_t val;
    int rc;

    for ( k = 0; k < ARRAY_SIZE(hosts); k++ )
    {
        cur = &hosts[k];
        bad = 0;
        host_setup(&h);
        pv_cpuid_policy_init(&p, &h, true);
        for ( i = 0; i < cur->nr_msr; i++ )
        {
            const struct rec_msr *e = &cur->msr[i];

            rc = pv_emul_rdmsr(&v, &ops, e->msr, &val);
            if ( (rc != EMUL_OK) != e->fault ||
                 (!e->fault && e->msr != 0x10 && val != e->val) )
            {
                printf("\n%s: MSR %08x: got %s %016llx, Xen %s %016llx",
                       cur->name, e->msr, rc ? "#GP" : "ok",
                       (unsigned long long)val, e->fault ? "#GP" : "ok",
                       (unsigned long long)e->val);
                bad++;
            }
        }
        CU_ASSERT_EQUAL(bad, 0);
    }
}

/* A host of my own making: Intel, XSAVE with AVX and AVX-512, MPX, PKU. */
static void fake_host(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    *r = (struct cpuid_leaf){ 0 };
    switch ( leaf )
    {
    case 0:
        *r = (struct cpuid_leaf){ 0x1f, 0x756e6547, 0x6c65746e, 0x49656e69 };
        break;
    case 1:
        /* SSE3 PCLMUL SSSE3 FMA CX16 SSE4.1/2 X2APIC XSAVE OSXSAVE AVX
         * F16C; EDX: the usual with PSE/PGE/MTRR; 8 threads (HTT). */
        *r = (struct cpuid_leaf){ 0x000906ea, 0x08100800, 0x1e3a3203 |
                                  (1u << 12) | (1u << 28) | (1u << 29),
                                  0x178bfbff | (1u << 28) };
        break;
    case 7:
        if ( subleaf == 0 )
            /* FSGSBASE AVX2 SMEP BMI2 MPX AVX512F SMAP; PKU; IBRSB. */
            *r = (struct cpuid_leaf){ 0, 0x00114129 | (1u << 14) |
                                      (1u << 16) | (1u << 5),
                                      1u << 3, 1u << 26 };
        break;
    case 0xd:
        switch ( subleaf )
        {
        case 0: *r = (struct cpuid_leaf){ 0x2ff, 0x240, 0xa88, 0 }; break;
        case 1: *r = (struct cpuid_leaf){ 0xf, 0x240, 0, 0 }; break;
        case 2: *r = (struct cpuid_leaf){ 0x100, 0x240, 0, 0 }; break;
        case 3: *r = (struct cpuid_leaf){ 0x40, 0x3c0, 0, 0 }; break;
        case 4: *r = (struct cpuid_leaf){ 0x40, 0x400, 0, 0 }; break;
        case 5: *r = (struct cpuid_leaf){ 0x40, 0x440, 0, 0 }; break;
        case 6: *r = (struct cpuid_leaf){ 0x200, 0x480, 0, 0 }; break;
        case 7: *r = (struct cpuid_leaf){ 0x400, 0x680, 0, 0 }; break;
        case 9: *r = (struct cpuid_leaf){ 0x8, 0xa80, 0, 0 }; break;
        }
        break;
    case 0x80000000:
        *r = (struct cpuid_leaf){ 0x80000008, 0, 0, 0 };
        break;
    case 0x80000001:
        *r = (struct cpuid_leaf){ 0, 0, 0x121, 0x2c100800 };
        break;
    case 0x80000008:
        *r = (struct cpuid_leaf){ 0x3027, 0, 0, 0 };
        break;
    }
}

static void test_xsave_policy(void)
{
    static struct pv_cpuid_policy p;
    struct pv_cpuid_host h;
    struct pv_cpuid_hv hv = { .version = 0x40011 };
    struct pv_cpuid_ctx cc = { .hv = &hv, .host_cpuid = fake_host };
    struct cpuid_leaf r;

    pv_cpuid_host_defaults(&h, fake_host);
    pv_cpuid_policy_init(&p, &h, false);

    /* x87 SSE AVX and the three AVX-512 states; no MPX, no PKRU. */
    CU_ASSERT_EQUAL(pv_cpuid_xcr0_max(&p), 0xe7);
    pv_cpuid_lookup(&p, &cc, 0xd, 0, &r);
    CU_ASSERT_EQUAL(r.a, 0xe7);
    CU_ASSERT_EQUAL(r.c, 0xa80);        /* up to the end of hi-ZMM */
    CU_ASSERT_EQUAL(r.b, 0x240);        /* from the live hardware */
    pv_cpuid_lookup(&p, &cc, 0xd, 1, &r);
    CU_ASSERT_EQUAL(r.a, 0x7);          /* no XSAVES for PV */
    pv_cpuid_lookup(&p, &cc, 0xd, 3, &r);
    CU_ASSERT_EQUAL(r.a, 0);            /* MPX hidden */
    pv_cpuid_lookup(&p, &cc, 0xd, 7, &r);
    CU_ASSERT_EQUAL(r.a, 0x400);
    CU_ASSERT_EQUAL(r.b, 0x680);
    pv_cpuid_lookup(&p, &cc, 0xd, 63, &r);
    CU_ASSERT_EQUAL(r.a, 0);

    /* Leaf 1: hidden paging and APIC extras, HYPERVISOR set. */
    cc.kernel_mode = true;
    pv_cpuid_lookup(&p, &cc, 1, 0, &r);
    CU_ASSERT_EQUAL(r.c & (1u << 21), 0);           /* X2APIC */
    CU_ASSERT_NOT_EQUAL(r.c & (1u << 31), 0);       /* HYPERVISOR */
    CU_ASSERT_EQUAL(r.c & (1u << 27), 0);           /* OSXSAVE: CR4 off */
    CU_ASSERT_EQUAL(r.d & ((1u << 3) | (1u << 13) | (1u << 12)), 0);
    CU_ASSERT_NOT_EQUAL(r.d & (1u << 28), 0);       /* HTT as the host */
    CU_ASSERT_EQUAL(r.b >> 24, 0);                  /* APIC ID */
    /* ...but dom0's kernel is shown Xen's OSXSAVE through the prefix. */
    cc.via_ud = cc.host_osxsave = true;
    pv_cpuid_lookup(&p, &cc, 1, 0, &r);
    CU_ASSERT_NOT_EQUAL(r.c & (1u << 27), 0);
    cc.kernel_mode = false;
    pv_cpuid_lookup(&p, &cc, 1, 0, &r);
    CU_ASSERT_EQUAL(r.c & (1u << 27), 0);
    cc.guest_cr4 = 1u << 18;
    pv_cpuid_lookup(&p, &cc, 1, 0, &r);
    CU_ASSERT_NOT_EQUAL(r.c & (1u << 27), 0);

    /* Leaf 7: SMEP, SMAP, MPX, PKU hidden; IBRSB brings STIBP, IBPB. */
    pv_cpuid_lookup(&p, &cc, 7, 0, &r);
    CU_ASSERT_EQUAL(r.b & ((1u << 7) | (1u << 20) | (1u << 14)), 0);
    CU_ASSERT_NOT_EQUAL(r.b & (1u << 16), 0);       /* AVX512F */
    CU_ASSERT_EQUAL(r.c & (1u << 3), 0);
    CU_ASSERT_EQUAL(r.d, (1u << 26) | (1u << 27) | (1u << 29));
    pv_cpuid_lookup(&p, &cc, 0x80000008, 0, &r);
    CU_ASSERT_EQUAL(r.b & (1u << 12), 1u << 12);    /* IBPB */
    CU_ASSERT_EQUAL(r.a & 0xffff, 0x3027);

    /* Basic leaves beyond 0xd do not exist for guests. */
    pv_cpuid_lookup(&p, &cc, 0, 0, &r);
    CU_ASSERT_EQUAL(r.a, 0xd);
    pv_cpuid_lookup(&p, &cc, 0x14, 0, &r);
    CU_ASSERT_EQUAL(r.a | r.b | r.c | r.d, 0);
}

/* Without XSAVE, everything built on it goes: dependencies are deep. */
static void no_xsave_host(uint32_t leaf, uint32_t subleaf,
                          struct cpuid_leaf *r)
{
    fake_host(leaf, subleaf, r);
    if ( leaf == 1 )
        r->c &= ~(1u << 26);
}

static void test_dependencies(void)
{
    static struct pv_cpuid_policy p;
    struct pv_cpuid_host h;
    struct pv_cpuid_ctx cc = { .host_cpuid = no_xsave_host };
    struct cpuid_leaf r;

    pv_cpuid_host_defaults(&h, no_xsave_host);
    pv_cpuid_policy_init(&p, &h, false);
    pv_cpuid_lookup(&p, &cc, 1, 0, &r);
    CU_ASSERT_EQUAL(r.c & ((1u << 26) | (1u << 28) | (1u << 29) |
                           (1u << 12)), 0);
    pv_cpuid_lookup(&p, &cc, 7, 0, &r);
    CU_ASSERT_EQUAL(r.b & ((1u << 5) | (1u << 16)), 0);   /* AVX2, -512 */
    CU_ASSERT_NOT_EQUAL(r.b & (1u << 8), 0);              /* BMI2 stays */
    pv_cpuid_lookup(&p, &cc, 0xd, 0, &r);
    CU_ASSERT_EQUAL(r.a | r.b | r.c | r.d, 0);
    CU_ASSERT_EQUAL(pv_cpuid_xcr0_max(&p), 0);

    /* The hypervisor leaves need their data; without it, zeros. */
    pv_cpuid_lookup(&p, &cc, 0x40000000, 0, &r);
    CU_ASSERT_EQUAL(r.a | r.b | r.c | r.d, 0);
}

/* fake_host with an invariant TSC (0x80000007 EDX bit 8). */
static void itsc_host(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    fake_host(leaf, subleaf, r);
    if ( leaf == 0x80000007 )
        r->d |= 1u << 8;
}

/*
 * A domU's default policy is dom0's without the invariant TSC; what the
 * host leaks to dom0's kernel (MTRR here) is decided per call.
 */
static void test_domu_policy(void)
{
    static struct pv_cpuid_policy dom0, domu;
    struct pv_cpuid_host h;
    struct pv_cpuid_ctx cc = { .host_cpuid = itsc_host, .kernel_mode = true };
    struct cpuid_leaf r;

    pv_cpuid_host_defaults(&h, itsc_host);
    pv_cpuid_policy_init(&dom0, &h, true);
    pv_cpuid_policy_init(&domu, &h, false);

    pv_cpuid_lookup(&dom0, &cc, 0x80000007, 0, &r);
    CU_ASSERT_EQUAL(r.d, 1u << 8);
    pv_cpuid_lookup(&domu, &cc, 0x80000007, 0, &r);
    CU_ASSERT_EQUAL(r.d, 0);
    CU_ASSERT_EQUAL(pv_cpuid_xcr0_max(&dom0), pv_cpuid_xcr0_max(&domu));

    /* Only ITSC differs in the static part. */
    domu.extd[7].d |= 1u << 8;
    CU_ASSERT_EQUAL(memcmp(&dom0, &domu, sizeof(dom0)), 0);

    cc.hardware_domain = true;
    pv_cpuid_lookup(&dom0, &cc, 1, 0, &r);
    CU_ASSERT_NOT_EQUAL(r.d & (1u << 12), 0);       /* MTRR */
    cc.hardware_domain = false;
    pv_cpuid_lookup(&domu, &cc, 1, 0, &r);
    CU_ASSERT_EQUAL(r.d & (1u << 12), 0);
    CU_ASSERT_NOT_EQUAL(r.c & (1u << 26), 0);       /* XSAVE for both */
}

static void test_hypervisor_leaves(void)
{
    static struct pv_cpuid_policy p;
    struct pv_cpuid_host h;
    struct pv_cpuid_hv hv = {
        .version = 0x40011, .vtsc = true, .host_tsc_safe = true,
        .tsc_mode = 2, .tsc_khz = 2000000, .incarnation = 3,
        .vtsc_offset = 0x123456789ULL, .vtsc_mul_frac = 0x80000000,
        .vtsc_shift = -1, .cpu_khz = 2500000, .mfn_bits = 40,
    };
    struct pv_cpuid_ctx cc = { .hv = &hv, .host_cpuid = fake_host };
    struct cpuid_leaf r;

    pv_cpuid_host_defaults(&h, fake_host);
    pv_cpuid_policy_init(&p, &h, false);
    pv_cpuid_lookup(&p, &cc, 0x40000000, 0, &r);
    CU_ASSERT_EQUAL(r.a, 0x40000005);
    CU_ASSERT_EQUAL(r.b, 0x566e6558);                   /* "XenV" */
    CU_ASSERT_EQUAL(r.c, 0x65584d4d);                   /* "MMXe" */
    CU_ASSERT_EQUAL(r.d, 0x4d4d566e);                   /* "nVMM" */
    pv_cpuid_lookup(&p, &cc, 0x40000001, 0, &r);
    CU_ASSERT_EQUAL(r.a, 0x40011);
    pv_cpuid_lookup(&p, &cc, 0x40000002, 0, &r);
    CU_ASSERT(r.a == 1 && r.b == 0x40000000 && r.c == 1 && r.d == 0);
    pv_cpuid_lookup(&p, &cc, 0x40000003, 0, &r);
    CU_ASSERT(r.a == 3 && r.b == 2 && r.c == 2000000 && r.d == 3);
    /* The emulated TSC already includes its offset. */
    pv_cpuid_lookup(&p, &cc, 0x40000003, 1, &r);
    CU_ASSERT(r.a == 0 && r.b == 0 && r.c == 0x80000000 &&
              r.d == 0xffffffff);
    hv.vtsc = false;
    pv_cpuid_lookup(&p, &cc, 0x40000003, 1, &r);
    CU_ASSERT(r.a == 0x23456789 && r.b == 1);
    pv_cpuid_lookup(&p, &cc, 0x40000003, 2, &r);
    CU_ASSERT_EQUAL(r.a, 2500000);
    pv_cpuid_lookup(&p, &cc, 0x40000004, 0, &r);        /* HVM only */
    CU_ASSERT_EQUAL(r.a | r.b | r.c | r.d, 0);
    pv_cpuid_lookup(&p, &cc, 0x40000005, 0, &r);
    CU_ASSERT_EQUAL(r.b, 40);
    pv_cpuid_lookup(&p, &cc, 0x40000005, 1, &r);
    CU_ASSERT_EQUAL(r.b, 0);
    pv_cpuid_lookup(&p, &cc, 0x40000006, 0, &r);
    CU_ASSERT_EQUAL(r.a | r.b | r.c | r.d, 0);
    pv_cpuid_lookup(&p, &cc, 0x40000100, 0, &r);
    CU_ASSERT_EQUAL(r.a | r.b | r.c | r.d, 0);
}

static void test_cr4(void)
{
    static struct pv_cpuid_policy p;
    struct pv_cpuid_host h;
    const uint64_t host_cr4 = 0x3506e0;     /* PAE MCE PGE OSFXSR ... */

    pv_cpuid_host_defaults(&h, fake_host);
    pv_cpuid_policy_init(&p, &h, false);
    /* The guest sees PAE MCE OSFXSR OSXMMEXCPT of the host's. */
    CU_ASSERT_EQUAL(pv_cpuid_fixup_cr4(&p, host_cr4, 0), 0x660);
    /* It owns TSD DE FSGSBASE OSXSAVE; nothing else sticks. */
    CU_ASSERT_EQUAL(pv_cpuid_fixup_cr4(&p, host_cr4, ~0ULL),
                    0x660 | 0x4 | 0x8 | 0x10000 | 0x40000);
    /* Without XSAVE in the policy, OSXSAVE is refused. */
    pv_cpuid_host_defaults(&h, no_xsave_host);
    pv_cpuid_policy_init(&p, &h, false);
    CU_ASSERT_EQUAL(pv_cpuid_fixup_cr4(&p, host_cr4, 0x40000), 0x660);
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "CPUID as Xen 4.17 on recorded hosts", test_recorded_cpuid },
        { "RDMSR as Xen 4.17 on recorded hosts", test_recorded_msrs },
        { "XSAVE leaves and masking", test_xsave_policy },
        { "feature dependencies", test_dependencies },
        { "dom0 and domU policies", test_domu_policy },
        { "hypervisor leaves", test_hypervisor_leaves },
        { "CR4 view", test_cr4 },
    };
    CU_pSuite suite;
    unsigned int i, failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("emul-cpuid", NULL, NULL);
    for ( i = 0; suite && i < ARRAY_SIZE(tests); i++ )
        if ( !CU_add_test(suite, tests[i].name, tests[i].fn) )
            suite = NULL;
    if ( !suite )
    {
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
