/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 definitions shared by the PV interface: guest handles, trap table,
 * VCPU context, the architectural part of shared_info.
 */

/*
 * Everything here builds on xen.h, which in turn includes this file once
 * its own prerequisites exist; pulling it in first makes a direct
 * #include of this header work too.
 */
#include "../xen.h"

#ifndef __XEN_PUBLIC_ARCH_X86_XEN_H__
#define __XEN_PUBLIC_ARCH_X86_XEN_H__

#if !defined(__x86_64__)
#error "These headers describe the x86-64 interface only."
#endif

/*
 * A guest handle wraps the guest pointer in a struct so that handles to
 * different types cannot be mixed up silently.  Interfaces older than
 * 3.2.1 used bare pointers; both are 8 bytes here.
 */
#if __XEN_INTERFACE_VERSION__ >= 0x00030201
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef struct { type *p; } __guest_handle_ ## name
#else
#define ___DEFINE_XEN_GUEST_HANDLE(name, type) \
    typedef type * __guest_handle_ ## name
#endif

/* Every handle type comes with its read-only twin, const_<name>. */
#define __DEFINE_XEN_GUEST_HANDLE(name, type) \
    ___DEFINE_XEN_GUEST_HANDLE(name, type); \
    ___DEFINE_XEN_GUEST_HANDLE(const_ ## name, const type)
#define DEFINE_XEN_GUEST_HANDLE(name)   __DEFINE_XEN_GUEST_HANDLE(name, name)
#define __XEN_GUEST_HANDLE(name)        __guest_handle_ ## name
#define XEN_GUEST_HANDLE(name)          __XEN_GUEST_HANDLE(name)
#define XEN_GUEST_HANDLE_PARAM(name)    XEN_GUEST_HANDLE(name)
#define set_xen_guest_handle_raw(hnd, val) do { (hnd).p = val; } while ( 0 )
#define set_xen_guest_handle(hnd, val)  set_xen_guest_handle_raw(hnd, val)

#include "xen-x86_64.h"

#ifndef __ASSEMBLY__
typedef unsigned long xen_pfn_t;
#define PRI_xen_pfn  "lx"
#define PRIu_xen_pfn "lu"
#endif

/* This architecture has the classic PV entry and an upcall mask. */
#define XEN_HAVE_PV_GUEST_ENTRY 1
#define XEN_HAVE_PV_UPCALL_MASK 1

/* GDT frames from this index up belong to the hypervisor. */
#define FIRST_RESERVED_GDT_PAGE  14
#define FIRST_RESERVED_GDT_BYTE  (FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY (FIRST_RESERVED_GDT_BYTE / 8)

/* VCPUs beyond this count must register their own vcpu_info. */
#define XEN_LEGACY_MAX_VCPUS 32

#ifndef __ASSEMBLY__

typedef unsigned long xen_ulong_t;
#define PRI_xen_ulong "lx"

/* trap_info.flags: bits 0-1 DPL, bit 2 clears event delivery on entry. */
#define TI_GET_DPL(_ti)      ((_ti)->flags & 3)
#define TI_GET_IF(_ti)       ((_ti)->flags & 4)
#define TI_SET_DPL(_ti, _dpl) ((_ti)->flags |= (_dpl))
#define TI_SET_IF(_ti, _if)  ((_ti)->flags |= ((!!(_if)) << 2))

/* One entry of HYPERVISOR_set_trap_table(); a zero address ends the list. */
struct trap_info {
    uint8_t       vector;   /* IN: exception vector */
    uint8_t       flags;    /* IN: TI_* */
    uint16_t      cs;       /* IN: code selector of the handler */
    unsigned long address;  /* IN: handler entry point */
};
typedef struct trap_info trap_info_t;
DEFINE_XEN_GUEST_HANDLE(trap_info_t);

typedef uint64_t tsc_timestamp_t;

/*
 * Full VCPU state, for VCPUOP_initialise and for the tools'
 * XEN_DOMCTL_{set,get}vcpucontext.
 */
struct vcpu_guest_context {
    struct { char x[512]; } fpu_ctxt;   /* IN/OUT: FXSAVE image */
#define VGCF_I387_VALID                (1 << 0)
#define VGCF_IN_KERNEL                 (1 << 2)
#define _VGCF_i387_valid               0
#define VGCF_i387_valid                (1 << _VGCF_i387_valid)
#define _VGCF_in_kernel                2
#define VGCF_in_kernel                 (1 << _VGCF_in_kernel)
#define _VGCF_failsafe_disables_events 3
#define VGCF_failsafe_disables_events  (1 << _VGCF_failsafe_disables_events)
#define _VGCF_syscall_disables_events  4
#define VGCF_syscall_disables_events   (1 << _VGCF_syscall_disables_events)
#define _VGCF_online                   5
#define VGCF_online                    (1 << _VGCF_online)
    unsigned long flags;                /* IN/OUT: VGCF_* */
    struct cpu_user_regs user_regs;     /* IN/OUT */
    struct trap_info trap_ctxt[256];    /* IN/OUT: indexed by vector */
    unsigned long ldt_base, ldt_ents;   /* IN/OUT: linear address, entries */
    unsigned long gdt_frames[16];       /* IN/OUT: GDT frame numbers */
    unsigned long gdt_ents;             /* IN/OUT */
    unsigned long kernel_ss, kernel_sp; /* IN/OUT: stack_switch state */
    unsigned long ctrlreg[8];           /* IN/OUT: CR3 = xen_pfn_to_cr3() */
    unsigned long debugreg[8];          /* IN/OUT */
    unsigned long event_callback_eip;   /* IN/OUT */
    unsigned long failsafe_callback_eip; /* IN/OUT */
#ifdef __XEN__
    /* A 32-bit guest's context reuses this slot for its code selectors. */
    union {
        unsigned long syscall_callback_eip;
        struct {
            unsigned int event_callback_cs;
            unsigned int failsafe_callback_cs;
        };
    };
#else
    unsigned long syscall_callback_eip; /* IN/OUT */
#endif
    unsigned long vm_assist;            /* IN/OUT: VMASST_TYPE_* bitmap */
    uint64_t      fs_base;              /* IN/OUT */
    uint64_t      gs_base_kernel;       /* IN/OUT */
    uint64_t      gs_base_user;         /* IN/OUT */
};
typedef struct vcpu_guest_context vcpu_guest_context_t;
DEFINE_XEN_GUEST_HANDLE(vcpu_guest_context_t);

/* Architecture part of shared_info: how tools find the guest's P2M. */
struct arch_shared_info {
    unsigned long max_pfn;                  /* highest PFN plus one */
    xen_pfn_t     pfn_to_mfn_frame_list_list; /* 3-level P2M frame list */
    unsigned long nmi_reason;
    unsigned long p2m_cr3;                  /* virtual P2M: its page tables */
    unsigned long p2m_vaddr;                /* virtual P2M: its address */
    unsigned long p2m_generation;           /* odd while being changed */
};
typedef struct arch_shared_info arch_shared_info_t;

#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)
/* x86 part of XEN_DOMCTL_createdomain: devices the hypervisor emulates. */
struct xen_arch_domainconfig {
#define _XEN_X86_EMU_LAPIC     0
#define XEN_X86_EMU_LAPIC      (1U << _XEN_X86_EMU_LAPIC)
#define _XEN_X86_EMU_HPET      1
#define XEN_X86_EMU_HPET       (1U << _XEN_X86_EMU_HPET)
#define _XEN_X86_EMU_PM        2
#define XEN_X86_EMU_PM         (1U << _XEN_X86_EMU_PM)
#define _XEN_X86_EMU_RTC       3
#define XEN_X86_EMU_RTC        (1U << _XEN_X86_EMU_RTC)
#define _XEN_X86_EMU_IOAPIC    4
#define XEN_X86_EMU_IOAPIC     (1U << _XEN_X86_EMU_IOAPIC)
#define _XEN_X86_EMU_PIC       5
#define XEN_X86_EMU_PIC        (1U << _XEN_X86_EMU_PIC)
#define _XEN_X86_EMU_VGA       6
#define XEN_X86_EMU_VGA        (1U << _XEN_X86_EMU_VGA)
#define _XEN_X86_EMU_IOMMU     7
#define XEN_X86_EMU_IOMMU      (1U << _XEN_X86_EMU_IOMMU)
#define _XEN_X86_EMU_PIT       8
#define XEN_X86_EMU_PIT        (1U << _XEN_X86_EMU_PIT)
#define _XEN_X86_EMU_USE_PIRQ  9
#define XEN_X86_EMU_USE_PIRQ   (1U << _XEN_X86_EMU_USE_PIRQ)
#define _XEN_X86_EMU_VPCI      10
#define XEN_X86_EMU_VPCI       (1U << _XEN_X86_EMU_VPCI)
#define XEN_X86_EMU_ALL (XEN_X86_EMU_LAPIC | XEN_X86_EMU_HPET |          \
                         XEN_X86_EMU_PM | XEN_X86_EMU_RTC |               \
                         XEN_X86_EMU_IOAPIC | XEN_X86_EMU_PIC |           \
                         XEN_X86_EMU_VGA | XEN_X86_EMU_IOMMU |            \
                         XEN_X86_EMU_PIT | XEN_X86_EMU_USE_PIRQ |         \
                         XEN_X86_EMU_VPCI)
    uint32_t emulation_flags;   /* IN: XEN_X86_EMU_*; PV guests use 0 */
#define XEN_X86_MSR_RELAXED    (1u << 0)
    uint32_t misc_flags;        /* IN */
};
#define XEN_X86_MISC_FLAGS_MAX XEN_X86_MSR_RELAXED
#endif

