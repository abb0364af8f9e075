/* SPDX-License-Identifier: GPL-2.0-only */
/* Inside the domain XML reader: the parse context, the table-driven walk
 * over child elements, and the element parsers the tables name. */
#ifndef DOMCFG_PRIV_H
#define DOMCFG_PRIV_H

#include <libxml/tree.h>

#include "domcfg.h"

struct domcfg_ctx
{
    const char *file;            /* as the user named it, for messages */
    char *err;
    size_t errlen;
    struct domain_config *cfg;
    xmlNode *memory;             /* kept for the checks across elements */
    xmlNode *current_memory;
    uint64_t current_kib;
    struct domcfg_disk *disk;    /* the <disk> being read */
    xmlNode *disk_node;
    struct domcfg_nic *nic;      /* the <interface> being read */
};

typedef int domcfg_elem_fn(struct domcfg_ctx *ctx, xmlNode *node);

#define DOMCFG_ONCE      (1u << 0)   /* at most one */
#define DOMCFG_REQUIRED  (1u << 1)   /* at least one */

struct domcfg_rule
{
    const char *name;
    domcfg_elem_fn *parse;
    unsigned int flags;
};

#define DOMCFG_MAX_RULES 16

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* "FILE:LINE: " and the message into ctx->err; returns -EINVAL. */
int domcfg_fail(struct domcfg_ctx *ctx, const xmlNode *node,
                const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Hand each child element of @parent to its rule; refuse the rest. */
int domcfg_walk(struct domcfg_ctx *ctx, xmlNode *parent,
                const struct domcfg_rule *rules, size_t nr_rules);

/* Refuse attributes of @node not in the NULL-terminated @allowed. */
int domcfg_check_attrs(struct domcfg_ctx *ctx, xmlNode *node,
                       const char *const *allowed);

/* An attribute's value ("" when empty), or NULL when absent. */
const char *domcfg_attr(const xmlNode *node, const char *name);

/* The element's text, trimmed, in a buffer to free(); no child elements. */
int domcfg_text(struct domcfg_ctx *ctx, xmlNode *node, char **textp);

/* Refuse any text or child element inside @node. */
int domcfg_empty(struct domcfg_ctx *ctx, xmlNode *node);

/* Bytes per @unit (NULL or "": KiB); 0 or -EINVAL. */
int domcfg_unit_bytes(const char *unit, uint64_t *bytesp);

/* Element parsers, one per file of the reader. */
int domcfg_parse_domain(struct domcfg_ctx *ctx, xmlNode *root);
int domcfg_parse_devices(struct domcfg_ctx *ctx, xmlNode *node);
int domcfg_parse_os(struct domcfg_ctx *ctx, xmlNode *node);

#endif /* DOMCFG_PRIV_H */
