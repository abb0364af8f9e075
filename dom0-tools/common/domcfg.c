/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading a domain XML file: libxml2 parses it without network, DTD or
 * entity loading (so no file but the named one is opened), the element
 * parsers fill a domain_config, and checks across elements come last. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "domcfg-priv.h"

const char *domcfg_action_name(enum domcfg_action action)
{
    static const char *const names[] = {
        [DOMCFG_DESTROY] = "destroy",
        [DOMCFG_RESTART] = "restart",
        [DOMCFG_PRESERVE] = "preserve",
        [DOMCFG_RENAME_RESTART] = "rename-restart",
        [DOMCFG_COREDUMP_DESTROY] = "coredump-destroy",
        [DOMCFG_COREDUMP_RESTART] = "coredump-restart",
    };

    if ( (unsigned int)action >= ARRAY_LEN(names) )
        return "unknown";
    return names[action];
}

void domcfg_free(struct domain_config *cfg)
{
    unsigned int i;

    if ( !cfg )
        return;
    for ( i = 0; i < cfg->nr_disks; i++ )
    {
        free(cfg->disks[i].target);
        free(cfg->disks[i].source);
        free(cfg->disks[i].format);
    }
    free(cfg->disks);
    for ( i = 0; i < cfg->nr_nics; i++ )
        free(cfg->nics[i].bridge);
    free(cfg->nics);
    free(cfg->name);
    free(cfg->kernel);
    free(cfg->initrd);
    free(cfg->cmdline);
    free(cfg);
}

/* Line of the first "<!DOCTYPE" in @buf; libxml2 keeps none for it. */
static long doctype_line(const char *buf, size_t len)
{
    static const char tag[] = "<!DOCTYPE";
    long line = 1;
    size_t i;

    for ( i = 0; i + sizeof(tag) - 1 <= len; i++ )
    {
        if ( !memcmp(buf + i, tag, sizeof(tag) - 1) )
            break;
        if ( buf[i] == '\n' )
            line++;
    }
    return line;
}

/* Checks that need more than one element. */
static int check_config(struct domcfg_ctx *ctx)
{
    struct domain_config *cfg = ctx->cfg;
    xmlNode *boot = ctx->memory;
    int rc = 0;

    cfg->memory_kib = cfg->max_memory_kib;
    if ( ctx->current_memory )
    {
        if ( ctx->current_kib > cfg->max_memory_kib )
        {
            rc = domcfg_fail(ctx, ctx->current_memory, "<currentMemory> "
                             "(%llu KiB) exceeds <memory> (%llu KiB)",
                             (unsigned long long)ctx->current_kib,
                             (unsigned long long)cfg->max_memory_kib);
            goto out;
        }
        cfg->memory_kib = ctx->current_kib;
        boot = ctx->current_memory;
    }
    /* Less could not hold a Linux PV start-of-day layout (page tables,
     * p2m, start_info, the 512 KiB padding) beside any kernel. */
    if ( cfg->memory_kib < DOMCFG_MIN_MEMORY_KIB )
    {
        rc = domcfg_fail(ctx, boot, "<%s> must be at least %d KiB, not "
                         "%llu KiB", (const char *)boot->name,
                         DOMCFG_MIN_MEMORY_KIB,
                         (unsigned long long)cfg->memory_kib);
        goto out;
    }

 out:
    return rc;
}

int domcfg_load_buffer(const char *buf, size_t len, const char *name,
                       struct domain_config **cfgp, char *err, size_t errlen)
{
    struct domcfg_ctx ctx = {
        .file = name, .err = err, .errlen = errlen,
    };
    xmlParserCtxtPtr parser = NULL;
    xmlDocPtr doc = NULL;
    const xmlError *xerr;
    xmlNode *root;
    size_t n;
    int rc;

