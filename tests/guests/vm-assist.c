/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_vm_assist: which assists a 64-bit PV guest may toggle, and
 * the one with a visible effect (pae_extended_cr3 -> XENFEAT bit 4).
 */
#include "hvtest.h"

const char test_title[] = "vm-assist: vm_assist types and commands";

/* Types a 64-bit PV guest may set, m2p_strict (32) included. */
static const unsigned long valid[] = { 0, 1, 2, 3, 4, 5, 32 };
static const unsigned long invalid[] = { 6, 7, 31, 33, 63, 64, 1000,
                                         0xffffffff };

static long vm_assist(unsigned long cmd, unsigned long type)
{
    return hypercall2(__HYPERVISOR_vm_assist, cmd, type);
}

static uint32_t features(void)
{
    xen_feature_info_t fi = { .submap_idx = 0 };

    if ( HYPERVISOR_xen_version(XENVER_get_features, &fi) )
        test_fail("XENVER_get_features failed");
    return fi.submap;
}

void test_main(void)
{
    uint32_t f0 = features();

    for ( unsigned int i = 0; i < ARRAY_SIZE(valid); i++ )
    {
        printf("vm-assist: type %lu\n", valid[i]);
        CHECK_EQ(vm_assist(VMASST_CMD_enable, valid[i]), 0);
        CHECK_EQ(vm_assist(VMASST_CMD_disable, valid[i]), 0);
        /* Disabling twice is fine too. */
        CHECK_EQ(vm_assist(VMASST_CMD_disable, valid[i]), 0);
        /* The type is checked before the command. */
        CHECK_EQ(vm_assist(2, valid[i]), -ENOSYS);
        CHECK_EQ(vm_assist(0xffffffff, valid[i]), -ENOSYS);
    }
    for ( unsigned int i = 0; i < ARRAY_SIZE(invalid); i++ )
    {
        printf("vm-assist: type %#lx\n", invalid[i]);
        CHECK_EQ(vm_assist(VMASST_CMD_enable, invalid[i]), -EINVAL);
        CHECK_EQ(vm_assist(2, invalid[i]), -EINVAL);
    }
    /* Both arguments are unsigned ints. */
    CHECK_EQ(vm_assist((1UL << 32) | VMASST_CMD_enable,
                       (1UL << 32) | VMASST_TYPE_writable_pagetables), 0);

    /* pae_extended_cr3 shows as XENFEAT_pae_pgdir_above_4gb. */
    CHECK(!(f0 & (1U << XENFEAT_pae_pgdir_above_4gb)));
    CHECK_EQ(vm_assist(VMASST_CMD_enable, VMASST_TYPE_pae_extended_cr3), 0);
    CHECK_EQ(features(), f0 | (1U << XENFEAT_pae_pgdir_above_4gb));
    CHECK_EQ(vm_assist(VMASST_CMD_disable, VMASST_TYPE_pae_extended_cr3), 0);
    CHECK_EQ(features(), f0);

    /* Leave what Linux turns on. */
    CHECK_EQ(vm_assist(VMASST_CMD_enable, VMASST_TYPE_writable_pagetables),
             0);
}
