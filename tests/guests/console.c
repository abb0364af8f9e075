/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_console_io as dom0 uses it: writes of every size, reads with
 * no input pending, bad counts and unknown sub-commands.
 */
#include "hvtest.h"

const char test_title[] = "console: console_io write, read and errors";

static char big[1300];

static void test_write(void)
{
    static const char line[] = "console: a short write\n";
    size_t n = 0;

    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 0, line), 0);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, 0, NULL), 0);
    /* Success is 0, not the number of bytes written. */
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(line) - 1, line),
             0);

    /* Longer than any internal chunk: lines of 75 characters. */
    while ( n + 76 < sizeof(big) )
    {
        for ( int i = 0; i < 75; i++ )
            big[n + i] = 'a' + (n / 76 + i) % 26;
        big[n + 75] = '\n';
        n += 76;
    }
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_write, n, big), 0);

    /* The count is an unsigned int: bits above 31 are ignored. */
    CHECK_EQ(hypercall3(__HYPERVISOR_console_io, CONSOLEIO_write,
                        (1UL << 32) | 14, "console: wide\nNOT SHOWN"), 0);
    /* So is the sub-command's upper half. */
    CHECK_EQ(hypercall3(__HYPERVISOR_console_io, (1UL << 32) | CONSOLEIO_write,
                        14, "console: cmd.\nNOT SHOWN"), 0);
}

static void test_read(void)
{
    char in[64];

    /* Nothing is typed on the serial line: reads return 0 characters. */
    memset(in, 0x5a, sizeof(in));
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, sizeof(in), in), 0);
    CHECK_EQ(in[0], 0x5a);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, 0, in), 0);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, 0, NULL), 0);
    /* Nothing to copy, so even a NULL buffer is fine. */
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, sizeof(in), NULL), 0);
    /* A count that would not fit the int result is refused. */
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, 0x80000000U, in), -E2BIG);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, 0xffffffffU, in), -E2BIG);
    CHECK_EQ(HYPERVISOR_console_io(CONSOLEIO_read, 0x7fffffffU, in), 0);
}

static void test_unknown(void)
{
    char in[16];

    CHECK_EQ(HYPERVISOR_console_io(2, sizeof(in), in), -ENOSYS);
    CHECK_EQ(HYPERVISOR_console_io(3, 0, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_console_io(0x7fffffff, 0, NULL), -ENOSYS);
    CHECK_EQ(HYPERVISOR_console_io(-1, 0, NULL), -ENOSYS);
}

void test_main(void)
{
    test_write();
    test_read();
    test_unknown();
}
