/* SPDX-License-Identifier: GPL-2.0-only */
/* Fatal errors and stopping the machine. */
#ifndef HV_PANIC_H
#define HV_PANIC_H

#include <hv/types.h>

/* Exit status for QEMU's isa-debug-exit: QEMU exits with (code << 1) | 1. */
#define EXIT_CODE_PANIC 0x7f

/* Prints "(HV) PANIC: <message>" and stops with EXIT_CODE_PANIC. */
void __noreturn panic(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/*
 * Write 'code' to the isa-debug-exit port (0xf4); if the machine is still
 * running (no such device), halt forever with interrupts off.
 */
void __noreturn machine_exit(unsigned int code);

/* Reset the machine (reset register, keyboard controller, triple fault). */
void __noreturn machine_restart(void);

/* Set by the "noreboot" option: stop instead of rebooting on shutdown. */
extern bool opt_noreboot;

#define BUG()                                                           \
    panic("BUG at %s:%d", __FILE__, __LINE__)

#define BUG_ON(cond)                                                    \
    do {                                                                \
        if ( unlikely(cond) )                                           \
            panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond);       \
    } while ( 0 )

#define ASSERT(cond)                                                    \
    do {                                                                \
        if ( unlikely(!(cond)) )                                        \
            panic("Assertion '%s' failed at %s:%d", #cond, __FILE__,    \
                  __LINE__);                                            \
    } while ( 0 )

#endif /* HV_PANIC_H */
