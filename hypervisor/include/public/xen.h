/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Core of the guest interface: hypercall numbers, VIRQs, MMU operations,
 * domain ids, and the pages shared with every PV guest at boot.
 */
#ifndef __XEN_PUBLIC_XEN_H__
#define __XEN_PUBLIC_XEN_H__

#include "xen-compat.h"

#if defined(__x86_64__) || defined(__i386__)
#include "arch-x86/xen.h"
#else
#error "Unsupported architecture"
#endif

#ifndef __ASSEMBLY__
/* Handles for the base types used across the interface. */
DEFINE_XEN_GUEST_HANDLE(char);
__DEFINE_XEN_GUEST_HANDLE(uchar, unsigned char);
DEFINE_XEN_GUEST_HANDLE(int);
__DEFINE_XEN_GUEST_HANDLE(uint, unsigned int);
#if __XEN_INTERFACE_VERSION__ < 0x00040300
DEFINE_XEN_GUEST_HANDLE(long);
__DEFINE_XEN_GUEST_HANDLE(ulong, unsigned long);
#endif
DEFINE_XEN_GUEST_HANDLE(void);
DEFINE_XEN_GUEST_HANDLE(uint64_t);
DEFINE_XEN_GUEST_HANDLE(xen_pfn_t);
DEFINE_XEN_GUEST_HANDLE(xen_ulong_t);

/* Trailing variable-length arrays, in whatever form the compiler takes. */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define XEN_FLEX_ARRAY_DIM  /* empty: C99 flexible array member */
#elif defined(__GNUC__)
#define XEN_FLEX_ARRAY_DIM  0
#else
#define XEN_FLEX_ARRAY_DIM  1 /* one element too many in sizeof */
#endif

/* Typed constants that stay usable from assembly. */
#define __xen_mk_uint(x)    x ## U
#define __xen_mk_ulong(x)   x ## UL
#ifndef __xen_mk_ullong
#define __xen_mk_ullong(x)  x ## ULL
#endif
#define xen_mk_uint(x)      __xen_mk_uint(x)
#define xen_mk_ulong(x)     __xen_mk_ulong(x)
#define xen_mk_ullong(x)    __xen_mk_ullong(x)
#else
#define xen_mk_uint(x)      x
#define xen_mk_ulong(x)     x
#define xen_mk_ullong(x)    x
#endif

/* Hypercall numbers: RAX on SYSCALL, or the stub index in the page. */
#define __HYPERVISOR_set_trap_table                0
#define __HYPERVISOR_mmu_update                    1
#define __HYPERVISOR_set_gdt                       2
#define __HYPERVISOR_stack_switch                  3
#define __HYPERVISOR_set_callbacks                 4
#define __HYPERVISOR_fpu_taskswitch                5
#define __HYPERVISOR_sched_op_compat               6 /* before 3.0.2 */
#define __HYPERVISOR_platform_op                   7
#define __HYPERVISOR_set_debugreg                  8
#define __HYPERVISOR_get_debugreg                  9
#define __HYPERVISOR_update_descriptor            10
#define __HYPERVISOR_memory_op                    12
#define __HYPERVISOR_multicall                    13
#define __HYPERVISOR_update_va_mapping            14
#define __HYPERVISOR_set_timer_op                 15
#define __HYPERVISOR_event_channel_op_compat      16 /* before 3.2 */
#define __HYPERVISOR_xen_version                  17
#define __HYPERVISOR_console_io                   18
#define __HYPERVISOR_physdev_op_compat            19 /* before 3.2 */
#define __HYPERVISOR_grant_table_op               20
#define __HYPERVISOR_vm_assist                    21
#define __HYPERVISOR_update_va_mapping_otherdomain 22
#define __HYPERVISOR_iret                         23 /* never returns */
#define __HYPERVISOR_vcpu_op                      24
#define __HYPERVISOR_set_segment_base             25 /* x86-64 only */
#define __HYPERVISOR_mmuext_op                    26
#define __HYPERVISOR_xsm_op                       27
#define __HYPERVISOR_nmi_op                       28
#define __HYPERVISOR_sched_op                     29
#define __HYPERVISOR_callback_op                  30
#define __HYPERVISOR_xenoprof_op                  31
#define __HYPERVISOR_event_channel_op             32
#define __HYPERVISOR_physdev_op                   33
#define __HYPERVISOR_hvm_op                       34
#define __HYPERVISOR_sysctl                       35
#define __HYPERVISOR_domctl                       36
#define __HYPERVISOR_kexec_op                     37
#define __HYPERVISOR_tmem_op                      38
#define __HYPERVISOR_argo_op                      39
#define __HYPERVISOR_xenpmu_op                    40
#define __HYPERVISOR_dm_op                        41
#define __HYPERVISOR_hypfs_op                     42

