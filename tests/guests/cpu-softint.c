/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Software interrupts from guest kernel mode.  The hypervisor's IDT gates
 * are DPL 0, so int $n faults into it and the DPL the guest gave vector n
 * in its trap table decides: 1 or more lets guest kernel code through
 * (RIP after the instruction, never an error code, even for vectors whose
 * exceptions have one), 0 or no entry makes it the #GP the CPU would
 * raise, error code n * 8 + 2, RIP on the instruction.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-softint: int $n against the guest's DPLs";

#define INT_INSN(n)                                                     \
    extern char int_##n##_insn[];                                       \
    static void int_##n(void)                                           \
    {                                                                   \
        asm volatile ( "mov $0x5151, %%rcx\n\t"                         \
                       "mov $0x1111, %%r11\n\t"                         \
                       ".globl int_" #n "_insn\n"                       \
                       "int_" #n "_insn: int $" #n                      \
                       ::: "rcx", "r11", "memory" );                    \
    }

INT_INSN(0x20)
INT_INSN(0x21)
INT_INSN(0x22)
INT_INSN(0x23)
INT_INSN(14)
INT_INSN(13)
INT_INSN(8)
INT_INSN(0xf0)
INT_INSN(0xff)
INT_INSN(2)

/* The assembler turns int $3 into int3: spell out the two-byte form. */
extern char int_3_insn[];
static void int_3(void)
{
    asm volatile ( "mov $0x5151, %%rcx\n\t"
                   "mov $0x1111, %%r11\n\t"
                   ".globl int_3_insn\n"
                   "int_3_insn: .byte 0xcd, 0x03"
                   ::: "rcx", "r11", "memory" );
}

static void delivered(unsigned int vec, void (*fn)(void), const char *insn)
{
    printf("cpu-softint: int $%#x goes to its handler\n", vec);
    if ( !CHECK(expect_trap(vec, 0, fn)) )
        return;
    CHECK_EQ(last_trap.f.rip, (unsigned long)insn + 2);
    /* No error code: the frame starts with the RCX and R11 we set. */
    CHECK_EQ(last_trap.f.xrcx, 0x5151);
    CHECK_EQ(last_trap.f.xr11, 0x1111);
    CHECK_EQ(last_trap.f.error_code, 0);
}

static void refused(unsigned int vec, void (*fn)(void), const char *insn)
{
    printf("cpu-softint: int $%#x is a #GP\n", vec);
    if ( !CHECK(expect_trap(13, 2, fn)) )
        return;
    CHECK_EQ(last_trap.f.rip, (unsigned long)insn);
    CHECK_EQ(last_trap.f.error_code, vec * 8 + 2);
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(trap_register(0x20, 3, 0), 0);
    CHECK_EQ(trap_register(0x21, 0, 0), 0);
    CHECK_EQ(trap_register(0x22, 1, 0), 0);
    CHECK_EQ(trap_register(0xf0, 3, 0), 0);
    CHECK_EQ(trap_register(0xff, 2, 0), 0);

    delivered(0x20, int_0x20, int_0x20_insn);
    refused(0x21, int_0x21, int_0x21_insn);
    /* Guest kernel mode counts as ring 1: DPL 1 and 2 let it in. */
    delivered(0x22, int_0x22, int_0x22_insn);
    delivered(0xff, int_0xff, int_0xff_insn);
    refused(0x23, int_0x23, int_0x23_insn);
    /* The hypervisor's own vectors are the guest's as far as int goes. */
    delivered(0xf0, int_0xf0, int_0xf0_insn);

    /* Exception vectors raised by software: no error code pushed. */
    CHECK_EQ(trap_register(14, 3, trap_stub_sw(14)), 0);
    delivered(14, int_14, int_14_insn);
    CHECK_EQ(trap_register(14, 0, 0), 0);
    refused(14, int_14, int_14_insn);
    refused(13, int_13, int_13_insn);
    refused(8, int_8, int_8_insn);

    /* int $3 (two bytes) takes the DPL-3 gate like int3. */
    delivered(3, int_3, int_3_insn);
    /* NMI's vector with DPL 0 in the table: #GP. */
    refused(2, int_2, int_2_insn);
}
