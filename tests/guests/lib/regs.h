/* SPDX-License-Identifier: GPL-2.0-only */
/* A snapshot of the general registers, as the probes in regs.S take it. */
#ifndef HVTEST_REGS_H
#define HVTEST_REGS_H

/* Byte offsets, shared by C and assembly. */
#define REGS_rax     0
#define REGS_rbx     8
#define REGS_rcx    16
#define REGS_rdx    24
#define REGS_rsi    32
#define REGS_rdi    40
#define REGS_rbp    48
#define REGS_rsp    56
#define REGS_r8     64
#define REGS_r9     72
#define REGS_r10    80
#define REGS_r11    88
#define REGS_r12    96
#define REGS_r13   104
#define REGS_r14   112
#define REGS_r15   120
#define REGS_rflags 128
#define REGS_cs    136
#define REGS_ss    144
#define REGS_ds    152
#define REGS_es    160
#define REGS_fs    168
#define REGS_gs    176
#define REGS_SIZE  184

#ifndef __ASSEMBLY__
#include <stdint.h>

struct regs {
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rflags, cs, ss, ds, es, fs, gs;
};

_Static_assert(sizeof(struct regs) == REGS_SIZE, "struct regs layout");

/* Names in the order of struct regs, for messages. */
extern const char *const regs_names[REGS_SIZE / 8];

/* The registers at the guest's first instruction. */
extern struct regs entry_regs;

/* Non-zero if the loader left anything but zeroes in .bss. */
extern uint64_t bss_was_dirty;

/*
 * Loads every general register from *in (RSP excepted), executes a raw
 * SYSCALL with in->rax as the hypercall number, and stores the registers
 * found afterwards into *out.
 */
void regs_syscall_probe(const struct regs *in, struct regs *out);

/* The same through the hypercall page: call hypercall_page + 32 * nr. */
void regs_page_probe(const struct regs *in, struct regs *out);
#endif

#endif /* HVTEST_REGS_H */
