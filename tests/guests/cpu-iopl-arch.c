/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VMASST_TYPE_architectural_iopl: the guest kernel counts as ring 0 for
 * port access, and the virtual IOPL travels in RFLAGS as on hardware:
 * exception frames show it, the iret hypercall sets it.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"
#include <public/physdev.h>

const char test_title[] = "cpu-iopl-arch: architectural IOPL";

#define EFLAGS_IOPL 0x3000UL

static uint8_t got;

static long set_iopl(unsigned int iopl)
{
    struct physdev_set_iopl s = { .iopl = iopl };

    return hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, &s);
}

static void in_cmos(void)
{
    got = inb(0x71);
}

static void raise_bp(void)
{
    asm volatile ( "int3" );
}

static long user_in(long port)
{
    return inb(port);
}

/* iret to ourselves with a chosen RFLAGS.IOPL. */
unsigned long iopl_iret_rsp;
long iopl_iret(struct iret_context *ctx);
asm ( "    .text\n"
      "    .globl iopl_iret\n"
      "iopl_iret:\n"
      "    push %rbx\n"
      "    push %rbp\n"
      "    mov %rsp, 56(%rdi)\n"
      "    lea 1f(%rip), %rax\n"
      "    mov %rax, 32(%rdi)\n"
      "    mov %rdi, %rsp\n"
      "    mov $23, %eax\n"
      "    syscall\n"
      "1:  pop %rbp\n"
      "    pop %rbx\n"
      "    ret\n" );

static void iret_with_iopl(unsigned long iopl)
{
    struct iret_context ctx = { .cs = KERNEL_CS_RPL0, .ss = FLAT_KERNEL_SS,
                                .rflags = 0x2 | (iopl << 12) };

    iopl_iret(&ctx);
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(user_mode_init(), 0);

    printf("cpu-iopl-arch: plain IOPL 0: the kernel is ring 1\n");
    CHECK(expect_trap(13, 2, in_cmos));

    CHECK_EQ(HYPERVISOR_vm_assist(VMASST_CMD_enable,
                                  VMASST_TYPE_architectural_iopl), 0);

    printf("cpu-iopl-arch: now the kernel is ring 0\n");
    in_cmos();
    CHECK_EQ(unexpected_traps, 0);
    trap_expected = 13;
    CHECK_EQ(user_call(user_in, 0x71), -1013);
    trap_expected = -1;

    printf("cpu-iopl-arch: frames carry the IOPL\n");
    CHECK(expect_trap(3, 0, raise_bp));
    CHECK_EQ(last_trap.f.rflags & EFLAGS_IOPL, 0);
    CHECK_EQ(set_iopl(3), 0);
    CHECK(expect_trap(3, 0, raise_bp));
    CHECK_EQ(last_trap.f.rflags & EFLAGS_IOPL, EFLAGS_IOPL);
    /* The iret into user mode carries IOPL 0, and that is now the IOPL. */
    trap_expected = 13;
    CHECK_EQ(user_call(user_in, 0x71), -1013);
    trap_expected = -1;
    CHECK(expect_trap(3, 0, raise_bp));
    CHECK_EQ(last_trap.f.rflags & EFLAGS_IOPL, 0);

    printf("cpu-iopl-arch: iret sets it\n");
    iret_with_iopl(1);
    CHECK(expect_trap(3, 0, raise_bp));
    CHECK_EQ(last_trap.f.rflags & EFLAGS_IOPL, 0x1000);
    trap_expected = 13;
    CHECK_EQ(user_call(user_in, 0x71), -1013);
    trap_expected = -1;
    /* The real RFLAGS never carry it. */
    {
        unsigned long fl;

        asm volatile ( "pushf; pop %0" : "=r" (fl) );
        CHECK_EQ(fl & EFLAGS_IOPL, 0);
    }
    iret_with_iopl(0);
    CHECK(expect_trap(3, 0, raise_bp));
    CHECK_EQ(last_trap.f.rflags & EFLAGS_IOPL, 0);

    CHECK_EQ(HYPERVISOR_vm_assist(VMASST_CMD_disable,
                                  VMASST_TYPE_architectural_iopl), 0);
    CHECK(expect_trap(13, 2, in_cmos));
}
