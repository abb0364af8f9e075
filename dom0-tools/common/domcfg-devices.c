/* SPDX-License-Identifier: GPL-2.0-only */
/* <devices>: the PV console, disks for blkback (raw files or block
 * devices) and network interfaces for netback (on a bridge). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domcfg-priv.h"

static const char *const no_attrs[] = { NULL };

static int parse_console_target(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "type", "port", NULL };
    const char *type = domcfg_attr(node, "type");
    const char *port = domcfg_attr(node, "port");
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( type && strcmp(type, "xen") )
    {
        rc = domcfg_fail(ctx, node, "<target> type '%s' is not supported "
                         "(only 'xen')", type);
        goto out;
    }
    /* A PV guest has one console ring, the one start_info names. */
    if ( port && strcmp(port, "0") )
    {
        rc = domcfg_fail(ctx, node, "<target> port '%s' is not supported "
                         "(only '0')", port);
        goto out;
    }
    rc = domcfg_empty(ctx, node);

 out:
    return rc;
}

static const struct domcfg_rule console_rules[] = {
    { "target", parse_console_target, DOMCFG_ONCE },
};

static int parse_console(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "type", NULL };
    const char *type = domcfg_attr(node, "type");
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( !type || strcmp(type, "pty") )
    {
        rc = domcfg_fail(ctx, node, "<console> needs type='pty'");
        goto out;
    }
    rc = domcfg_walk(ctx, node, console_rules, ARRAY_LEN(console_rules));
    if ( rc )
        goto out;
    ctx->cfg->console = true;

 out:
    return rc;
}

static int parse_disk_driver(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "name", "type", NULL };
    const char *name = domcfg_attr(node, "name");
    const char *type = domcfg_attr(node, "type");
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    /* libvirt's Xen driver names: phy for devices, file or qemu for
     * images.  Our blkback serves both kinds itself. */
    if ( name && strcmp(name, "phy") && strcmp(name, "file") &&
         strcmp(name, "qemu") )
    {
        rc = domcfg_fail(ctx, node, "<driver> name '%s' is not supported "
                         "(only 'phy', 'file' or 'qemu')", name);
        goto out;
    }
    if ( type && strcmp(type, "raw") )
    {
        rc = domcfg_fail(ctx, node, "<driver> type '%s' is not supported "
                         "(only 'raw')", type);
        goto out;
    }
    rc = domcfg_empty(ctx, node);

 out:
    return rc;
}

static int parse_disk_source(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "file", "dev", NULL };
    bool is_file = !strcmp(domcfg_attr(ctx->disk_node, "type"), "file");
    const char *attr = is_file ? "file" : "dev";
    const char *other = is_file ? "dev" : "file";
    const char *path = domcfg_attr(node, attr);
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( domcfg_attr(node, other) )
    {
        rc = domcfg_fail(ctx, node, "<source> of a %s disk takes %s='...', "
                         "not %s='...'", is_file ? "file" : "block", attr,
                         other);
        goto out;
    }
    if ( !path || !*path )
    {
        rc = domcfg_fail(ctx, node, "<source> of a %s disk needs %s='...'",
                         is_file ? "file" : "block", attr);
        goto out;
    }
    rc = domcfg_empty(ctx, node);
    if ( rc )
        goto out;
    ctx->disk->source = strdup(path);
    if ( !ctx->disk->source )
        rc = -ENOMEM;

 out:
    return rc;
}

/* Xen's virtual block device names: xvda to xvdzzz. */
static bool disk_name_ok(const char *dev)
{
    size_t i, len = strlen(dev);

    if ( len < 4 || len > 6 || strncmp(dev, "xvd", 3) )
        return false;
    for ( i = 3; i < len; i++ )
        if ( dev[i] < 'a' || dev[i] > 'z' )
            return false;
    return true;
}

