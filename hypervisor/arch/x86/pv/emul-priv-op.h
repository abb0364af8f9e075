/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Emulation of the privileged instructions a 64-bit PV guest executes in
 * ring 3: the policy (what is allowed, what value results) is here, the
 * effects on vcpu and machine state are the caller's, through pv_emul_ops.
 */
#ifndef PV_EMUL_PRIV_OP_H
#define PV_EMUL_PRIV_OP_H

#include <hv/types.h>
#include <public/xen.h>
#include <asm/x86-decode.h>
#include "cpuid-policy.h"

enum pv_emul_rc {
    EMUL_OK,            /* done: registers updated, rip advanced */
    EMUL_EXCEPTION,     /* inject *fault into the guest */
    EMUL_UNHANDLED,     /* not ours: inject the original #GP/#UD */
    EMUL_RETRY,         /* nothing done: resume at the same rip */
};

struct pv_emul_fault {
    uint8_t vector;
    bool has_error_code;
    uint32_t error_code;
    uint64_t cr2;       /* #PF: the faulting linear address */
    uint64_t dr6;       /* #DB: DR6 bits to set (BS, B0-B3) */
};

/*
 * The vcpu state the policy reads, sampled when the trap is taken.  The
 * caller keeps the authoritative copy; changes go through the ops.
 */
struct pv_emul_vcpu {
    bool kernel_mode;           /* running on its kernel page tables */
    unsigned int code_bits;     /* 64, or 32/16 in compat code segments */
    uint64_t cs_base;           /* compat code: its CS base */
    unsigned int vcpu_id;
    bool hardware_domain;

    /* Port I/O rights: PHYSDEVOP_set_iopl and _set_iobitmap. */
    unsigned int iopl;          /* virtual IOPL, 0-3 */
    bool architectural_iopl;    /* VMASST_TYPE_architectural_iopl */
    uint64_t iobmp;             /* guest address of the I/O bitmap */
    unsigned int iobmp_limit;   /* ports it covers */

    /* Control and debug registers as the guest sees them. */
    uint64_t cr0;               /* the hypervisor's CR0, virtual TS */
    uint64_t cr2;
    uint64_t cr3;               /* xen_pfn_to_cr3 of its kernel L4 */
    uint64_t cr4;
    uint64_t host_cr4;
    uint64_t dr[4], dr6, dr7;
    uint32_t dr7_emul;          /* DR7 enables of I/O breakpoints */

    /* MSR-related choices of the domain and the vcpu. */
    bool has_gp_handler;        /* trap table entry for #GP registered */
    bool msr_relaxed;           /* unknown MSRs read 0, writes dropped */
    bool cpuid_faulting;        /* MISC_FEATURES_ENABLES.CPUID_FAULTING */
    bool cache_flush_permitted; /* WBINVD reaches the hardware */

    const struct pv_cpuid_policy *cpuid;
    const struct pv_cpuid_hv *hv;
};

/*
 * Errors the ops return: 0 on success, else a negative errno (Xen's
 * values); guest memory accessors return the count of bytes NOT copied.
 */
struct pv_emul_ops {
    void (*get_vcpu)(struct pv_emul_vcpu *v);

    /* Guest linear memory through the current page tables. */
    unsigned int (*read)(uint64_t la, void *buf, unsigned int len);
    unsigned int (*write)(uint64_t la, const void *buf, unsigned int len);
    /* The I/O bitmap, through the guest kernel's page tables. */
    unsigned int (*read_iobmp)(uint64_t la, void *buf, unsigned int len);
    /* Base of FS or GS (other segments are flat in long mode). */
    uint64_t (*seg_base)(enum x86_seg seg);

    /*
     * Port I/O the guest is allowed (IOPL or bitmap): performed as the
     * domain may, on real ports it was granted, else on emulated devices
     * (PIT, RTC, PCI config); reads of nothing return all ones.
     */
    uint32_t (*io_read)(unsigned int port, unsigned int bytes);
    void (*io_write)(unsigned int port, unsigned int bytes, uint32_t val);

    /* Effects of control register writes, after policy. */
    void (*fpu_taskswitch)(bool set);           /* virtual CR0.TS */
    void (*write_cr2)(uint64_t val);
    int (*write_cr3)(uint64_t val);             /* -ERESTART: retry */
    void (*write_cr4)(uint64_t guest_cr4);      /* the new guest view */
    void (*write_dr)(unsigned int reg, uint64_t val, uint32_t dr7_emul);
    int (*write_xcr0)(uint64_t val);            /* validated already */
    void (*wbinvd)(void);

    /*
     * MSRs the vcpu holds (FS/GS bases, TSC, TSC_AUX, SPEC_CTRL, ...),
     * after policy; an error raises #GP.  See emul-msr.c for the list.
     */
    int (*msr_get)(uint32_t msr, uint64_t *val);
    int (*msr_set)(uint32_t msr, uint64_t val);
    /* The host's MSR, -EFAULT if it faults. */
    int (*rdmsr_host)(uint32_t msr, uint64_t *val);
    /* Fill in the hypercall page at this guest address (MSR 0x40000000). */
    int (*hypercall_page)(uint64_t gaddr);

    /* CPUID of this CPU, now (leaf 0xd depends on the loaded XCR0). */
    void (*host_cpuid)(uint32_t leaf, uint32_t subleaf,
                       struct cpuid_leaf *res);
};

/*
 * Emulates the instruction at regs->rip after a #GP(0) (trap_vector 13)
 * or a #UD (6, only the forced-emulation prefix is ours).
 * EMUL_OK: done, regs->rip advanced; EMUL_EXCEPTION: inject *fault (a #DB
 * after a completed single-stepped instruction carries fault->dr6);
 * EMUL_UNHANDLED: inject the original exception; EMUL_RETRY: resume.
 */
int pv_emulate_privileged_op(struct cpu_user_regs *regs,
                             unsigned int trap_vector,
                             const struct pv_emul_ops *ops,
                             struct pv_emul_fault *fault);

/*
 * Xen's validation of a debug register write, shared with the
 * set_debugreg hypercall.  Returns 0 with the value to load (and, for
 * DR7, the I/O breakpoint enables to emulate), -ENODEV (#UD), -EINVAL or
 * -EPERM (#GP).
 */
int pv_debugreg_check(unsigned int reg, uint64_t val, uint64_t guest_cr4,
                      uint64_t *out, uint32_t *dr7_emul);

/* The guest's view of DR4-DR7 / DR0-3 for MOV from DR and get_debugreg. */
int pv_debugreg_read(const struct pv_emul_vcpu *v, unsigned int reg,
                     uint64_t *val);

/*
 * Port access rights: virtual IOPL for the mode the guest runs in, else
 * its I/O bitmap.  Exposed for the hypervisor's own I/O paths and tests.
 */
bool pv_io_allowed(const struct pv_emul_vcpu *v, const struct pv_emul_ops *ops,
                   unsigned int port, unsigned int bytes);

/* Xen's XCR0 validation (XSETBV). */
bool pv_xcr0_valid(const struct pv_cpuid_policy *p, uint64_t xcr0);

/* RDMSR/WRMSR policy: EMUL_OK, EMUL_EXCEPTION (#GP(0)) or ... */
int pv_emul_rdmsr(const struct pv_emul_vcpu *v, const struct pv_emul_ops *ops,
                  uint32_t msr, uint64_t *val);
int pv_emul_wrmsr(const struct pv_emul_vcpu *v, const struct pv_emul_ops *ops,
                  uint32_t msr, uint64_t val);

#endif /* PV_EMUL_PRIV_OP_H */
