/* SPDX-License-Identifier: GPL-2.0-only */
/* HYPERVISOR_callback_op(cmd, arg): guest entry points for upcalls. */
#ifndef __XEN_PUBLIC_CALLBACK_H__
#define __XEN_PUBLIC_CALLBACK_H__

#include "xen.h"

#define CALLBACKTYPE_event                 0 /* event channel upcall */
#define CALLBACKTYPE_failsafe              1 /* bad segment on return */
#define CALLBACKTYPE_syscall               2 /* 64-bit SYSCALL from user */
#define CALLBACKTYPE_sysenter_deprecated   3
#define CALLBACKTYPE_nmi                   4
#define CALLBACKTYPE_sysenter              5
#define CALLBACKTYPE_syscall32             7 /* 32-bit SYSCALL from user */

/* Set event_upcall_mask on entry, as an interrupt gate clears IF. */
#define _CALLBACKF_mask_events             0
#define CALLBACKF_mask_events              (1U << _CALLBACKF_mask_events)

#define CALLBACKOP_register                0
struct callback_register {
    uint16_t type;              /* IN: CALLBACKTYPE_* */
    uint16_t flags;             /* IN: CALLBACKF_* */
    xen_callback_t address;     /* IN: entry point */
};
typedef struct callback_register callback_register_t;
DEFINE_XEN_GUEST_HANDLE(callback_register_t);

/* Only some types may be unregistered (e.g. NMI). */
#define CALLBACKOP_unregister              1
struct callback_unregister {
    uint16_t type;              /* IN: CALLBACKTYPE_* */
    uint16_t _unused;
};
typedef struct callback_unregister callback_unregister_t;
DEFINE_XEN_GUEST_HANDLE(callback_unregister_t);

#if __XEN_INTERFACE_VERSION__ < 0x00030207
#undef CALLBACKTYPE_sysenter
#define CALLBACKTYPE_sysenter CALLBACKTYPE_sysenter_deprecated
#endif

#endif /* __XEN_PUBLIC_CALLBACK_H__ */
