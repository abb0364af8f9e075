/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Names a frontend writes to its "protocol" node so that a backend of
 * another word size can read its ring layout.
 */
#ifndef __XEN_PROTOCOLS_H__
#define __XEN_PROTOCOLS_H__

#define XEN_IO_PROTO_ABI_X86_32 "x86_32-abi"
#define XEN_IO_PROTO_ABI_X86_64 "x86_64-abi"
#define XEN_IO_PROTO_ABI_ARM    "arm-abi"

#if defined(__i386__)
#define XEN_IO_PROTO_ABI_NATIVE XEN_IO_PROTO_ABI_X86_32
#elif defined(__x86_64__)
#define XEN_IO_PROTO_ABI_NATIVE XEN_IO_PROTO_ABI_X86_64
#elif defined(__arm__) || defined(__aarch64__)
#define XEN_IO_PROTO_ABI_NATIVE XEN_IO_PROTO_ABI_ARM
#else
#error "No I/O protocol name for this architecture."
#endif

#endif /* __XEN_PROTOCOLS_H__ */
