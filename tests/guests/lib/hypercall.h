/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercalls from a 64-bit PV guest kernel, by either transport: a raw
 * SYSCALL (number in RAX; arguments in RDI, RSI, RDX, R10, R8; RCX and R11
 * lost) or a call into the stub the hypervisor wrote in the hypercall page.
 */
#ifndef HVTEST_HYPERCALL_H
#define HVTEST_HYPERCALL_H

#include <stdbool.h>
#include <public/xen.h>

enum hc_transport {
    HC_SYSCALL,
    HC_PAGE,
};

/* The transport the typed wrappers below use; see hc_set_transport(). */
extern enum hc_transport hc_transport;

/* Present only in guests linked with the notes-hcpage variant. */
extern char hypercall_page[] __attribute__((weak));

static inline bool hc_have_page(void)
{
    return hypercall_page != 0;
}

/*
 * The hypervisor may rewind RIP and replay the call with updated argument
 * registers (a continuation), so every argument register is an output too.
 */
static inline long hc_syscall(unsigned long nr, unsigned long a1,
                              unsigned long a2, unsigned long a3,
                              unsigned long a4, unsigned long a5)
{
    register unsigned long r10 asm("r10") = a4;
    register unsigned long r8 asm("r8") = a5;

    asm volatile ( "syscall"
                   : "+a" (nr), "+D" (a1), "+S" (a2), "+d" (a3),
                     "+r" (r10), "+r" (r8)
                   :
                   : "rcx", "r11", "memory" );
    return nr;
}

static inline long hc_page(unsigned long nr, unsigned long a1,
                           unsigned long a2, unsigned long a3,
                           unsigned long a4, unsigned long a5)
{
    register unsigned long r10 asm("r10") = a4;
    register unsigned long r8 asm("r8") = a5;
    unsigned long stub = (unsigned long)hypercall_page + nr * 32;

    asm volatile ( "call *%[stub]"
                   : "+a" (nr), "+D" (a1), "+S" (a2), "+d" (a3),
                     "+r" (r10), "+r" (r8)
                   : [stub] "r" (stub)
                   : "rcx", "r11", "memory" );
    return nr;
}

static inline long hypercall5(unsigned long nr, unsigned long a1,
                              unsigned long a2, unsigned long a3,
                              unsigned long a4, unsigned long a5)
{
    if ( hc_transport == HC_PAGE )
        return hc_page(nr, a1, a2, a3, a4, a5);
    return hc_syscall(nr, a1, a2, a3, a4, a5);
}

#define hypercall0(nr) hypercall5(nr, 0, 0, 0, 0, 0)
#define hypercall1(nr, a) hypercall5(nr, (unsigned long)(a), 0, 0, 0, 0)
#define hypercall2(nr, a, b) \
    hypercall5(nr, (unsigned long)(a), (unsigned long)(b), 0, 0, 0)
#define hypercall3(nr, a, b, c) \
    hypercall5(nr, (unsigned long)(a), (unsigned long)(b), \
               (unsigned long)(c), 0, 0)

/* Selects a transport; false if the guest has no hypercall page. */
bool hc_set_transport(enum hc_transport t);

static inline long HYPERVISOR_console_io(int cmd, unsigned int count,
                                         const void *buf)
{
    return hypercall3(__HYPERVISOR_console_io, cmd, count, buf);
}

static inline long HYPERVISOR_xen_version(int cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_xen_version, cmd, arg);
}

static inline long HYPERVISOR_sched_op(int cmd, void *arg)
{
    return hypercall2(__HYPERVISOR_sched_op, cmd, arg);
}

#endif /* HVTEST_HYPERCALL_H */