/* Reserved for architecture-specific hypercalls. */
#define __HYPERVISOR_arch_0                       48
#define __HYPERVISOR_arch_1                       49
#define __HYPERVISOR_arch_2                       50
#define __HYPERVISOR_arch_3                       51
#define __HYPERVISOR_arch_4                       52
#define __HYPERVISOR_arch_5                       53
#define __HYPERVISOR_arch_6                       54
#define __HYPERVISOR_arch_7                       55

/* Old guests name the old calls by their new names. */
#if __XEN_INTERFACE_VERSION__ < 0x00030101
#undef __HYPERVISOR_sched_op
#define __HYPERVISOR_sched_op __HYPERVISOR_sched_op_compat
#endif
#if __XEN_INTERFACE_VERSION__ < 0x00030202
#undef __HYPERVISOR_event_channel_op
#define __HYPERVISOR_event_channel_op __HYPERVISOR_event_channel_op_compat
#undef __HYPERVISOR_physdev_op
#define __HYPERVISOR_physdev_op __HYPERVISOR_physdev_op_compat
#endif
#if __XEN_INTERFACE_VERSION__ < 0x00030204
#define __HYPERVISOR_dom0_op __HYPERVISOR_platform_op
#endif

/*
 * Virtual interrupts, bound with EVTCHNOP_bind_virq.  Global VIRQs go to
 * one VCPU of the domain that bound them; per-VCPU ones to each VCPU.
 */
#define VIRQ_TIMER      0  /* per-VCPU: timer tick or one-shot expiry */
#define VIRQ_DEBUG      1  /* per-VCPU: debug key pressed */
#define VIRQ_CONSOLE    2  /* global: dom0 console has input */
#define VIRQ_DOM_EXC    3  /* global: a domain shut down or crashed */
#define VIRQ_TBUF       4  /* global: trace buffers have data */
#define VIRQ_DEBUGGER   6  /* global: a debugged domain stopped */
#define VIRQ_XENOPROF   7  /* per-VCPU: profiling sample buffer */
#define VIRQ_CON_RING   8  /* global: hypervisor console has new output */
#define VIRQ_PCPU_STATE 9  /* global: physical CPU went on/offline */
#define VIRQ_MEM_EVENT  10 /* global: memory event ring has requests */
#define VIRQ_ARGO       11 /* per-domain: Argo message arrived */
#define VIRQ_ENOMEM     12 /* global: hypervisor heap is low */
#define VIRQ_XENPMU     13 /* per-VCPU: PMU interrupt */

#define VIRQ_ARCH_0     16
#define VIRQ_ARCH_1     17
#define VIRQ_ARCH_2     18
#define VIRQ_ARCH_3     19
#define VIRQ_ARCH_4     20
#define VIRQ_ARCH_5     21
#define VIRQ_ARCH_6     22
#define VIRQ_ARCH_7     23

#define NR_VIRQS        24

/*
 * HYPERVISOR_mmu_update: the low 2 bits of mmu_update.ptr select the
 * command, the rest is a machine address (of a PTE) or a frame number.
 */
#define MMU_NORMAL_PT_UPDATE       0 /* *ptr = val, with checks */
#define MMU_MACHPHYS_UPDATE        1 /* M2P[ptr >> 12] = val */
#define MMU_PT_UPDATE_PRESERVE_AD  2 /* as NORMAL, keeping A/D bits */
#define MMU_PT_UPDATE_NO_TRANSLATE 3 /* as NORMAL, for translated guests */

/* HYPERVISOR_mmuext_op commands, in mmuext_op.cmd. */
#define MMUEXT_PIN_L1_TABLE        0
#define MMUEXT_PIN_L2_TABLE        1
#define MMUEXT_PIN_L3_TABLE        2
#define MMUEXT_PIN_L4_TABLE        3
#define MMUEXT_UNPIN_TABLE         4
#define MMUEXT_NEW_BASEPTR         5
#define MMUEXT_TLB_FLUSH_LOCAL     6
#define MMUEXT_INVLPG_LOCAL        7
#define MMUEXT_TLB_FLUSH_MULTI     8
#define MMUEXT_INVLPG_MULTI        9
#define MMUEXT_TLB_FLUSH_ALL      10
#define MMUEXT_INVLPG_ALL         11
#define MMUEXT_FLUSH_CACHE        12
#define MMUEXT_SET_LDT            13
#define MMUEXT_NEW_USER_BASEPTR   15
#define MMUEXT_CLEAR_PAGE         16
#define MMUEXT_COPY_PAGE          17
#define MMUEXT_FLUSH_CACHE_GLOBAL 18
#define MMUEXT_MARK_SUPER         19
#define MMUEXT_UNMARK_SUPER       20