static int parse_disk_target(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "dev", "bus", NULL };
    const char *dev = domcfg_attr(node, "dev");
    const char *bus = domcfg_attr(node, "bus");
    const struct domain_config *cfg = ctx->cfg;
    unsigned int i;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( bus && strcmp(bus, "xen") )
    {
        rc = domcfg_fail(ctx, node, "<target> bus '%s' is not supported "
                         "(only 'xen')", bus);
        goto out;
    }
    if ( !dev || !disk_name_ok(dev) )
    {
        rc = domcfg_fail(ctx, node, "<target> needs dev='xvdX' (xvda to "
                         "xvdzzz), not '%s'", dev ? dev : "");
        goto out;
    }
    for ( i = 0; i < cfg->nr_disks; i++ )
        if ( cfg->disks[i].target && !strcmp(cfg->disks[i].target, dev) )
        {
            rc = domcfg_fail(ctx, node, "<target> dev '%s' is used by two "
                             "disks", dev);
            goto out;
        }
    rc = domcfg_empty(ctx, node);
    if ( rc )
        goto out;
    ctx->disk->target = strdup(dev);
    if ( !ctx->disk->target )
        rc = -ENOMEM;

 out:
    return rc;
}

static int parse_disk_readonly(struct domcfg_ctx *ctx, xmlNode *node)
{
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_empty(ctx, node);
    if ( rc )
        goto out;
    ctx->disk->readonly = true;

 out:
    return rc;
}

static const struct domcfg_rule disk_rules[] = {
    { "driver", parse_disk_driver, DOMCFG_ONCE },
    { "source", parse_disk_source, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "target", parse_disk_target, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "readonly", parse_disk_readonly, DOMCFG_ONCE },
};

static int parse_disk(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "type", "device", NULL };
    const char *type = domcfg_attr(node, "type");
    const char *device = domcfg_attr(node, "device");
    struct domain_config *cfg = ctx->cfg;
    struct domcfg_disk *disks;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( !type || (strcmp(type, "file") && strcmp(type, "block")) )
    {
        rc = domcfg_fail(ctx, node, "<disk> needs type='file' or "
                         "type='block'");
        goto out;
    }
    if ( device && strcmp(device, "disk") )
    {
        rc = domcfg_fail(ctx, node, "<disk> device '%s' is not supported "
                         "(only 'disk')", device);
        goto out;
    }

    /* The new disk joins the list at once, so that domcfg_free() finds
     * whatever its parsers allocated even when one of them fails. */
    disks = realloc(cfg->disks, (cfg->nr_disks + 1) * sizeof(*disks));
    if ( !disks )
    {
        rc = -ENOMEM;
        goto out;
    }
    cfg->disks = disks;
    ctx->disk = &disks[cfg->nr_disks++];
    memset(ctx->disk, 0, sizeof(*ctx->disk));
    ctx->disk_node = node;

    rc = domcfg_walk(ctx, node, disk_rules, ARRAY_LEN(disk_rules));
    if ( rc )
        goto out;
    ctx->disk->format = strdup("raw");
    if ( !ctx->disk->format )
        rc = -ENOMEM;

 out:
    return rc;
}

static int parse_nic_source(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "bridge", NULL };
    const char *bridge = domcfg_attr(node, "bridge");
    size_t i, len;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    /* A Linux interface name: under IFNAMSIZ (16), no '/', no spaces. */
    len = bridge ? strlen(bridge) : 0;
    for ( i = 0; i < len; i++ )
        if ( bridge[i] == '/' || bridge[i] == ':' ||
             (unsigned char)bridge[i] <= ' ' )
            break;
    if ( !len || len > 15 || i < len || !strcmp(bridge, ".") ||
         !strcmp(bridge, "..") )
    {
        rc = domcfg_fail(ctx, node, "<source> needs bridge='NAME', a Linux "
                         "interface name of 1 to 15 characters");
        goto out;
    }
    rc = domcfg_empty(ctx, node);
    if ( rc )
        goto out;
    ctx->nic->bridge = strdup(bridge);
    if ( !ctx->nic->bridge )
        rc = -ENOMEM;

 out:
    return rc;
}