    if ( errlen )
        err[0] = '\0';
    ctx.cfg = calloc(1, sizeof(*ctx.cfg));
    parser = xmlNewParserCtxt();
    if ( !ctx.cfg || !parser )
    {
        rc = -ENOMEM;
        goto out;
    }
    ctx.cfg->vcpus = 1;
    ctx.cfg->on_poweroff = DOMCFG_DESTROY;
    ctx.cfg->on_reboot = DOMCFG_RESTART;
    ctx.cfg->on_crash = DOMCFG_DESTROY;

    if ( len > DOMCFG_FILE_MAX || len > (size_t)INT32_MAX )
    {
        snprintf(err, errlen, "%s: larger than %d bytes, not a domain "
                 "configuration", name, DOMCFG_FILE_MAX);
        rc = -EFBIG;
        goto out;
    }
    /* No XML_PARSE_NOENT, DTDLOAD or XINCLUDE: nothing else is read. */
    doc = xmlCtxtReadMemory(parser, buf, (int)len, name, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
                            XML_PARSE_NOCDATA);
    if ( !doc )
    {
        xerr = xmlCtxtGetLastError(parser);
        if ( !xerr || !xerr->message )
        {
            snprintf(err, errlen, "%s: not well-formed XML", name);
            rc = -EINVAL;
            goto out;
        }
        n = strlen(xerr->message);
        while ( n && (xerr->message[n - 1] == '\n' ||
                      xerr->message[n - 1] == ' ') )
            n--;
        snprintf(err, errlen, "%s:%d: not well-formed XML: %.*s", name,
                 xerr->line, (int)n, xerr->message);
        rc = -EINVAL;
        goto out;
    }
    if ( doc->intSubset || doc->extSubset )
    {
        snprintf(err, errlen, "%s:%ld: <!DOCTYPE> is not supported", name,
                 doctype_line(buf, len));
        rc = -EINVAL;
        goto out;
    }
    root = xmlDocGetRootElement(doc);
    rc = domcfg_parse_domain(&ctx, root);
    if ( rc )
        goto out;
    rc = check_config(&ctx);
    if ( rc )
        goto out;

    *cfgp = ctx.cfg;
    ctx.cfg = NULL;

 out:
    if ( rc == -ENOMEM && errlen && !err[0] )
        snprintf(err, errlen, "%s: %s", name, strerror(ENOMEM));
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(parser);
    domcfg_free(ctx.cfg);
    return rc;
}

int domcfg_load_file(const char *path, struct domain_config **cfgp,
                     char *err, size_t errlen)
{
    struct stat st;
    char *buf = NULL;
    size_t len = 0;
    ssize_t n;
    int fd, rc;

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if ( fd < 0 || fstat(fd, &st) )
    {
        rc = -errno;
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        goto out;
    }
    if ( !S_ISREG(st.st_mode) || st.st_size > DOMCFG_FILE_MAX )
    {
        rc = S_ISREG(st.st_mode) ? -EFBIG : -EINVAL;
        snprintf(err, errlen, "%s: %s", path, S_ISREG(st.st_mode) ?
                 "too large for a domain configuration" :
                 "not a regular file");
        goto out;
    }
    /* One byte more than the size, to notice a file that grows. */
    buf = malloc((size_t)st.st_size + 1);
    if ( !buf )
    {
        rc = -ENOMEM;
        snprintf(err, errlen, "%s: %s", path, strerror(ENOMEM));
        goto out;
    }
    while ( len <= (size_t)st.st_size )
    {
        n = read(fd, buf + len, (size_t)st.st_size + 1 - len);
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n < 0 )
        {
            rc = -errno;
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            goto out;
        }
        if ( n == 0 )
            break;
        len += (size_t)n;
    }
    if ( len > (size_t)st.st_size )
    {
        rc = -EAGAIN;
        snprintf(err, errlen, "%s: changed while being read", path);
        goto out;
    }
    rc = domcfg_load_buffer(buf, len, path, cfgp, err, errlen);

 out:
    if ( fd >= 0 )
        close(fd);
    free(buf);
    return rc;
}
