/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 PV specifics: flat segment selectors, the hypervisor's hole in the
 * guest address space, and the register frame exchanged with guests.
 */
/* Needs the guest-handle machinery; reached through it when included. */
#include "xen.h"

#ifndef __XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__
#define __XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__

/*
 * Guest kernel and guest user both run in ring 3, so one set of flat
 * selectors serves both; they live in the hypervisor-reserved GDT pages.
 */
#define FLAT_RING3_CS32 0xe023
#define FLAT_RING3_CS64 0xe033
#define FLAT_RING3_DS32 0xe02b
#define FLAT_RING3_DS64 0x0000
#define FLAT_RING3_SS32 0xe02b
#define FLAT_RING3_SS64 0xe02b

#define FLAT_KERNEL_DS64 FLAT_RING3_DS64
#define FLAT_KERNEL_DS32 FLAT_RING3_DS32
#define FLAT_KERNEL_DS   FLAT_KERNEL_DS64
#define FLAT_KERNEL_CS64 FLAT_RING3_CS64
#define FLAT_KERNEL_CS32 FLAT_RING3_CS32
#define FLAT_KERNEL_CS   FLAT_KERNEL_CS64
#define FLAT_KERNEL_SS64 FLAT_RING3_SS64
#define FLAT_KERNEL_SS32 FLAT_RING3_SS32
#define FLAT_KERNEL_SS   FLAT_KERNEL_SS64

#define FLAT_USER_DS64 FLAT_RING3_DS64
#define FLAT_USER_DS32 FLAT_RING3_DS32
#define FLAT_USER_DS   FLAT_USER_DS64
#define FLAT_USER_CS64 FLAT_RING3_CS64
#define FLAT_USER_CS32 FLAT_RING3_CS32
#define FLAT_USER_CS   FLAT_USER_CS64
#define FLAT_USER_SS64 FLAT_RING3_SS64
#define FLAT_USER_SS32 FLAT_RING3_SS32
#define FLAT_USER_SS   FLAT_USER_SS64

/* Reserved range; the read-only M2P table is mapped at its start. */
#define __HYPERVISOR_VIRT_START 0xFFFF800000000000
#define __HYPERVISOR_VIRT_END   0xFFFF880000000000
#define __MACH2PHYS_VIRT_START  0xFFFF800000000000
#define __MACH2PHYS_VIRT_END    0xFFFF804000000000

#ifndef HYPERVISOR_VIRT_START
#define HYPERVISOR_VIRT_START xen_mk_ulong(__HYPERVISOR_VIRT_START)
#define HYPERVISOR_VIRT_END   xen_mk_ulong(__HYPERVISOR_VIRT_END)
#endif

#define MACH2PHYS_VIRT_START  xen_mk_ulong(__MACH2PHYS_VIRT_START)
#define MACH2PHYS_VIRT_END    xen_mk_ulong(__MACH2PHYS_VIRT_END)
#define MACH2PHYS_NR_ENTRIES \
    ((MACH2PHYS_VIRT_END - MACH2PHYS_VIRT_START) >> 3)
#ifndef machine_to_phys_mapping
#define machine_to_phys_mapping ((unsigned long *)HYPERVISOR_VIRT_START)
#endif

/* Selectors for HYPERVISOR_set_segment_base(). */
#define SEGBASE_FS          0
#define SEGBASE_GS_USER     1
#define SEGBASE_GS_KERNEL   2
#define SEGBASE_GS_USER_SEL 3

/* vcpu_guest_context.flags: the VCPU was stopped inside a syscall. */
#define _VGCF_in_syscall 8
#define VGCF_in_syscall  (1 << _VGCF_in_syscall)
#define VGCF_IN_SYSCALL  VGCF_in_syscall

#ifndef __ASSEMBLY__

/*
 * Frame a guest pushes on its stack before HYPERVISOR_iret; lowest
 * address first.  The flags word carries VGCF_in_syscall.
 */
struct iret_context {
    uint64_t rax, r11, rcx, flags, rip, cs, rflags, rsp, ss;
};

/*
 * Register names.  The hypervisor and the tools get every sub-register
 * alias through anonymous unions; other GNU C users get the 32-bit names
 * as well; strict ISO C and other compilers see plain 64-bit fields.
 * Each register is 8 bytes in every variant, so the layout is the same.
 */