#ifndef __ASSEMBLY__
struct mmuext_op {
    unsigned int cmd;               /* IN: MMUEXT_* */
    union {
        /* IN: PIN_*, UNPIN_TABLE, NEW_*BASEPTR, CLEAR_PAGE, COPY_PAGE */
        xen_pfn_t     mfn;
        /* IN: INVLPG_*, SET_LDT */
        unsigned long linear_addr;
    } arg1;
    union {
        /* IN: SET_LDT */
        unsigned int nr_ents;
        /* IN: TLB_FLUSH_MULTI, INVLPG_MULTI */
#if __XEN_INTERFACE_VERSION__ >= 0x00030205
        XEN_GUEST_HANDLE(const_void) vcpumask;
#else
        const void *vcpumask;
#endif
        /* IN: COPY_PAGE */
        xen_pfn_t src_mfn;
    } arg2;
};
typedef struct mmuext_op mmuext_op_t;
DEFINE_XEN_GUEST_HANDLE(mmuext_op_t);
#endif

/* HYPERVISOR_update_va_mapping flags: which TLB flush, on which CPUs. */
#define UVMF_NONE           (xen_mk_ulong(0) << 0)
#define UVMF_TLB_FLUSH      (xen_mk_ulong(1) << 0)
#define UVMF_INVLPG         (xen_mk_ulong(2) << 0)
#define UVMF_FLUSHTYPE_MASK (xen_mk_ulong(3) << 0)
#define UVMF_MULTI          (xen_mk_ulong(0) << 2) /* ORed with a mask ptr */
#define UVMF_LOCAL          (xen_mk_ulong(0) << 2)
#define UVMF_ALL            (xen_mk_ulong(1) << 2)

/* HYPERVISOR_console_io commands. */
#define CONSOLEIO_write     0
#define CONSOLEIO_read      1

/* HYPERVISOR_vm_assist commands and assists. */
#define VMASST_CMD_enable                0
#define VMASST_CMD_disable               1
#define VMASST_TYPE_4gb_segments         0
#define VMASST_TYPE_4gb_segments_notify  1
#define VMASST_TYPE_writable_pagetables  2
#define VMASST_TYPE_pae_extended_cr3     3
#define VMASST_TYPE_architectural_iopl   4
#define VMASST_TYPE_runstate_update_flag 5
#define VMASST_TYPE_m2p_strict           32
#if __XEN_INTERFACE_VERSION__ < 0x00040600
#define MAX_VMASST_TYPE                  3
#endif

/* Domain ids from DOMID_FIRST_RESERVED up name no real domain. */
#define DOMID_FIRST_RESERVED xen_mk_uint(0x7FF0)
#define DOMID_SELF           xen_mk_uint(0x7FF0) /* the caller */
#define DOMID_IO             xen_mk_uint(0x7FF1) /* owner of I/O memory */
#define DOMID_XEN            xen_mk_uint(0x7FF2) /* the hypervisor */
#define DOMID_COW            xen_mk_uint(0x7FF3) /* shared CoW pages */
#define DOMID_INVALID        xen_mk_uint(0x7FF4)
#define DOMID_IDLE           xen_mk_uint(0x7FFF)
#define DOMID_MASK           xen_mk_uint(0x7FFF)

#ifndef __ASSEMBLY__

typedef uint16_t domid_t;

/* One request of HYPERVISOR_mmu_update. */
struct mmu_update {
    uint64_t ptr;   /* IN: machine address of the PTE | MMU_* */
    uint64_t val;   /* IN: new contents */
};
typedef struct mmu_update mmu_update_t;
DEFINE_XEN_GUEST_HANDLE(mmu_update_t);

/* One call in a HYPERVISOR_multicall batch. */
struct multicall_entry {
    xen_ulong_t op;         /* IN: __HYPERVISOR_* */
    xen_ulong_t result;     /* OUT: the call's return value */
    xen_ulong_t args[6];    /* IN */
};
typedef struct multicall_entry multicall_entry_t;
DEFINE_XEN_GUEST_HANDLE(multicall_entry_t);

#if __XEN_INTERFACE_VERSION__ < 0x00040400
#define NR_EVENT_CHANNELS EVTCHN_2L_NR_CHANNELS
#endif