/* aa:bb:cc:dd:ee:ff into @out in lower case; false when malformed. */
static bool mac_parse(const char *text, char out[18])
{
    size_t i;
    char c;

    if ( strlen(text) != 17 )
        return false;
    for ( i = 0; i < 17; i++ )
    {
        c = text[i];
        if ( i % 3 == 2 )
        {
            if ( c != ':' )
                return false;
        }
        else if ( c >= 'A' && c <= 'F' )
            c = (char)(c - 'A' + 'a');
        else if ( !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) )
            return false;
        out[i] = c;
    }
    out[17] = '\0';
    return true;
}

static int parse_nic_mac(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "address", NULL };
    const char *address = domcfg_attr(node, "address");
    const struct domain_config *cfg = ctx->cfg;
    char mac[18];
    unsigned int i;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( !address || !mac_parse(address, mac) )
    {
        rc = domcfg_fail(ctx, node, "<mac> needs address='aa:bb:cc:dd:ee:"
                         "ff', not '%s'", address ? address : "");
        goto out;
    }
    /* The lowest bit of the first octet marks a multicast group: in the
     * second hex digit, odd digits are 1, 3, ..., 9, b, d, f. */
    if ( strchr("13579bdf", mac[1]) || !strcmp(mac, "00:00:00:00:00:00") )
    {
        rc = domcfg_fail(ctx, node, "<mac> address '%s' is not a unicast "
                         "address", address);
        goto out;
    }
    for ( i = 0; i < cfg->nr_nics; i++ )
        if ( cfg->nics[i].has_mac && !strcmp(cfg->nics[i].mac, mac) )
        {
            rc = domcfg_fail(ctx, node, "<mac> address '%s' is used by two "
                             "interfaces", mac);
            goto out;
        }
    rc = domcfg_empty(ctx, node);
    if ( rc )
        goto out;
    memcpy(ctx->nic->mac, mac, sizeof(mac));
    ctx->nic->has_mac = true;

 out:
    return rc;
}

static int parse_nic_model(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "type", NULL };
    const char *type = domcfg_attr(node, "type");
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( !type || strcmp(type, "netfront") )
    {
        rc = domcfg_fail(ctx, node, "<model> type '%s' is not supported "
                         "(only 'netfront')", type ? type : "");
        goto out;
    }
    rc = domcfg_empty(ctx, node);

 out:
    return rc;
}

static const struct domcfg_rule nic_rules[] = {
    { "source", parse_nic_source, DOMCFG_ONCE | DOMCFG_REQUIRED },
    { "mac", parse_nic_mac, DOMCFG_ONCE },
    { "model", parse_nic_model, DOMCFG_ONCE },
};

static int parse_interface(struct domcfg_ctx *ctx, xmlNode *node)
{
    static const char *const attrs[] = { "type", NULL };
    const char *type = domcfg_attr(node, "type");
    struct domain_config *cfg = ctx->cfg;
    struct domcfg_nic *nics;
    int rc;

    rc = domcfg_check_attrs(ctx, node, attrs);
    if ( rc )
        goto out;
    if ( !type || strcmp(type, "bridge") )
    {
        rc = domcfg_fail(ctx, node, "<interface> needs type='bridge'");
        goto out;
    }

    /* As for disks: listed first, filled in after. */
    nics = realloc(cfg->nics, (cfg->nr_nics + 1) * sizeof(*nics));
    if ( !nics )
    {
        rc = -ENOMEM;
        goto out;
    }
    cfg->nics = nics;
    ctx->nic = &nics[cfg->nr_nics++];
    memset(ctx->nic, 0, sizeof(*ctx->nic));

    rc = domcfg_walk(ctx, node, nic_rules, ARRAY_LEN(nic_rules));

 out:
    return rc;
}

static const struct domcfg_rule devices_rules[] = {
    { "console", parse_console, DOMCFG_ONCE },
    { "disk", parse_disk, 0 },
    { "interface", parse_interface, 0 },
};

int domcfg_parse_devices(struct domcfg_ctx *ctx, xmlNode *node)
{
    int rc;

    rc = domcfg_check_attrs(ctx, node, no_attrs);
    if ( rc )
        goto out;
    rc = domcfg_walk(ctx, node, devices_rules, ARRAY_LEN(devices_rules));

 out:
    return rc;
}