#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)
#define __XEN_REG_ABCD(l) union {                                        \
    uint64_t r ## l ## x;                                                 \
    uint32_t e ## l ## x;                                                 \
    uint16_t l ## x;                                                      \
    struct {                                                              \
        uint8_t l ## l;                                                   \
        uint8_t l ## h;                                                   \
    };                                                                    \
}
#define __XEN_REG_PTR8(n) union {                                        \
    uint64_t r ## n;                                                      \
    uint32_t e ## n;                                                      \
    uint16_t n;                                                           \
    uint8_t n ## l;                                                       \
}
#define __XEN_REG_PTR(n) union {                                         \
    uint64_t r ## n;                                                      \
    uint32_t e ## n;                                                      \
    uint16_t n;                                                           \
}
#define __XEN_REG_NUM(n) union {                                         \
    uint64_t r ## n;                                                      \
    uint32_t r ## n ## d;                                                 \
    uint16_t r ## n ## w;                                                 \
    uint8_t r ## n ## b;                                                  \
}
#elif defined(__GNUC__) && !defined(__STRICT_ANSI__)
#define __XEN_REG_GNU(n) union {                                         \
    uint64_t r ## n, e ## n;                                              \
    uint32_t _e ## n;                                                     \
}
#define __XEN_REG_ABCD(l) __XEN_REG_GNU(l ## x)
#define __XEN_REG_PTR8(n) __XEN_REG_GNU(n)
#define __XEN_REG_PTR(n)  __XEN_REG_GNU(n)
#define __XEN_REG_NUM(n)  uint64_t r ## n
#else
#define __XEN_REG_ABCD(l) uint64_t r ## l ## x
#define __XEN_REG_PTR8(n) uint64_t r ## n
#define __XEN_REG_PTR(n)  uint64_t r ## n
#define __XEN_REG_NUM(n)  uint64_t r ## n
#endif

/* Guest register state (200 bytes), as saved on entry to the hypervisor. */
struct cpu_user_regs {
    __XEN_REG_NUM(15);
    __XEN_REG_NUM(14);
    __XEN_REG_NUM(13);
    __XEN_REG_NUM(12);
    __XEN_REG_PTR8(bp);
    __XEN_REG_ABCD(b);
    __XEN_REG_NUM(11);
    __XEN_REG_NUM(10);
    __XEN_REG_NUM(9);
    __XEN_REG_NUM(8);
    __XEN_REG_ABCD(a);
    __XEN_REG_ABCD(c);
    __XEN_REG_ABCD(d);
    __XEN_REG_PTR8(si);
    __XEN_REG_PTR8(di);
    uint32_t error_code;    /* hardware error code of the exception */
    uint32_t entry_vector;  /* used by the hypervisor only */
    __XEN_REG_PTR(ip);
    uint16_t cs, _pad0[1];
    uint8_t  saved_upcall_mask;
    uint8_t  _pad1[3];
    __XEN_REG_PTR(flags);   /* rflags.IF mirrors !saved_upcall_mask */
    __XEN_REG_PTR8(sp);
    uint16_t ss, _pad2[3];
    /* Data selectors: carried in vcpu_guest_context, not on every entry. */
    uint16_t es, _pad3[3];
    uint16_t ds, _pad4[3];
    uint16_t fs, _pad5[3];
    uint16_t gs, _pad6[3];
};
typedef struct cpu_user_regs cpu_user_regs_t;
DEFINE_XEN_GUEST_HANDLE(cpu_user_regs_t);

#undef __XEN_REG_GNU
#undef __XEN_REG_ABCD
#undef __XEN_REG_PTR8
#undef __XEN_REG_PTR
#undef __XEN_REG_NUM

#define xen_pfn_to_cr3(pfn) ((unsigned long)(pfn) << 12)
#define xen_cr3_to_pfn(cr3) ((unsigned long)(cr3) >> 12)

struct arch_vcpu_info {
    unsigned long cr2;      /* faulting address of the last bounced #PF */
    unsigned long pad;
};
typedef struct arch_vcpu_info arch_vcpu_info_t;

/* A callback is just its entry address: the code selector is implied. */
typedef unsigned long xen_callback_t;

#endif /* !__ASSEMBLY__ */

#endif /* __XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__ */
