/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * int $0x80 has a gate of its own that guests reach directly: with a
 * handler in the trap table it is delivered whatever DPL the entry has
 * (the hypervisor does not look), masking events if the entry asks for
 * it; without a handler it is the #GP an ordinary vector would give.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-int80: the direct int $0x80 gate";

extern char int80_insn[];

static void int80(void)
{
    asm volatile ( "mov $0x8080, %%rcx\n\t"
                   "mov $0x0808, %%r11\n\t"
                   ".globl int80_insn\n"
                   "int80_insn: int $0x80"
                   ::: "rcx", "r11", "memory" );
}

static void check_delivered(unsigned int mask_in_handler)
{
    if ( !CHECK(expect_trap(0x80, 0, int80)) )
        return;
    CHECK_EQ(last_trap.f.rip, (unsigned long)int80_insn + 2);
    CHECK_EQ(last_trap.f.xrcx, 0x8080);
    CHECK_EQ(last_trap.f.xr11, 0x0808);
    CHECK_EQ(last_trap.f.cs & 0xffff, KERNEL_CS_RPL0);
    CHECK_EQ(last_trap.f.cs >> 32, 0);
    CHECK_EQ(last_trap.mask_at_entry, mask_in_handler);
}

void test_main(void)
{
    traps_init();

    printf("cpu-int80: no handler: #GP(0x402)\n");
    if ( CHECK(expect_trap(13, 2, int80)) )
    {
        CHECK_EQ(last_trap.f.error_code, 0x80 * 8 + 2);
        CHECK_EQ(last_trap.f.rip, (unsigned long)int80_insn);
    }

    *upcall_mask() = 0;
    printf("cpu-int80: DPL 3 handler\n");
    CHECK_EQ(trap_register(0x80, 3, 0), 0);
    check_delivered(0);

    printf("cpu-int80: DPL 0 handler, still delivered\n");
    CHECK_EQ(trap_register(0x80, 0, 0), 0);
    check_delivered(0);

    printf("cpu-int80: handler that masks events\n");
    CHECK_EQ(trap_register(0x80, 4 | 3, 0), 0);
    check_delivered(1);
    CHECK_EQ(*upcall_mask(), 0);
    *upcall_mask() = 1;
}
