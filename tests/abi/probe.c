/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Prints the size of every type and the offset of every field named in
 * layout.tab.  Built twice, against our headers and Xen's, by
 * check-reference.sh, which compares the two outputs line by line.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "abi-headers.h"

#define LAYOUT_SIZE(type, expected) \
    printf("%s size %lu\n", #type, (unsigned long)sizeof(type));
#define LAYOUT_FIELD(type, field, expected) \
    printf("%s .%s %lu\n", #type, #field, \
           (unsigned long)offsetof(type, field));

int main(void)
{
#include "layout-probes.h"
    return 0;
}
