/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Feature bits reported by XENVER_get_features (sub-map 0) and named by
 * kernels in their FEATURES / SUPPORTED_FEATURES ELF notes.
 */
#ifndef __XEN_PUBLIC_FEATURES_H__
#define __XEN_PUBLIC_FEATURES_H__

#define XENFEAT_writable_page_tables        0 /* PTE writes trapped */
#define XENFEAT_writable_descriptor_tables  1
#define XENFEAT_auto_translated_physmap     2 /* guest sees no MFNs */
#define XENFEAT_supervisor_mode_kernel      3
#define XENFEAT_pae_pgdir_above_4gb         4
#define XENFEAT_mmu_pt_update_preserve_ad   5 /* MMU_PT_UPDATE_PRESERVE_AD */
#define XENFEAT_highmem_assist              6
#define XENFEAT_gnttab_map_avail_bits       7 /* GNTMAP_guest_avail_mask */
#define XENFEAT_hvm_callback_vector         8
#define XENFEAT_hvm_safe_pvclock            9
#define XENFEAT_hvm_pirqs                  10
#define XENFEAT_dom0                       11 /* may run as dom0 */
#define XENFEAT_memory_op_vnode_supported  13
#define XENFEAT_ARM_SMCCC_supported        14
#define XENFEAT_linux_rsdp_unrestricted    15
#define XENFEAT_not_direct_mapped          16
#define XENFEAT_direct_mapped              17

#define XENFEAT_NR_SUBMAPS 1

#endif /* __XEN_PUBLIC_FEATURES_H__ */
