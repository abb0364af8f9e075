/* SPDX-License-Identifier: GPL-2.0-only */
/* The smallest guest: print a line and succeed; proves the whole path. */
#include "hvtest.h"

const char test_title[] = "hello: console output and a clean poweroff";

void test_main(void)
{
    printf("Hello from a micro test guest\n");
}
