/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor console: levelled printk, raw output for guests, input.
 * Lines go to COM1 prefixed "(HV) " and to an in-memory ring. */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <hv/types.h>
#include <hv/panic.h>

/*
 * Level prefixes a message may start with, as Xen's XENLOG_*.  A message
 * without one is a warning, as in Xen.  loglvl= picks the least important
 * level still shown (default: info).
 */
#define LOG_ERR         "<0>"
#define LOG_WARNING     "<1>"
#define LOG_INFO        "<2>"
#define LOG_DEBUG       "<3>"

enum log_level
{
    LOGLVL_ERR = 0,
    LOGLVL_WARNING = 1,
    LOGLVL_INFO = 2,
    LOGLVL_DEBUG = 3,
};

#define LOGLVL_NONE     (-1)
#define LOGLVL_DEFAULT  LOGLVL_INFO

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);
/* Shown whatever loglvl= says: crash reports and panics. */
void printk_forced(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk_forced(const char *fmt, va_list ap);

/* Would a message at this level be shown? Lets callers skip costly dumps. */
bool printk_level_enabled(enum log_level level);

/* End a partial line, so that the next message starts on its own. */
void console_break_line(void);

/* Bytes exactly as given (no prefix, no level): a guest's console output. */
void console_write(const char *buf, size_t len);

/* Next input character, or -1 when none is waiting (never blocks). */
int console_getc(void);

/* dom0's serial input (console-input.c): polled into a ring, announced
 * with VIRQ_CONSOLE, read by CONSOLEIO_read. */
void console_input_start(void);
size_t console_input_read(char *buf, size_t len);

/* Bring up the device chosen by console= (call after cmdline_parse()). */
void console_init(void);

/*
 * Copy console history, oldest first, starting at *pos (bytes since boot);
 * returns the bytes copied and advances *pos.  History older than the
 * ring's size is lost: *pos then jumps forward to the oldest kept byte.
 */
size_t console_ring_read(char *buf, size_t len, uint64_t *pos);

/* Provided by the machine layer: the serial port behind the console. */
void serial_init(void);
void serial_putc(char c);
int serial_getc(void);

#endif /* HV_CONSOLE_H */
