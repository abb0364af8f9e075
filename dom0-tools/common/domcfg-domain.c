/* SPDX-License-Identifier: GPL-2.0-only */
/* The <domain> element and its scalar children: identity, memory, VCPUs
 * and the lifecycle actions. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domcfg-priv.h"

static const char *const no_attrs[] = { NULL };

static int parse_name(struct domcfg_ctx *ctx, xmlNode *node)
{
    char *text = NULL;
    const char *p;
    bool digits = true;
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;

    /* Names reach command lines, xenstore paths and log file names:
     * keep them to a character set safe in all three. */
    for ( p = text; *p; p++ )
    {
        if ( (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
             *p == '_' || *p == '.' || *p == '-' || *p == '+' )
            digits = false;
        else if ( *p < '0' || *p > '9' )
            break;
    }
    if ( !*text || *p || strlen(text) > DOMCFG_NAME_MAX ||
         text[0] == '-' || text[0] == '.' )
    {
        rc = domcfg_fail(ctx, node, "<name> must be 1 to %d letters, "
                         "digits or '_.+-', not starting with '-' or '.'",
                         DOMCFG_NAME_MAX);
        goto out;
    }
    /* Commands take a domain id or a name: a number would be ambiguous. */
    if ( digits )
    {
        rc = domcfg_fail(ctx, node, "<name> '%s' is a number, which "
                         "would read as a domain id", text);
        goto out;
    }
    ctx->cfg->name = text;
    text = NULL;

 out:
    free(text);
    return rc;
}

static int parse_uuid(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const uint8_t nil[16];
    char *text = NULL;
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    if ( domcfg_parse_uuid(text, ctx->cfg->uuid) )
    {
        rc = domcfg_fail(ctx, node, "<uuid> must be 32 hex digits, "
                         "optionally as 8-4-4-4-12, not '%s'", text);
        goto out;
    }
    if ( !memcmp(ctx->cfg->uuid, nil, sizeof(nil)) )
    {
        rc = domcfg_fail(ctx, node, "<uuid> may not be the nil UUID");
        goto out;
    }
    ctx->cfg->has_uuid = true;

 out:
    free(text);
    return rc;
}

/* <title> and <description> describe the domain to people only. */
static int parse_note(struct domcfg_ctx *ctx, xmlNode *node)
{
    char *text = NULL;
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_text(ctx, node, &text);

 out:
    free(text);
    return rc;
}

static int parse_size_elem(struct domcfg_ctx *ctx, xmlNode *node,
                           uint64_t *kibp)
{
    static const char *const attrs[] = { "unit", NULL };
    const char *unit = domcfg_attr(node, "unit");
    uint64_t bytes;
    char *text = NULL;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( unit && domcfg_unit_bytes(unit, &bytes) )
    {
        rc = domcfg_fail(ctx, node, "<%s> unit '%s' is not one of %s",
                         (const char *)node->name, unit, DOMCFG_UNITS);
        goto out;
    }
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    rc = domcfg_parse_size(text, unit, kibp);
    if ( rc == -ERANGE )
    {
        rc = domcfg_fail(ctx, node, "<%s> %s %s is too large",
                         (const char *)node->name, text, unit ? unit : "KiB");
        goto out;
    }
    if ( rc || !*kibp )
    {
        rc = domcfg_fail(ctx, node, "<%s> must be a positive integer, "
                         "not '%s'", (const char *)node->name, text);
        goto out;
    }

 out:
    free(text);
    return rc;
}

static int parse_memory(struct domcfg_ctx *ctx, xmlNode *node)
{
    ctx->memory = node;
    return parse_size_elem(ctx, node, &ctx->cfg->max_memory_kib);
}

static int parse_current_memory(struct domcfg_ctx *ctx, xmlNode *node)
{
    ctx->current_memory = node;
    return parse_size_elem(ctx, node, &ctx->current_kib);
}

