/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * start_info.cmd_line holds the module's command line without the image
 * name.  The boot test passes exactly the arguments below.
 */
#include "hvtest.h"

const char test_title[] = "cmdline: the module command line reaches the guest";

/* Keep in step with tests/boot/cases/cmdline.case. */
static const char expected[] = "alpha beta=1,2 gamma=x=y --delta";

void test_main(void)
{
    const char *cl = (const char *)start_info->cmd_line;
    size_t len = strnlen(cl, sizeof(start_info->cmd_line));
    char val[32];

    CHECK_EQ(sizeof(start_info->cmd_line), 1024);
    if ( len == sizeof(start_info->cmd_line) )
    {
        test_fail("cmd_line is not NUL-terminated");
        return;
    }
    printf("cmdline: \"%s\"\n", cl);
    if ( strcmp(cl, expected) )
        test_fail("cmd_line is \"%s\", want \"%s\"", cl, expected);
    /* The rest of the field is cleared. */
    for ( size_t i = len; i < sizeof(start_info->cmd_line); i++ )
        if ( cl[i] )
        {
            test_fail("cmd_line[%zu] is %#x after the NUL", i, cl[i]);
            break;
        }

    /* The framework's own parser, on the same line. */
    CHECK(cmdline_get("alpha", val, sizeof(val)) && !strcmp(val, ""));
    CHECK(cmdline_get("beta", val, sizeof(val)) && !strcmp(val, "1,2"));
    CHECK(cmdline_get("gamma", val, sizeof(val)) && !strcmp(val, "x=y"));
    CHECK(cmdline_get("--delta", val, sizeof(val)));
    CHECK(!cmdline_get("alp", val, sizeof(val)));
    CHECK(!cmdline_get("zeta", val, sizeof(val)));
}
