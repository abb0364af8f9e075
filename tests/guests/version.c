/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_xen_version: every sub-command a PV guest may issue, checked
 * for the values and formats Xen 4.17 gives (not its version strings).
 */
#include "hvtest.h"

const char test_title[] = "version: xen_version sub-commands";

#define GUARD 0xa5
#define SLACK 32

/* Room for the largest answer plus a guard zone that must stay intact. */
static unsigned char buf[1024 + SLACK];

static void fill(void)
{
    memset(buf, GUARD, sizeof(buf));
}

/* The hypervisor wrote exactly size bytes: a string, NUL-padded. */
static void check_string(const char *what, size_t size)
{
    size_t len = strnlen((char *)buf, size);

    if ( len == size )
    {
        test_fail("%s: no NUL within %zu bytes", what, size);
        return;
    }
    printf("%s: \"%s\"\n", what, (char *)buf);
    for ( size_t i = 0; i < len; i++ )
        if ( buf[i] < 0x20 || buf[i] > 0x7e )
            test_fail("%s: unprintable byte %#x at %zu", what, buf[i], i);
    for ( size_t i = len; i < size; i++ )
        if ( buf[i] )
        {
            test_fail("%s: byte %zu after the NUL is %#x, not 0",
                      what, i, buf[i]);
            break;
        }
    for ( size_t i = size; i < size + SLACK; i++ )
        if ( buf[i] != GUARD )
        {
            test_fail("%s: wrote beyond %zu bytes", what, size);
            break;
        }
}

/* Does the space-separated list hold this exact word? */
static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);

    for ( const char *p = list; (p = strstr(p, word)); p += n )
        if ( (p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0') )
            return true;
    return false;
}

static void test_version(void)
{
    long v = HYPERVISOR_xen_version(XENVER_version, NULL);

    printf("version: %#lx (%ld.%ld)\n", v, v >> 16, v & 0xffff);
    CHECK(v >= 0 && v <= 0xffffffffL);
    CHECK((v >> 16) >= 4);
    /* The sub-command is an int: bits above 31 of RDI are ignored. */
    CHECK_EQ(hypercall2(__HYPERVISOR_xen_version,
                        (1UL << 32) | XENVER_version, 0), v);
    /* XENVER_version ignores its argument. */
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_version, (void *)1), v);
}

static void test_strings(void)
{
    xen_compile_info_t *ci = (void *)buf;
    static const struct {
        const char *name;
        size_t off, size;
    } fields[] = {
        { "compiler", offsetof(xen_compile_info_t, compiler), 64 },
        { "compile_by", offsetof(xen_compile_info_t, compile_by), 16 },
        { "compile_domain", offsetof(xen_compile_info_t, compile_domain), 32 },
        { "compile_date", offsetof(xen_compile_info_t, compile_date), 32 },
    };

    fill();
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_extraversion, buf), 0);
    check_string("extraversion", sizeof(xen_extraversion_t));

    fill();
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_changeset, buf), 0);
    check_string("changeset", sizeof(xen_changeset_info_t));

    fill();
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_capabilities, buf), 0);
    check_string("capabilities", sizeof(xen_capabilities_info_t));
    CHECK(has_word((char *)buf, "xen-3.0-x86_64"));
    /* This hypervisor has no 32-bit PV support (Xen's CONFIG_PV32=n). */
    CHECK(!has_word((char *)buf, "xen-3.0-x86_32p"));

    fill();
    CHECK_EQ(sizeof(*ci), 144);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_compile_info, buf), 0);
    for ( size_t i = 0; i < ARRAY_SIZE(fields); i++ )
    {
        const char *f = (char *)buf + fields[i].off;

        if ( strnlen(f, fields[i].size) == fields[i].size )
            test_fail("compile_info.%s is not NUL-terminated", fields[i].name);
        else
            printf("compile_info.%s: \"%s\"\n", fields[i].name, f);
    }
    for ( size_t i = sizeof(*ci); i < sizeof(*ci) + SLACK; i++ )
        if ( buf[i] != GUARD )
        {
            test_fail("compile_info: wrote beyond %zu bytes", sizeof(*ci));
            break;
        }
}

static void test_platform_parameters(void)
{
    xen_platform_parameters_t *pp = (void *)buf;

    fill();
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_platform_parameters, buf), 0);
    CHECK_EQ(pp->virt_start, 0xffff800000000000UL);
    CHECK_EQ(buf[sizeof(*pp)], GUARD);
}

static void test_features(void)
{
    xen_feature_info_t fi;
    /*
     * What Xen 4.17 sets for a 64-bit PV dom0 whose kernel has no PAE_MODE
     * note (hence no pae_extended_cr3 assist, no pae_pgdir_above_4gb).
     */
    const uint32_t want = (1U << XENFEAT_mmu_pt_update_preserve_ad) |
                          (1U << XENFEAT_highmem_assist) |
                          (1U << XENFEAT_gnttab_map_avail_bits) |
                          (1U << XENFEAT_dom0) |
                          (1U << XENFEAT_memory_op_vnode_supported) |
                          (1U << XENFEAT_direct_mapped);

    fi.submap_idx = 0;
    fi.submap = 0xdeadbeef;
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_get_features, &fi), 0);
    printf("features[0] = %#x\n", fi.submap);
    CHECK_EQ(fi.submap_idx, 0);
    CHECK_EQ(fi.submap, want);
    CHECK(fi.submap & (1U << XENFEAT_mmu_pt_update_preserve_ad));
    CHECK(fi.submap & (1U << XENFEAT_gnttab_map_avail_bits));
    CHECK(fi.submap & (1U << XENFEAT_dom0));
    CHECK(!(fi.submap & (1U << XENFEAT_writable_page_tables)));
    CHECK(!(fi.submap & (1U << XENFEAT_auto_translated_physmap)));
    CHECK(!(fi.submap & (1U << XENFEAT_hvm_callback_vector)));

    /* Only sub-map 0 exists; others fail and leave the answer alone. */
    fi.submap_idx = 1;
    fi.submap = 0xdeadbeef;
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_get_features, &fi), -EINVAL);
    CHECK_EQ(fi.submap, 0xdeadbeef);
    fi.submap_idx = 0xffffffff;
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_get_features, &fi), -EINVAL);
}

static void test_misc(void)
{
    char *cmdline = (char *)buf;

    /* pagesize insists on a NULL argument. */
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_pagesize, NULL), 4096);
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_pagesize, buf), -EINVAL);

    fill();
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_guest_handle, buf), 0);
    for ( int i = 0; i < 16; i++ )
        if ( buf[i] )
            test_fail("dom0's handle byte %d is %#x, not 0", i, buf[i]);
    CHECK_EQ(buf[16], GUARD);

    /* dom0 may read the hypervisor's command line; both have a console. */
    fill();
    CHECK_EQ(HYPERVISOR_xen_version(XENVER_commandline, buf), 0);
    check_string("commandline", sizeof(xen_commandline_t));
    CHECK(has_word(cmdline, "console=com1"));

    /* Unknown sub-commands. */
    CHECK_EQ(HYPERVISOR_xen_version(11, buf), -ENOSYS);
    CHECK_EQ(HYPERVISOR_xen_version(12, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_xen_version(0x7fffffff, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_xen_version(-1, NULL), -ENOSYS);
}

void test_main(void)
{
    test_version();
    test_strings();
    test_platform_parameters();
    test_features();
    test_misc();
}
