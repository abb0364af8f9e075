/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's virtual memory layout and machine-wide constants.
 * Usable from assembly: only #defines outside the C section. */
#ifndef ASM_CONFIG_H
#define ASM_CONFIG_H

#ifdef __ASSEMBLY__
#define _AC(x, y)   x
#else
#define _AC(x, y)   x ## y
#endif

/*
 * L4 slots 256..271 (0xffff800000000000-0xffff87ffffffffff) belong to the
 * hypervisor, as in Xen; every guest L4 carries a copy of these slots.
 * Everything else is guest space.
 */
#define HV_SLOT_FIRST           256
#define HV_SLOT_LAST            271
#define HV_AREA_VIRT_START      _AC(0xffff800000000000, UL)
#define HV_AREA_VIRT_END        _AC(0xffff880000000000, UL)

/* Slot 256: the read-only machine-to-physical table (built by the PV MM). */
#define RO_MPT_VIRT_START       _AC(0xffff800000000000, UL)
#define RO_MPT_VIRT_END         _AC(0xffff808000000000, UL)

/* The image: virtual HV_VIRT_START is physical HV_LOAD_PHYS. */
#define HV_VIRT_START           _AC(0xffff82d080000000, UL)
#define HV_LOAD_PHYS            _AC(0x200000, UL)
#define HV_VIRT_END             _AC(0xffff82d0bfe00000, UL)

/* Last 2 MiB of the image's gigabyte: single-page device mappings. */
#define FIXMAP_VIRT_START       _AC(0xffff82d0bfe00000, UL)
#define FIXMAP_VIRT_END         _AC(0xffff82d0c0000000, UL)

/* Per-CPU GDT windows (16 pages each: 14 guest, 1 ours, 1 guard). */
#define GDT_AREA_VIRT_START     _AC(0xffff82d0c0000000, UL)
#define GDT_AREA_SHIFT          16

/* All RAM, mapped 1:1 with large pages. */
#define DIRECTMAP_VIRT_START    _AC(0xffff830000000000, UL)
#define DIRECTMAP_VIRT_END      _AC(0xffff880000000000, UL)

#define NR_CPUS                 8

/* Per-CPU stack: IST pages at the bottom, struct cpu_info at the top. */
#define STACK_ORDER             3
#define STACK_SIZE              (_AC(4096, UL) << STACK_ORDER)
#define IST_DF_PAGE             0
#define IST_NMI_PAGE            1
#define IST_MCE_PAGE            2
#define IST_DB_PAGE             3
#define PRIMARY_STACK_PAGES     4

/* IST indices as programmed in the IDT (1-based; 0 means no switch). */
#define IST_NONE                0
#define IST_DF                  1
#define IST_NMI                 2
#define IST_MCE                 3
#define IST_DB                  4

#endif /* ASM_CONFIG_H */
