/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The checks of a setvcpuextstate buffer (pv/xstate-ext.c) against what
 * Xen 4.17 answers: sizes, XCR0 values, the XSAVE header's fields.
 */
#include <string.h>
#include <CUnit/Basic.h>
#include <hv/errno.h>
#include "emul-priv-op.h"
#include "xstate-ext.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define HDR     XSTATE_EXT_HDR_SIZE
#define BV      (HDR + 512)
#define COMP    (BV + 8)
#define RSVD    (BV + 16)

/* An Intel host with XSAVE and AVX: YMM_Hi128 at 576, 256 bytes. */
static void host_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    *r = (struct cpuid_leaf){ 0 };
    switch ( leaf )
    {
    case 0:
        *r = (struct cpuid_leaf){ 0xd, 0x756e6547, 0x6c65746e, 0x49656e69 };
        break;
    case 1:
        *r = (struct cpuid_leaf){ 0x306c3, 0x800, 0x1c982203 | (1u << 28),
                                  0x078bfbff };
        break;
    case 0xd:
        if ( subleaf == 0 )
            *r = (struct cpuid_leaf){ 7, 0x240, 0x340, 0 };
        else if ( subleaf == 2 )
            *r = (struct cpuid_leaf){ 0x100, 0x240, 0, 0 };
        break;
    }
}

/* The same without XSAVE. */
static void old_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    host_cpuid(leaf, subleaf, r);
    if ( leaf == 1 )
        r->c &= ~((1u << 26) | (1u << 27) | (1u << 28));
    if ( leaf == 0xd )
        *r = (struct cpuid_leaf){ 0 };
}

static unsigned int area_size(uint64_t mask)
{
    if ( !mask )
        return 0;
    return mask & 4 ? 832 : 576;
}

static struct pv_cpuid_policy policy;
static struct xstate_ext_host host = { 7, area_size };
static uint8_t buf[HDR + 832];

static void set64(unsigned int at, uint64_t v)
{
    memcpy(buf + at, &v, sizeof(v));
}

static void setup(void (*cpuid)(uint32_t, uint32_t, struct cpuid_leaf *),
                  uint64_t xfeature_mask)
{
    struct pv_cpuid_host h;

    pv_cpuid_host_defaults(&h, cpuid);
    pv_cpuid_policy_init(&policy, &h, false);
    host.xfeature_mask = xfeature_mask;
    memset(buf, 0, sizeof(buf));
}

/* A VCPU that used AVX: its XCR0 values and XSTATE_BV. */
static void avx_state(void)
{
    set64(0, 7);
    set64(8, 7);
    set64(BV, 7);
}

static int check(uint64_t size)
{
    return xstate_ext_check(&policy, &host, buf, size);
}

static void test_sizes(void)
{
    setup(host_cpuid, 7);
    CU_ASSERT_EQUAL(xstate_ext_max_size(&host), HDR + 832);
    CU_ASSERT(!xstate_ext_size_ok(&host, 0));
    CU_ASSERT(!xstate_ext_size_ok(&host, HDR - 1));
    CU_ASSERT(xstate_ext_size_ok(&host, HDR));
    CU_ASSERT(xstate_ext_size_ok(&host, HDR + 832));
    CU_ASSERT(!xstate_ext_size_ok(&host, HDR + 833));
    CU_ASSERT(!xstate_ext_size_ok(&host, 1ULL << 32 | HDR));

    /* Without XSAVE only the two XCR0 values fit. */
    setup(old_cpuid, 0);
    CU_ASSERT_EQUAL(xstate_ext_max_size(&host), HDR);
    CU_ASSERT(xstate_ext_size_ok(&host, HDR));
    CU_ASSERT(!xstate_ext_size_ok(&host, HDR + 1));
}

