/* SPDX-License-Identifier: GPL-2.0-only */
/* A fake COM1 for host tests of common/console.c, plus machine_exit(). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/console.h>

#include "harness.h"

static char out[64 * 1024];
static size_t out_len;
static char in[256];
static size_t in_pos, in_len;

void serial_init(void)
{
}

void serial_putc(char c)
{
    if ( out_len + 1 < sizeof(out) )
    {
        out[out_len++] = c;
        out[out_len] = '\0';
    }
}

int serial_getc(void)
{
    return in_pos < in_len ? (unsigned char)in[in_pos++] : -1;
}

const char *harness_serial_output(void)
{
    return out;
}

void harness_serial_reset(void)
{
    out_len = 0;
    out[0] = '\0';
}

void harness_serial_feed(const char *input)
{
    in_len = strlen(input) < sizeof(in) ? strlen(input) : sizeof(in);
    memcpy(in, input, in_len);
    in_pos = 0;
}

void machine_exit(unsigned int code)
{
    fprintf(stderr, "machine_exit(%#x)\n%s", code, out);
    exit(code == EXIT_CODE_PANIC ? 3 : 4);
}
