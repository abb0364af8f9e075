/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers of the domain XML reader: messages with the file and line of the
 * offending element, and a walk that refuses whatever no rule accepts. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domcfg-priv.h"

int domcfg_fail(struct domcfg_ctx *ctx, const xmlNode *node,
                const char *fmt, ...)
{
    va_list ap;
    int n;

    n = snprintf(ctx->err, ctx->errlen, "%s:%ld: ", ctx->file,
                 xmlGetLineNo(node));
    if ( n >= 0 && (size_t)n < ctx->errlen )
    {
        va_start(ap, fmt);
        vsnprintf(ctx->err + n, ctx->errlen - n, fmt, ap);
        va_end(ap);
    }
    return -EINVAL;
}

static bool is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool all_space(const char *s)
{
    for ( ; *s; s++ )
        if ( !is_xml_space(*s) )
            return false;
    return true;
}

/* A namespace prefix matters to the reader: <qemu:arg> is not <arg>. */
static const char *qualified(const xmlNode *node, char *buf, size_t len)
{
    if ( node->ns && node->ns->prefix )
    {
        snprintf(buf, len, "%s:%s", (const char *)node->ns->prefix,
                 (const char *)node->name);
        return buf;
    }
    return (const char *)node->name;
}

/*
 * Comments and processing instructions are fine anywhere; text is not, in
 * an element that holds elements.  libxml2's line for a text node is not
 * where the text starts, so the message names the element holding it and
 * quotes the text instead.
 */
static int walk_other(struct domcfg_ctx *ctx, xmlNode *parent,
                      xmlNode *child)
{
    const char *text = (const char *)child->content;
    int len;

    switch ( child->type )
    {
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
        return 0;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if ( all_space(text) )
            return 0;
        while ( is_xml_space(*text) )
            text++;
        for ( len = 0; len < 24 && text[len] && text[len] != '\n'; len++ )
            ;
        return domcfg_fail(ctx, parent, "<%s> may not contain text "
                           "('%.*s%s')", (const char *)parent->name, len,
                           text, text[len] && text[len] != '\n' ? "..." :
                           "");
    default:
        return domcfg_fail(ctx, child, "<%s> has content of XML type %d, "
                           "which is not supported",
                           (const char *)parent->name, (int)child->type);
    }
}

int domcfg_walk(struct domcfg_ctx *ctx, xmlNode *parent,
                const struct domcfg_rule *rules, size_t nr_rules)
{
    xmlNode *first[DOMCFG_MAX_RULES] = { NULL };
    char qname[128];
    xmlNode *child;
    size_t i;
    int rc = 0;

    if ( nr_rules > DOMCFG_MAX_RULES )
        return -E2BIG;

    for ( child = parent->children; child; child = child->next )
    {
        if ( child->type != XML_ELEMENT_NODE )
        {
            rc = walk_other(ctx, parent, child);
            if ( rc )
                goto out;
            continue;
        }

        for ( i = 0; i < nr_rules; i++ )
            if ( !child->ns &&
                 !strcmp((const char *)child->name, rules[i].name) )
                break;
        if ( i == nr_rules )
        {
            rc = domcfg_fail(ctx, child, "<%s> is not supported in <%s>",
                             qualified(child, qname, sizeof(qname)),
                             (const char *)parent->name);
            goto out;
        }
        if ( first[i] && (rules[i].flags & DOMCFG_ONCE) )
        {
            rc = domcfg_fail(ctx, child, "<%s> given twice (first on "
                             "line %ld)", rules[i].name,
                             xmlGetLineNo(first[i]));
            goto out;
        }
        if ( !first[i] )
            first[i] = child;

        rc = rules[i].parse(ctx, child);
        if ( rc )
            goto out;
    }

    for ( i = 0; i < nr_rules; i++ )
        if ( !first[i] && (rules[i].flags & DOMCFG_REQUIRED) )
        {
            rc = domcfg_fail(ctx, parent, "<%s> has no <%s>",
                             (const char *)parent->name, rules[i].name);
            goto out;
        }

 out:
    return rc;
}

const char *domcfg_attr(const xmlNode *node, const char *name)
{
    const xmlAttr *a;

    for ( a = node->properties; a; a = a->next )
    {
        if ( a->ns || strcmp((const char *)a->name, name) )
            continue;
        /* Without a DTD the value is a single text node, or none. */
        if ( !a->children || !a->children->content )
            return "";
        return (const char *)a->children->content;
    }
    return NULL;
}

int domcfg_check_attrs(struct domcfg_ctx *ctx, xmlNode *node,
                       const char *const *allowed)
{
    const xmlAttr *a;
    size_t i;

    for ( a = node->properties; a; a = a->next )
    {
        for ( i = 0; !a->ns && allowed[i]; i++ )
            if ( !strcmp((const char *)a->name, allowed[i]) )
                break;
        if ( a->ns || !allowed[i] )
            return domcfg_fail(ctx, node, "<%s> attribute '%s%s%s' is not "
                               "supported", (const char *)node->name,
                               a->ns && a->ns->prefix ?
                               (const char *)a->ns->prefix : "",
                               a->ns && a->ns->prefix ? ":" : "",
                               (const char *)a->name);
    }
    return 0;
}

int domcfg_text(struct domcfg_ctx *ctx, xmlNode *node, char **textp)
{
    char qname[128];
    xmlNode *child;
    char *text = NULL, *start, *end;
    size_t len = 0, n;
    int rc = 0;

    for ( child = node->children; child; child = child->next )
    {
        if ( child->type == XML_ELEMENT_NODE )
        {
            rc = domcfg_fail(ctx, child, "<%s> is not supported in <%s>",
                             qualified(child, qname, sizeof(qname)),
                             (const char *)node->name);
            goto out;
        }
        if ( child->type != XML_TEXT_NODE &&
             child->type != XML_CDATA_SECTION_NODE )
        {
            rc = walk_other(ctx, node, child);
            if ( rc )
                goto out;
            continue;
        }
        n = strlen((const char *)child->content);
        start = realloc(text, len + n + 1);
        if ( !start )
        {
            rc = -ENOMEM;
            goto out;
        }
        text = start;
        memcpy(text + len, child->content, n + 1);
        len += n;
    }

    if ( !text )
    {
        text = calloc(1, 1);
        if ( !text )
        {
            rc = -ENOMEM;
            goto out;
        }
    }

    for ( start = text; is_xml_space(*start); start++ )
        ;
    for ( end = start + strlen(start); end > start && is_xml_space(end[-1]);
          end-- )
        ;
    *end = '\0';
    memmove(text, start, end - start + 1);
    *textp = text;
    text = NULL;

 out:
    free(text);
    return rc;
}

int domcfg_empty(struct domcfg_ctx *ctx, xmlNode *node)
{
    char *text = NULL;
    int rc;

    rc = domcfg_text(ctx, node, &text);
    if ( rc )
        goto out;
    if ( *text )
        rc = domcfg_fail(ctx, node, "<%s> must be empty",
                         (const char *)node->name);

 out:
    free(text);
    return rc;
}