static void test_no_area(void)
{
    setup(host_cpuid, 7);
    /* Nothing ever enabled: nothing to load, whatever the size says. */
    CU_ASSERT_EQUAL(check(HDR), 0);
    CU_ASSERT_EQUAL(check(HDR + 8), -EINVAL);
    CU_ASSERT_EQUAL(check(HDR + 576), -EINVAL);
    set64(COMP, 1ULL << 63);
    CU_ASSERT_EQUAL(check(HDR + 576), -EOPNOTSUPP);
    set64(COMP, 0);
    /* An XCR0 without the accumulated one, or values without an area. */
    set64(0, 3);
    CU_ASSERT_EQUAL(check(HDR), -EINVAL);
    set64(8, 3);
    CU_ASSERT_EQUAL(check(HDR), -EINVAL);
    CU_ASSERT_EQUAL(check(HDR + 575), -EINVAL);

    setup(old_cpuid, 0);
    CU_ASSERT_EQUAL(check(HDR), 0);
    set64(0, 3);
    set64(8, 3);
    CU_ASSERT_EQUAL(check(HDR + 576), -EINVAL);
}

static void test_areas(void)
{
    setup(host_cpuid, 7);
    avx_state();
    CU_ASSERT_EQUAL(check(HDR + 832), 1);
    CU_ASSERT_EQUAL(check(HDR + 831), -EINVAL);
    CU_ASSERT_EQUAL(check(HDR + 576), -EINVAL);
    CU_ASSERT_EQUAL(check(HDR), -EINVAL);
    /* x87 and SSE only: the area without YMM. */
    set64(8, 3);
    set64(0, 3);
    set64(BV, 3);
    CU_ASSERT_EQUAL(check(HDR + 576), 1);
    CU_ASSERT_EQUAL(check(HDR + 832), -EINVAL);
    /* An XCR0 of x87 alone is one a guest may set. */
    set64(0, 1);
    CU_ASSERT_EQUAL(check(HDR + 576), 1);
}

static void test_refusals(void)
{
    static const struct { unsigned int at; uint64_t val; int rc; } cases[] = {
        { 0, 0xf, -EINVAL },                /* XCR0 beyond the accumulated */
        { 0, 0, -EINVAL },                  /* XCR0 without x87 */
        { 0, 2, -EINVAL },
        { 0, 5, -EINVAL },                  /* YMM without SSE */
        { 8, 3, -EINVAL },                  /* accumulated below XCR0 */
        { 8, 0x1f, -EINVAL },               /* MPX: not in the policy */
        { 8, 0x207, -EINVAL },              /* PKRU: not in the policy */
        { BV, 0xf, -EINVAL },               /* XSTATE_BV beyond them */
        { COMP, 4, -EOPNOTSUPP },           /* any XCOMP_BV */
        { COMP, 1ULL << 63 | 7, -EOPNOTSUPP },
        { RSVD, 1, -EIO },                  /* the header's reserved part */
        { RSVD + 40, 1ULL << 63, -EIO },
        { RSVD + 48, 1, 1 },                /* past the header: data */
    };

    setup(host_cpuid, 7);
    for ( unsigned int i = 0; i < ARRAY_SIZE(cases); i++ )
    {
        memset(buf, 0, sizeof(buf));
        avx_state();
        set64(cases[i].at, cases[i].val);
        CU_ASSERT_EQUAL(check(HDR + 832), cases[i].rc);
    }

    /* Within the policy but not what the hypervisor manages. */
    setup(host_cpuid, 3);
    avx_state();
    CU_ASSERT_EQUAL(check(HDR + 832), -EOPNOTSUPP);

    /* Without XSAVE the policy allows nothing at all. */
    setup(old_cpuid, 0);
    set64(0, 3);
    set64(8, 3);
    set64(BV, 3);
    CU_ASSERT_EQUAL(check(HDR + 576), -EINVAL);
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "buffer sizes", test_sizes },
        { "no area", test_no_area },
        { "areas accepted", test_areas },
        { "refusals in Xen's order", test_refusals },
    };
    CU_pSuite suite;
    unsigned int i, failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("xstate-ext", NULL, NULL);
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
