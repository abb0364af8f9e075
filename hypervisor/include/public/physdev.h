/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_physdev_op(cmd, arg): physical IRQs, I/O privilege and PCI
 * device management for the hardware domain.
 */
#ifndef __XEN_PUBLIC_PHYSDEV_H__
#define __XEN_PUBLIC_PHYSDEV_H__

#include "xen.h"

/* Acknowledges a physical IRQ once the guest has handled it. */
#define PHYSDEVOP_eoi                   12
struct physdev_eoi {
    uint32_t irq;               /* IN */
};
typedef struct physdev_eoi physdev_eoi_t;
DEFINE_XEN_GUEST_HANDLE(physdev_eoi_t);

/*
 * Registers a page of bits saying which PIRQs need an EOI.  After v1,
 * PHYSDEVOP_eoi also unmasks the PIRQ's port; after v2 it does not.
 */
#define PHYSDEVOP_pirq_eoi_gmfn_v1      17
#define PHYSDEVOP_pirq_eoi_gmfn_v2      28
struct physdev_pirq_eoi_gmfn {
    xen_pfn_t gmfn;             /* IN */
};
typedef struct physdev_pirq_eoi_gmfn physdev_pirq_eoi_gmfn_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pirq_eoi_gmfn_t);

#define PHYSDEVOP_irq_status_query      5
struct physdev_irq_status_query {
    uint32_t irq;               /* IN */
    uint32_t flags;             /* OUT: XENIRQSTAT_* */
};
typedef struct physdev_irq_status_query physdev_irq_status_query_t;
DEFINE_XEN_GUEST_HANDLE(physdev_irq_status_query_t);

#define _XENIRQSTAT_needs_eoi   (0)
#define XENIRQSTAT_needs_eoi    (1U << _XENIRQSTAT_needs_eoi)
#define _XENIRQSTAT_shared      (1)
#define XENIRQSTAT_shared       (1U << _XENIRQSTAT_shared)

/* Virtual IOPL of the guest kernel (3 lets it use every port). */
#define PHYSDEVOP_set_iopl              6
struct physdev_set_iopl {
    uint32_t iopl;              /* IN: 0-3 */
};
typedef struct physdev_set_iopl physdev_set_iopl_t;
DEFINE_XEN_GUEST_HANDLE(physdev_set_iopl_t);

/* I/O bitmap in guest memory, as in a TSS: a clear bit allows a port. */
#define PHYSDEVOP_set_iobitmap          7
struct physdev_set_iobitmap {
#if __XEN_INTERFACE_VERSION__ >= 0x00030205
    XEN_GUEST_HANDLE(uint8) bitmap;     /* IN */
#else
    uint8_t *bitmap;                    /* IN */
#endif
    uint32_t nr_ports;                  /* IN */
};
typedef struct physdev_set_iobitmap physdev_set_iobitmap_t;
DEFINE_XEN_GUEST_HANDLE(physdev_set_iobitmap_t);

/* IO-APIC register access. */
#define PHYSDEVOP_apic_read             8
#define PHYSDEVOP_apic_write            9
struct physdev_apic {
    unsigned long apic_physbase;    /* IN */
    uint32_t reg;                   /* IN */
    uint32_t value;                 /* IN (write) / OUT (read) */
};
typedef struct physdev_apic physdev_apic_t;
DEFINE_XEN_GUEST_HANDLE(physdev_apic_t);

#define PHYSDEVOP_alloc_irq_vector      10
#define PHYSDEVOP_free_irq_vector       11
struct physdev_irq {
    uint32_t irq;               /* IN */
    uint32_t vector;            /* OUT (alloc) / IN (free) */
};
typedef struct physdev_irq physdev_irq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_irq_t);

#define MAP_PIRQ_TYPE_MSI               0x0
#define MAP_PIRQ_TYPE_GSI               0x1
#define MAP_PIRQ_TYPE_UNKNOWN           0x2
#define MAP_PIRQ_TYPE_MSI_SEG           0x3 /* bus carries the segment */
#define MAP_PIRQ_TYPE_MULTI_MSI         0x4

