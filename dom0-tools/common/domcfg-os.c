/* SPDX-License-Identifier: GPL-2.0-only */
/* <os>: a paravirtualized guest booted straight from a kernel file, with
 * an optional initrd and command line (libvirt's "direct kernel boot"). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Like Xen's, the public headers expect <stdint.h> first. */
#include <public/xen.h>

#include "domcfg-priv.h"

static const char *const no_attrs[] = { NULL };

static int parse_type(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "arch", "machine", NULL };
    const char *arch = domcfg_attr(node, "arch");
    const char *machine = domcfg_attr(node, "machine");
    char *text = NULL;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( arch && strcmp(arch, "x86_64") )
    {
        rc = domcfg_fail(ctx, node, "<type> arch '%s' is not supported "
                         "(only 'x86_64')", arch);
        goto out;
    }
    if ( machine && strcmp(machine, "xenpv") )
    {
        rc = domcfg_fail(ctx, node, "<type> machine '%s' is not supported "
                         "(only 'xenpv')", machine);
        goto out;
    }
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    /* libvirt's Xen driver spells a PV guest either way. */
    if ( strcmp(text, "linux") && strcmp(text, "xen") )
        rc = domcfg_fail(ctx, node, "<type> '%s' is not supported (only "
                         "'linux' or 'xen': paravirtualized guests)", text);

 out:
    free(text);
    return rc;
}

static int parse_path(struct domcfg_ctx *ctx, xmlNode *node, char **pathp)
{
    char *text = NULL;
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    if ( !*text )
    {
        rc = domcfg_fail(ctx, node, "<%s> must name a file",
                         (const char *)node->name);
        goto out;
    }
    *pathp = text;
    text = NULL;

 out:
    free(text);
    return rc;
}

static int parse_kernel(struct domcfg_ctx *ctx, xmlNode *node)
{
    return parse_path(ctx, node, &ctx->cfg->kernel);
}

static int parse_initrd(struct domcfg_ctx *ctx, xmlNode *node)
{
    return parse_path(ctx, node, &ctx->cfg->initrd);
}

static int parse_cmdline(struct domcfg_ctx *ctx, xmlNode *node)
{
    char *text = NULL;
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    /* start_info carries the command line, with its NUL, in a fixed
     * array: a longer one would reach the guest cut short. */
    if ( strlen(text) >= MAX_GUEST_CMDLINE )
    {
        rc = domcfg_fail(ctx, node, "<cmdline> is %zu bytes long; a PV "
                         "guest takes at most %d", strlen(text),
                         MAX_GUEST_CMDLINE - 1);
        goto out;
    }
    ctx->cfg->cmdline = text;
    text = NULL;

 out:
    free(text);
    return rc;
}

static const struct domcfg_rule os_rules[] = {
    { "type", parse_type, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "kernel", parse_kernel, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "initrd", parse_initrd, DOMCFG_ONCE },
    { "cmdline", parse_cmdline, DOMCFG_ONCE },
};

int domcfg_parse_os(struct domcfg_ctx *ctx, xmlNode *node)
{
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_walk(ctx, node, os_rules, ARRAY_LEN(os_rules));

 out:
    return rc;
}
