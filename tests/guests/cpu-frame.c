/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The exception frame a guest kernel gets, word by word: RCX and R11 of
 * the interrupted code, RIP of the faulting instruction, CS with RPL 0
 * (kernel mode) and the saved upcall mask in bits 32-39, RFLAGS with IF
 * standing for the events the code had enabled, RSP and SS, all 16-byte
 * aligned below the interrupted stack pointer.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-frame: the bounce frame of a kernel-mode #DE";

#define EFLAGS_RF 0x10000UL
#define EFLAGS_IF 0x200UL
#define EFLAGS_DF 0x400UL

extern char de_insn[];
static unsigned long rsp_at_fault;

/* Divide by zero with chosen RCX, R11, DF and an odd stack pointer. */
static void raise_de(void)
{
    asm volatile ( "push %%rbx\n\t"
                   "sub $8, %%rsp\n\t"
                   "mov %%rsp, %[sp]\n\t"
                   "mov $0x1111, %%rcx\n\t"
                   "mov $0x2222, %%r11\n\t"
                   "xor %%edx, %%edx\n\t"
                   "mov $1, %%eax\n\t"
                   "xor %%ebx, %%ebx\n\t"
                   "std\n\t"
                   ".globl de_insn\n"
                   "de_insn: div %%rbx\n\t"
                   "cld\n\t"
                   "add $8, %%rsp\n\t"
                   "pop %%rbx"
                   : [sp] "=m" (rsp_at_fault)
                   :: "rax", "rcx", "rdx", "r11", "memory" );
}

static void check_frame(unsigned int mask)
{
    const struct trap_frame *f = &last_trap.f;

    CHECK_EQ(f->vector, 0);
    CHECK_EQ(f->xrcx, 0x1111);
    CHECK_EQ(f->xr11, 0x2222);
    CHECK_EQ(f->error_code, 0);
    CHECK_EQ(f->rip, (unsigned long)de_insn);
    CHECK_EQ(f->cs & 0xffff, KERNEL_CS_RPL0);
    CHECK_EQ(f->cs >> 32, mask);
    CHECK_EQ(f->rflags & (EFLAGS_IF | EFLAGS_DF), (mask ? 0 : EFLAGS_IF) |
             EFLAGS_DF);
    CHECK_EQ(f->rsp, rsp_at_fault);
    CHECK_EQ(f->ss, FLAT_KERNEL_SS);
    /* The frame's top words sit right under the aligned stack pointer. */
    CHECK_EQ(last_trap.frame_rip, (rsp_at_fault & ~15UL) - 40);
    /* The handler was entered the way SYSRET leaves RCX and R11. */
    CHECK_EQ(f->rcx, trap_stub(0));
    CHECK(f->r11 & EFLAGS_IF);
    CHECK_EQ(f->r11 & (EFLAGS_RF | EFLAGS_DF), EFLAGS_DF);
    CHECK_EQ(last_trap.mask_at_entry, mask);
}

void test_main(void)
{
    traps_init();

    /* Events start masked: the frame says so, and IF is clear in it. */
    CHECK_EQ(*upcall_mask(), 1);
    CHECK(expect_trap(0, 3, raise_de));
    check_frame(1);

    /* Unmasked, with a handler that does not mask them either. */
    *upcall_mask() = 0;
    CHECK(expect_trap(0, 3, raise_de));
    check_frame(0);
    CHECK_EQ(*upcall_mask(), 0);

    /* Flag 4 in the trap table: the handler runs with events masked. */
    CHECK_EQ(trap_register(0, 4, 0), 0);
    CHECK(expect_trap(0, 3, raise_de));
    CHECK_EQ(last_trap.f.cs >> 32, 0);
    CHECK_EQ(last_trap.mask_at_entry, 1);
    /* The iret back restores the mask from the frame's IF. */
    CHECK_EQ(*upcall_mask(), 0);
    *upcall_mask() = 1;
}