#define PHYSDEVOP_map_pirq              13
struct physdev_map_pirq {
    domid_t domid;              /* IN */
    int type;                   /* IN: MAP_PIRQ_TYPE_* */
    int index;                  /* IN: GSI, or MSI vector */
    int pirq;                   /* IN/OUT: -1 to let the hypervisor pick */
    int bus;                    /* IN: MSI only (segment << 16 | bus) */
    int devfn;                  /* IN: MSI only */
    int entry_nr;               /* IN/OUT: MSI-X entry, or vector count */
    uint64_t table_base;        /* IN: MSI-X table address */
};
typedef struct physdev_map_pirq physdev_map_pirq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_map_pirq_t);

#define PHYSDEVOP_unmap_pirq            14
struct physdev_unmap_pirq {
    domid_t domid;              /* IN */
    int pirq;                   /* IN */
};
typedef struct physdev_unmap_pirq physdev_unmap_pirq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_unmap_pirq_t);

#define PHYSDEVOP_manage_pci_add        15
#define PHYSDEVOP_manage_pci_remove     16
struct physdev_manage_pci {
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
};
typedef struct physdev_manage_pci physdev_manage_pci_t;
DEFINE_XEN_GUEST_HANDLE(physdev_manage_pci_t);

#define PHYSDEVOP_restore_msi           19
struct physdev_restore_msi {
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
};
typedef struct physdev_restore_msi physdev_restore_msi_t;
DEFINE_XEN_GUEST_HANDLE(physdev_restore_msi_t);

#define PHYSDEVOP_manage_pci_add_ext    20
struct physdev_manage_pci_ext {
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
    uint32_t is_extfn;          /* IN */
    uint32_t is_virtfn;         /* IN */
    struct {
        uint8_t bus;
        uint8_t devfn;
    } physfn;                   /* IN: parent of a virtual function */
};
typedef struct physdev_manage_pci_ext physdev_manage_pci_ext_t;
DEFINE_XEN_GUEST_HANDLE(physdev_manage_pci_ext_t);

/* Argument of the obsolete physdev_op_compat hypercall. */
struct physdev_op {
    uint32_t cmd;               /* IN: PHYSDEVOP_* */
    union {
        physdev_irq_status_query_t irq_status_query;
        physdev_set_iopl_t         set_iopl;
        physdev_set_iobitmap_t     set_iobitmap;
        physdev_apic_t             apic_op;
        physdev_irq_t              irq_op;
    } u;
};
typedef struct physdev_op physdev_op_t;
DEFINE_XEN_GUEST_HANDLE(physdev_op_t);

#define PHYSDEVOP_setup_gsi             21
struct physdev_setup_gsi {
    int gsi;                    /* IN */
    uint8_t triggering;         /* IN: 0 edge, 1 level */
    uint8_t polarity;           /* IN: 0 high, 1 low */
};
typedef struct physdev_setup_gsi physdev_setup_gsi_t;
DEFINE_XEN_GUEST_HANDLE(physdev_setup_gsi_t);

#define PHYSDEVOP_get_free_pirq         23
struct physdev_get_free_pirq {
    int type;                   /* IN: MAP_PIRQ_TYPE_* */
    uint32_t pirq;              /* OUT */
};
typedef struct physdev_get_free_pirq physdev_get_free_pirq_t;
DEFINE_XEN_GUEST_HANDLE(physdev_get_free_pirq_t);

#define XEN_PCI_MMCFG_RESERVED          0x1

#define PHYSDEVOP_pci_mmcfg_reserved    24
struct physdev_pci_mmcfg_reserved {
    uint64_t address;           /* IN */
    uint16_t segment;           /* IN */
    uint8_t start_bus;          /* IN */
    uint8_t end_bus;            /* IN */
    uint32_t flags;             /* IN: XEN_PCI_MMCFG_* */
};
typedef struct physdev_pci_mmcfg_reserved physdev_pci_mmcfg_reserved_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_mmcfg_reserved_t);

