/* SPDX-License-Identifier: GPL-2.0-only */
/* panic(): say why on the console, whatever the log level, then stop. */

#include <hv/console.h>
#include <hv/lib.h>
#include <asm/processor.h>

static bool in_panic;

void panic(const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    local_irq_disable();

    /* A panic while panicking (say, in printk) must not recurse. */
    if ( in_panic )
        machine_exit(EXIT_CODE_PANIC);
    in_panic = true;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);

    console_break_line();
    printk_forced(LOG_ERR "PANIC: %s\n", msg);
    machine_exit(EXIT_CODE_PANIC);
}
