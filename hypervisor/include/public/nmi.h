/* SPDX-License-Identifier: GPL-2.0-only */
/* HYPERVISOR_nmi_op(cmd, arg) and the NMI reasons in arch_shared_info. */
#ifndef __XEN_PUBLIC_NMI_H__
#define __XEN_PUBLIC_NMI_H__

#include "xen.h"

/* Bits of arch_shared_info.nmi_reason. */
#define _XEN_NMIREASON_io_error     0
#define XEN_NMIREASON_io_error      (1UL << _XEN_NMIREASON_io_error)
#define _XEN_NMIREASON_pci_serr     1
#define XEN_NMIREASON_pci_serr      (1UL << _XEN_NMIREASON_pci_serr)
#if __XEN_INTERFACE_VERSION__ < 0x00040300
#define _XEN_NMIREASON_parity_error 1
#define XEN_NMIREASON_parity_error  (1UL << _XEN_NMIREASON_parity_error)
#endif
#define _XEN_NMIREASON_unknown      2
#define XEN_NMIREASON_unknown       (1UL << _XEN_NMIREASON_unknown)

/* Only the initial domain may take NMIs. */
#define XENNMI_register_callback    0
struct xennmi_callback {
    unsigned long handler_address;  /* IN */
    unsigned long pad;
};
typedef struct xennmi_callback xennmi_callback_t;
DEFINE_XEN_GUEST_HANDLE(xennmi_callback_t);

/* No argument. */
#define XENNMI_unregister_callback  1

#endif /* __XEN_PUBLIC_NMI_H__ */
