/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interface version selection: a consumer pins the ABI revision it was
 * written for; the hypervisor and the tools always see the newest one.
 */
#ifndef __XEN_PUBLIC_XEN_COMPAT_H__
#define __XEN_PUBLIC_XEN_COMPAT_H__

/*
 * Xen 4.14 was the last release to change the guest interface version.
 * Our hypervisor is built with __HV__: like Xen's own build (__XEN__) and
 * the tools (__XEN_TOOLS__) it sees the newest version and, throughout
 * these headers, the tools-only interfaces (domctl, sysctl, 64-bit
 * handles, every register alias).
 */
#define __XEN_LATEST_INTERFACE_VERSION__ 0x00040e00

#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)
#define __XEN_INTERFACE_VERSION__ __XEN_LATEST_INTERFACE_VERSION__
#elif !defined(__XEN_INTERFACE_VERSION__)
/* Guests that do not say are assumed to be the oldest. */
#define __XEN_INTERFACE_VERSION__ 0x00000000
#endif

#if __XEN_INTERFACE_VERSION__ > __XEN_LATEST_INTERFACE_VERSION__
#error "Requested interface version is newer than these headers."
#endif

#define COMPAT_FLEX_ARRAY_DIM XEN_FLEX_ARRAY_DIM

#endif /* __XEN_PUBLIC_XEN_COMPAT_H__ */