/*
 * pvclock parameters, updated by the hypervisor.  Readers retry while
 * version is odd or changed across the read.  Time in ns is
 *   system_time + ((tsc - tsc_timestamp) << tsc_shift) * mul >> 32
 * (a negative tsc_shift shifts right).
 */
struct vcpu_time_info {
    uint32_t version;
    uint32_t pad0;
    uint64_t tsc_timestamp;     /* TSC when system_time was taken */
    uint64_t system_time;       /* ns since boot */
    uint32_t tsc_to_system_mul; /* 32.32 fixed-point ns per tick */
    int8_t   tsc_shift;
#if __XEN_INTERFACE_VERSION__ > 0x040600
    uint8_t  flags;             /* XEN_PVCLOCK_* */
    uint8_t  pad1[2];
#else
    int8_t   pad1[3];
#endif
};
typedef struct vcpu_time_info vcpu_time_info_t;

#define XEN_PVCLOCK_TSC_STABLE_BIT (1 << 0)
#define XEN_PVCLOCK_GUEST_STOPPED  (1 << 1)

/* Per-VCPU event state and time (64 bytes). */
struct vcpu_info {
    /* Set by the hypervisor when an event is pending; guest clears it. */
    uint8_t evtchn_upcall_pending;
#ifdef XEN_HAVE_PV_UPCALL_MASK
    uint8_t evtchn_upcall_mask;     /* non-zero blocks the upcall */
#else
    uint8_t pad0;
#endif
    xen_ulong_t evtchn_pending_sel; /* words of evtchn_pending to scan */
    struct arch_vcpu_info arch;
    vcpu_time_info_t time;
};
#ifndef __XEN__
typedef struct vcpu_info vcpu_info_t;
#endif

/* The page every guest maps at start of day (start_info.shared_info). */
struct shared_info {
    struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];

    /* 2-level event channels: one bit per port. */
    xen_ulong_t evtchn_pending[sizeof(xen_ulong_t) * 8];
    xen_ulong_t evtchn_mask[sizeof(xen_ulong_t) * 8];

    /* Wallclock at system time 0; same odd/even protocol as pvclock. */
    uint32_t wc_version;
    uint32_t wc_sec;
    uint32_t wc_nsec;
    uint32_t wc_sec_hi;
#define xen_wc_sec_hi wc_sec_hi

    struct arch_shared_info arch;
};
#ifndef __XEN__
typedef struct shared_info shared_info_t;
#endif

#ifdef XEN_HAVE_PV_GUEST_ENTRY
/*
 * Handed to a PV guest in RSI at entry, mapped in its initial address
 * space.  Frame numbers are machine frames unless noted.
 */
struct start_info {
    char magic[32];             /* "xen-<version>-x86_64" */
    unsigned long nr_pages;     /* pages given to the domain */
    unsigned long shared_info;  /* machine address of shared_info */
    uint32_t flags;             /* SIF_* */
    xen_pfn_t store_mfn;        /* xenstore ring */
    uint32_t store_evtchn;
    union {
        struct {
            xen_pfn_t mfn;      /* console ring */
            uint32_t evtchn;
        } domU;
        struct {
            uint32_t info_off;  /* dom0_vga_console_info, from here */
            uint32_t info_size;
        } dom0;
    } console;
    unsigned long pt_base;      /* virtual address of the top page table */
    unsigned long nr_pt_frames; /* bootstrap page-table frames */
    unsigned long mfn_list;     /* virtual address of the P2M list */
    unsigned long mod_start;    /* initrd: virtual address or PFN */
    unsigned long mod_len;      /* initrd size in bytes */
#define MAX_GUEST_CMDLINE 1024
    int8_t cmd_line[MAX_GUEST_CMDLINE];
    unsigned long first_p2m_pfn; /* P2M placed outside the kernel map */
    unsigned long nr_p2m_frames;
};
typedef struct start_info start_info_t;

#if __XEN_INTERFACE_VERSION__ < 0x00030203
#define console_mfn    console.domU.mfn
#define console_evtchn console.domU.evtchn
#endif
#endif /* XEN_HAVE_PV_GUEST_ENTRY */

/* start_info.flags */
#define SIF_PRIVILEGED      (1 << 0)  /* may use privileged operations */
#define SIF_INITDOMAIN      (1 << 1)  /* is the initial control domain */
#define SIF_MULTIBOOT_MOD   (1 << 2)  /* mod_start lists multiboot mods */
#define SIF_MOD_START_PFN   (1 << 3)  /* mod_start is a PFN */
#define SIF_VIRT_P2M_4TOOLS (1 << 4)  /* tools use the virtual P2M */
#define SIF_PM_MASK         (0xFF << 8) /* power management flags */

