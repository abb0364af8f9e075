/* SPDX-License-Identifier: GPL-2.0-only */
/* Stopping or resetting the machine. */

#include <hv/panic.h>
#include <asm/io.h>
#include <asm/processor.h>

#define DEBUG_EXIT_PORT 0xf4
#define RESET_CONTROL   0xcf9
#define KBD_COMMAND     0x64

static void __noreturn halt_forever(void)
{
    local_irq_disable();
    for ( ; ; )
        halt();
}

void machine_exit(unsigned int code)
{
    /* QEMU's isa-debug-exit ends the emulator with (code << 1) | 1. */
    outl(code, DEBUG_EXIT_PORT);
    halt_forever();
}

void machine_restart(void)
{
    static const struct
    {
        uint16_t limit;
        uint64_t base;
    } __packed no_idt = { 0, 0 };

    local_irq_disable();
    /* PCI reset control register: full reset. */
    outb(0x06, RESET_CONTROL);
    /* The keyboard controller's reset line. */
    outb(0xfe, KBD_COMMAND);
    /* Last resort: an exception with no IDT triple-faults. */
    asm volatile ( "lidt %0; int3" : : "m" (no_idt) );
    halt_forever();
}
