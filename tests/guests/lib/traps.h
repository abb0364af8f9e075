/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A trap table for micro test guests: handlers for every exception vector
 * and a few software interrupts, the event, syscall and failsafe
 * callbacks, and a way into guest user mode and back.  Each entry is an
 * assembly stub that saves the registers and calls a C handler with the
 * frame the hypervisor built; the handler may edit it before the stub
 * returns through HYPERVISOR_iret.
 */
#ifndef HVTEST_TRAPS_H
#define HVTEST_TRAPS_H

/* Pseudo vectors of the callbacks, beyond the IDT's 256. */
#define VEC_EVENT       0x100
#define VEC_SYSCALL     0x101
#define VEC_FAILSAFE    0x102
#define VEC_SYSCALL32   0x103

/* User mode's way back: SYSCALL with RAX = USER_EXIT, RDI = value. */
#define USER_EXIT       0x7e7e

/* Offsets in struct trap_frame, shared with trap-entry.S. */
#define TF_r15          0
#define TF_rax          80
#define TF_vector       120
#define TF_xrcx         128
#define TF_xr11         136
#define TF_error_code   144
#define TF_rip          152
#define TF_cs           160
#define TF_rflags       168
#define TF_rsp          176
#define TF_ss           184
#define TF_SIZE         192

#ifndef __ASSEMBLY__

#include <stdbool.h>
#include <stdint.h>

/*
 * The guest's state at the handler, lowest address first: the registers
 * the stub saved (RCX and R11 hold what the hypervisor left there), the
 * vector, then the hypervisor's frame with an error code of 0 inserted
 * when the vector has none.  CS bits 32-39 carry the upcall mask the
 * interrupted code had.
 */
struct trap_frame {
    uint64_t r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
    uint64_t rax, rcx, rdx, rsi, rdi;
    uint64_t vector;
    uint64_t xrcx, xr11;        /* RCX and R11 as interrupted */
    uint64_t error_code;
    uint64_t rip, cs, rflags, rsp, ss;
};

_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "trap_frame layout");

/*
 * Called with the frame; whatever it leaves there is where the stub
 * returns to (RIP, RSP, RFLAGS, CS/SS, every register).
 */
typedef void (*trap_handler_t)(struct trap_frame *f);

/* Selectors as guest kernel code sees them in its frames. */
#define KERNEL_CS_RPL0  (FLAT_KERNEL_CS & ~3)
#define KERNEL_SS_RPL0  (FLAT_KERNEL_SS & ~3)

/*
 * Registers every exception vector (0-31) with a stub, with the given
 * flags (DPL; 4 = events masked on entry), plus int3 and int $4 at DPL 3,
 * and the callbacks (event and syscall with events masked).  Handlers
 * default to trap_record(); the first unexpected trap fails the test.
 */
void traps_init(void);
/* Set before traps_init() to leave the syscall callback unregistered. */
extern bool traps_no_syscall_callback;

/* The entry stub of a vector 0-255, or a VEC_* callback. */
unsigned long trap_stub(unsigned int vector);
/* A stub for vector taken as a software interrupt: no error code. */
unsigned long trap_stub_sw(unsigned int vector);

/* Replace one vector's trap table entry (address 0: the stub). */
long trap_register(unsigned int vector, unsigned int flags,
                   unsigned long address);

/* The C handler for a vector or VEC_*; NULL restores the default. */
void trap_set_handler(unsigned int vector, trap_handler_t h);

/* What the default handler saw last, and how often. */
struct trap_record {
    unsigned int count;
    struct trap_frame f;
    unsigned long cr2;          /* vcpu_info.arch.cr2 at the handler */
    uint8_t mask_at_entry;      /* evtchn_upcall_mask in the handler */
    unsigned long frame_rip;    /* where the frame's RIP word was */
};
extern struct trap_record last_trap;

/*
 * Run fn() expecting exactly one trap on vector; the handler moves RIP
 * past the faulting instruction by skip bytes (0: a trap, RIP already
 * after it).  Returns true if it came; last_trap holds the frame.
 */
bool expect_trap(unsigned int vector, unsigned int skip, void (*fn)(void));

/* Clear last_trap, and allow the next trap on any vector. */
void trap_reset(void);
/* Traps taken since trap_reset() that the test did not ask for. */
extern unsigned int unexpected_traps;
/* The vector the default handler expects (-1: none). */
extern int trap_expected;
/* Bytes the default handler skips (see expect_trap). */
extern unsigned int trap_skip;

/* The event channel upcall mask and pending flag of VCPU 0. */
uint8_t *upcall_mask(void);
uint8_t *upcall_pending(void);
/* shared_info, mapped on first use; NULL if the mapping was refused. */
shared_info_t *trap_shared_info(void);

/*
 * Guest user mode.  user_mode_init() gives the VCPU a user page table
 * (the kernel's own L4, as every guest page is user-accessible on 64-bit
 * PV) and a kernel stack for bounces from user mode.  user_call() runs
 * fn(arg) in user mode on its own stack and returns once the user code
 * makes a system call (SYSCALL or int $0x80) that user_return()
 * recognises, with what fn returned.  Other system calls reach
 * user_syscall_hook if set.
 */
long user_mode_init(void);
long user_call(long (*fn)(long), long arg);
void __attribute__((noreturn)) user_exit(long value);
extern trap_handler_t user_syscall_hook;
/* The frame of the last system call or trap that ended user mode. */
extern struct trap_frame user_last_frame;
/* Top of the kernel stack that bounces from user mode land on. */
extern unsigned long kernel_stack_top;

/* Low-level pieces in trap-entry.S. */
long hypervisor_iret_to(const void *iret_context);
long user_enter(unsigned long rip, unsigned long rsp, unsigned long arg,
                unsigned long rflags);

#endif /* !__ASSEMBLY__ */

#endif /* HVTEST_TRAPS_H */