/* A CPUID leaf as exchanged with the tools. */
typedef struct xen_cpuid_leaf {
#define XEN_CPUID_NO_SUBLEAF 0xffffffffu
    uint32_t leaf, subleaf;
    uint32_t a, b, c, d;
} xen_cpuid_leaf_t;
DEFINE_XEN_GUEST_HANDLE(xen_cpuid_leaf_t);

/* An MSR value as exchanged with the tools. */
typedef struct xen_msr_entry {
    uint32_t idx;
    uint32_t flags;     /* must be zero */
    uint64_t val;
} xen_msr_entry_t;
DEFINE_XEN_GUEST_HANDLE(xen_msr_entry_t);

#endif /* !__ASSEMBLY__ */

/*
 * "ud2; .ascii 'xen'" before an instruction asks the hypervisor to
 * emulate it with the guest's view (forced emulation), e.g. CPUID.
 */
#ifdef __ASSEMBLY__
#define XEN_EMULATE_PREFIX .byte 0x0f,0x0b,0x78,0x65,0x6e ;
#define XEN_CPUID          XEN_EMULATE_PREFIX cpuid
#else
#define XEN_EMULATE_PREFIX ".byte 0x0f,0x0b,0x78,0x65,0x6e ; "
#define XEN_CPUID          XEN_EMULATE_PREFIX "cpuid"
#endif

/* HVM guests may write bytes to this port for the hypervisor's console. */
#define XEN_HVM_DEBUGCONS_IOPORT 0xe9

#endif /* __XEN_PUBLIC_ARCH_X86_XEN_H__ */