#define XEN_PCI_DEV_EXTFN               0x1
#define XEN_PCI_DEV_VIRTFN              0x2
#define XEN_PCI_DEV_PXM                 0x4 /* optarr[0] is the node */

#define PHYSDEVOP_pci_device_add        25
struct physdev_pci_device_add {
    uint16_t seg;               /* IN */
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
    uint32_t flags;             /* IN: XEN_PCI_DEV_* */
    struct {
        uint8_t bus;
        uint8_t devfn;
    } physfn;                   /* IN: with XEN_PCI_DEV_VIRTFN */
    uint32_t optarr[XEN_FLEX_ARRAY_DIM]; /* IN: per flags */
};
typedef struct physdev_pci_device_add physdev_pci_device_add_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_device_add_t);

/* These take a physdev_pci_device. */
#define PHYSDEVOP_pci_device_remove     26
#define PHYSDEVOP_restore_msi_ext       27
#define PHYSDEVOP_prepare_msix          30
#define PHYSDEVOP_release_msix          31
struct physdev_pci_device {
    uint16_t seg;               /* IN */
    uint8_t bus;                /* IN */
    uint8_t devfn;              /* IN */
};
typedef struct physdev_pci_device physdev_pci_device_t;
DEFINE_XEN_GUEST_HANDLE(physdev_pci_device_t);

/* Tells the hypervisor a USB debug port is about to be reset. */
#define PHYSDEVOP_DBGP_RESET_PREPARE    1
#define PHYSDEVOP_DBGP_RESET_DONE       2

#define PHYSDEVOP_DBGP_BUS_UNKNOWN      0
#define PHYSDEVOP_DBGP_BUS_PCI          1

#define PHYSDEVOP_dbgp_op               29
struct physdev_dbgp_op {
    uint8_t op;                 /* IN: PHYSDEVOP_DBGP_RESET_* */
    uint8_t bus;                /* IN: PHYSDEVOP_DBGP_BUS_* */
    union {
        physdev_pci_device_t pci;
    } u;                        /* IN */
};
typedef struct physdev_dbgp_op physdev_dbgp_op_t;
DEFINE_XEN_GUEST_HANDLE(physdev_dbgp_op_t);

/* Old notification that a PIRQ may be unmasked; no argument. */
#define PHYSDEVOP_IRQ_UNMASK_NOTIFY     4

#if __XEN_INTERFACE_VERSION__ < 0x00040600
#define PHYSDEVOP_IRQ_STATUS_QUERY        PHYSDEVOP_irq_status_query
#define PHYSDEVOP_SET_IOPL                PHYSDEVOP_set_iopl
#define PHYSDEVOP_SET_IOBITMAP            PHYSDEVOP_set_iobitmap
#define PHYSDEVOP_APIC_READ               PHYSDEVOP_apic_read
#define PHYSDEVOP_APIC_WRITE              PHYSDEVOP_apic_write
#define PHYSDEVOP_ASSIGN_VECTOR           PHYSDEVOP_alloc_irq_vector
#define PHYSDEVOP_FREE_VECTOR             PHYSDEVOP_free_irq_vector
#define PHYSDEVOP_IRQ_NEEDS_UNMASK_NOTIFY XENIRQSTAT_needs_eoi
#define PHYSDEVOP_IRQ_SHARED              XENIRQSTAT_shared
#endif

#if __XEN_INTERFACE_VERSION__ < 0x00040200
#define PHYSDEVOP_pirq_eoi_gmfn PHYSDEVOP_pirq_eoi_gmfn_v1
#else
#define PHYSDEVOP_pirq_eoi_gmfn PHYSDEVOP_pirq_eoi_gmfn_v2
#endif

#endif /* __XEN_PUBLIC_PHYSDEV_H__ */