/* Module list entry when SIF_MULTIBOOT_MOD is set. */
struct xen_multiboot_mod_list {
    uint32_t mod_start;     /* PFN-relative start of the module */
    uint32_t mod_end;       /* end, exclusive */
    uint32_t cmdline;       /* offset of its command line */
    uint32_t pad;
};

/* Console description the initial domain finds via start_info.console. */
typedef struct dom0_vga_console_info {
    uint8_t video_type;
#define XEN_VGATYPE_TEXT_MODE_3 0x03
#define XEN_VGATYPE_VESA_LFB    0x23
#define XEN_VGATYPE_EFI_LFB     0x70
    union {
        struct {
            uint16_t font_height;
            uint16_t cursor_x, cursor_y;
            uint16_t rows, columns;
        } text_mode_3;
        struct {
            uint16_t width, height;
            uint16_t bytes_per_line;
            uint16_t bits_per_pixel;
            uint32_t lfb_base;      /* low 32 bits of the frame buffer */
            uint32_t lfb_size;      /* in 64 KiB units */
            uint8_t  red_pos, red_size;
            uint8_t  green_pos, green_size;
            uint8_t  blue_pos, blue_size;
            uint8_t  rsvd_pos, rsvd_size;
#if __XEN_INTERFACE_VERSION__ >= 0x00030206
            uint32_t gbl_caps;
            uint16_t mode_attrs;
            uint16_t pad;
#endif
#if __XEN_INTERFACE_VERSION__ >= 0x00040d00
            uint32_t ext_lfb_base;  /* high 32 bits of the frame buffer */
#endif
        } vesa_lfb;
    } u;
} dom0_vga_console_info_t;
#define xen_vga_console_info   dom0_vga_console_info
#define xen_vga_console_info_t dom0_vga_console_info_t

typedef uint8_t xen_domain_handle_t[16];

__DEFINE_XEN_GUEST_HANDLE(uint8,  uint8_t);
__DEFINE_XEN_GUEST_HANDLE(uint16, uint16_t);
__DEFINE_XEN_GUEST_HANDLE(uint32, uint32_t);
__DEFINE_XEN_GUEST_HANDLE(uint64, uint64_t);

typedef struct {
    uint8_t a[16];
} xen_uuid_t;

/* Builds a xen_uuid_t initialiser from the usual 8-4-4-4-12 grouping. */
#define XEN_DEFINE_UUID_(a, b, c, d, e1, e2, e3, e4, e5, e6)            \
    {{((a) >> 24) & 0xFF, ((a) >> 16) & 0xFF,                             \
      ((a) >>  8) & 0xFF, ((a) >>  0) & 0xFF,                             \
      ((b) >>  8) & 0xFF, ((b) >>  0) & 0xFF,                             \
      ((c) >>  8) & 0xFF, ((c) >>  0) & 0xFF,                             \
      ((d) >>  8) & 0xFF, ((d) >>  0) & 0xFF,                             \
      e1, e2, e3, e4, e5, e6}}

/* Compound literals need C99 or GNU C; elsewhere only an initialiser. */
#if defined(__STDC_VERSION__) ? __STDC_VERSION__ >= 199901L : defined(__GNUC__)
#define XEN_DEFINE_UUID(a, b, c, d, e1, e2, e3, e4, e5, e6)             \
    ((xen_uuid_t)XEN_DEFINE_UUID_(a, b, c, d, e1, e2, e3, e4, e5, e6))
#else
#define XEN_DEFINE_UUID(a, b, c, d, e1, e2, e3, e4, e5, e6)             \
    XEN_DEFINE_UUID_(a, b, c, d, e1, e2, e3, e4, e5, e6)
#endif

#endif /* !__ASSEMBLY__ */

/* Types of the tools-only interfaces, fixed-size on every architecture. */
#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)

#ifndef int64_aligned_t
#define int64_aligned_t  int64_t
#endif
#ifndef uint64_aligned_t
#define uint64_aligned_t uint64_t
#endif
#ifndef XEN_GUEST_HANDLE_64
#define XEN_GUEST_HANDLE_64(name) XEN_GUEST_HANDLE(name)
#endif

#ifndef __ASSEMBLY__
/* A bitmap of nr_bits bits (CPUs or nodes) in caller memory. */
struct xenctl_bitmap {
    XEN_GUEST_HANDLE_64(uint8) bitmap;  /* IN/OUT */
    uint32_t nr_bits;                   /* IN */
};
typedef struct xenctl_bitmap xenctl_bitmap_t;
#endif

#endif /* __XEN__ || __XEN_TOOLS__ || __HV__ */

#endif /* __XEN_PUBLIC_XEN_H__ */
