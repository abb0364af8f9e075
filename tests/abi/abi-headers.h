/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every public header, through XEN_HDR() so the same probes compile
 * against our headers (the default) or Xen's (-D'XEN_HDR(h)=<xen/h>').
 * The includer provides <stdint.h> and <stddef.h> first, as Xen expects.
 */
#ifndef ABI_HEADERS_H
#define ABI_HEADERS_H

#ifndef XEN_HDR
#define XEN_HDR(h) <public/h>
#endif

#include XEN_HDR(xen.h)
#include XEN_HDR(arch-x86/cpuid.h)
#include XEN_HDR(callback.h)
#include XEN_HDR(elfnote.h)
#include XEN_HDR(errno.h)
#include XEN_HDR(event_channel.h)
#include XEN_HDR(features.h)
#include XEN_HDR(grant_table.h)
#include XEN_HDR(memory.h)
#include XEN_HDR(nmi.h)
#include XEN_HDR(physdev.h)
#include XEN_HDR(platform.h)
#include XEN_HDR(sched.h)
#include XEN_HDR(vcpu.h)
#include XEN_HDR(version.h)
#include XEN_HDR(io/blkif.h)
#include XEN_HDR(io/console.h)
#include XEN_HDR(io/netif.h)
#include XEN_HDR(io/protocols.h)
#include XEN_HDR(io/ring.h)
#include XEN_HDR(io/xenbus.h)
#include XEN_HDR(io/xs_wire.h)
#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)
#include XEN_HDR(domctl.h)
#include XEN_HDR(sysctl.h)
#endif

#endif /* ABI_HEADERS_H */
