/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Long console writes, which the hypervisor may stop and continue with
 * the rest of the buffer: a long one succeeds, one that runs into an
 * unmapped page fails with -EFAULT after writing what came before.
 */
#include "contin-common.h"

const char test_title[] = "contin-console: long console writes";

#define NCON    32768

static char text[NCON];

static long write_console(const char *what, const char *buf,
                          unsigned int n)
{
    return contin_call(what, __HYPERVISOR_console_io, CONSOLEIO_write, n,
                       (unsigned long)buf, 0, 0);
}

void test_main(void)
{
    char *edge;

    for ( unsigned int i = 0; i < NCON; i++ )
        text[i] = i % 64 == 63 ? '\n' : "console"[i % 64 % 7];
    CHECK_EQ(write_console("console write", text, NCON), 0);
    CHECK_EQ(write_console("empty console write", text, 0), 0);

    /* 3000 bytes readable, then a page that is not mapped. */
    CHECK_EQ(map_at(100, spare_mfn(42), PTE_DATA), 0);
    CHECK_EQ(map_at(101, 0, 0), 0);
    edge = (char *)scratch(100) + PAGE - 3000;
    memcpy(edge, text, 3000);
    CHECK_EQ(write_console("console write into a hole", edge, 8000),
             -EFAULT);
    CHECK_EQ(map_at(100, 0, 0), 0);
    printf("\n");
}