static int parse_vcpu(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "placement", NULL };
    const char *placement = domcfg_attr(node, "placement");
    char *text = NULL;
    const char *p;
    unsigned long n = 0;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    /* Pinning is vmctl vcpu-pin's business; 'auto' needs numad. */
    if ( placement && strcmp(placement, "static") )
    {
        rc = domcfg_fail(ctx, node, "<vcpu> placement '%s' is not "
                         "supported (only 'static')", placement);
        goto out;
    }
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    for ( p = text; *p >= '0' && *p <= '9' && n <= DOMCFG_MAX_VCPUS; p++ )
        n = n * 10 + (unsigned long)(*p - '0');
    if ( !*text || *p || n < 1 || n > DOMCFG_MAX_VCPUS )
    {
        rc = domcfg_fail(ctx, node, "<vcpu> must be a number from 1 to "
                         "%d, not '%s'", DOMCFG_MAX_VCPUS, text);
        goto out;
    }
    ctx->cfg->vcpus = (unsigned int)n;

 out:
    free(text);
    return rc;
}

static int parse_action(struct domcfg_ctx *ctx, xmlNode *node,
                        enum domcfg_action last, enum domcfg_action *actp)
{
    char *text = NULL;
    int rc, a;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    for ( a = DOMCFG_DESTROY; a <= (int)last; a++ )
        if ( !strcmp(text, domcfg_action_name(a)) )
        {
            *actp = a;
            goto out;
        }
    rc = domcfg_fail(ctx, node, "<%s> must be one of destroy, restart, "
                     "preserve, rename-restart%s, not '%s'",
                     (const char *)node->name,
                     last == DOMCFG_COREDUMP_RESTART ?
                     ", coredump-destroy, coredump-restart" : "", text);

 out:
    free(text);
    return rc;
}

static int parse_on_poweroff(struct domcfg_ctx *ctx, xmlNode *node)
{
    return parse_action(ctx, node, DOMCFG_RENAME_RESTART,
                        &ctx->cfg->on_poweroff);
}

static int parse_on_reboot(struct domcfg_ctx *ctx, xmlNode *node)
{
    return parse_action(ctx, node, DOMCFG_RENAME_RESTART,
                        &ctx->cfg->on_reboot);
}

static int parse_on_crash(struct domcfg_ctx *ctx, xmlNode *node)
{
    return parse_action(ctx, node, DOMCFG_COREDUMP_RESTART,
                        &ctx->cfg->on_crash);
}

static const struct domcfg_rule domain_rules[] = {
    { "name", parse_name, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "uuid", parse_uuid, DOMCFG_ONCE },
    { "title", parse_note, DOMCFG_ONCE },
    { "description", parse_note, DOMCFG_ONCE },
    { "memory", parse_memory, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "currentMemory", parse_current_memory, DOMCFG_ONCE },
    { "vcpu", parse_vcpu, DOMCFG_ONCE },
    { "os", domcfg_parse_os, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "on_poweroff", parse_on_poweroff, DOMCFG_ONCE },
    { "on_reboot", parse_on_reboot, DOMCFG_ONCE },
    { "on_crash", parse_on_crash, DOMCFG_ONCE },
    { "devices", domcfg_parse_devices, DOMCFG_ONCE },
};

int domcfg_parse_domain(struct domcfg_ctx *ctx, xmlNode *root)
{
    static const char *const attrs[] = { "type", NULL };
    const char *type;
    int rc;

    if ( root->ns )
    {
        rc = domcfg_fail(ctx, root, "<%s> must be in no XML namespace, "
                         "not '%s'", (const char *)root->name,
                         (const char *)root->ns->href);
        goto out;
    }
    if ( strcmp((const char *)root->name, "domain") )
    {
        rc = domcfg_fail(ctx, root, "<%s> is not a libvirt <domain>",
                         (const char *)root->name);
        goto out;
    }
    rc = domcfg_check_attrs(ctx, root, attrs);
    if ( rc )
        goto out;
    type = domcfg_attr(root, "type");
    if ( !type )
    {
        rc = domcfg_fail(ctx, root, "<domain> needs type='xen'");
        goto out;
    }
    if ( strcmp(type, "xen") )
    {
        rc = domcfg_fail(ctx, root, "<domain> type '%s' is not supported "
                         "(only 'xen')", type);
        goto out;
    }
    rc = domcfg_walk(ctx, root, domain_rules, ARRAY_LEN(domain_rules));

 out:
    return rc;
}
