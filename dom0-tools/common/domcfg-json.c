/* SPDX-License-Identifier: GPL-2.0-only */
/* A configuration as JSON (yajl), the form `vmctl create --dry-run`
 * prints and scripts read: sizes in KiB, absent strings as null. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "domcfg-priv.h"

static int put_str(yajl_gen g, const char *s)
{
    if ( !s )
        return yajl_gen_null(g);
    return yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

/* Each put returns yajl_gen_status_ok (0) or an error; OR them all. */
static int put_key_str(yajl_gen g, const char *key, const char *s)
{
    return put_str(g, key) | put_str(g, s);
}

static int put_key_num(yajl_gen g, const char *key, uint64_t n)
{
    return put_str(g, key) | yajl_gen_integer(g, (long long)n);
}

static int put_disks(yajl_gen g, const struct domain_config *cfg)
{
    const struct domcfg_disk *d;
    unsigned int i;
    int st;

    st = put_str(g, "disks") | yajl_gen_array_open(g);
    for ( i = 0; i < cfg->nr_disks; i++ )
    {
        d = &cfg->disks[i];
        st |= yajl_gen_map_open(g);
        st |= put_key_str(g, "target", d->target);
        st |= put_key_str(g, "source", d->source);
        st |= put_key_str(g, "format", d->format);
        st |= put_str(g, "readonly") | yajl_gen_bool(g, d->readonly);
        st |= yajl_gen_map_close(g);
    }
    return st | yajl_gen_array_close(g);
}

static int put_nics(yajl_gen g, const struct domain_config *cfg)
{
    const struct domcfg_nic *nic;
    unsigned int i;
    int st;

    st = put_str(g, "nics") | yajl_gen_array_open(g);
    for ( i = 0; i < cfg->nr_nics; i++ )
    {
        nic = &cfg->nics[i];
        st |= yajl_gen_map_open(g);
        st |= put_key_str(g, "mac", nic->has_mac ? nic->mac : NULL);
        st |= put_key_str(g, "bridge", nic->bridge);
        st |= yajl_gen_map_close(g);
    }
    return st | yajl_gen_array_close(g);
}

int domcfg_to_json(const struct domain_config *cfg, char **jsonp)
{
    char uuid[37];
    const unsigned char *buf;
    yajl_gen g;
    size_t len;
    char *json = NULL;
    int st, rc = 0;

    g = yajl_gen_alloc(NULL);
    if ( !g )
    {
        rc = -ENOMEM;
        goto out;
    }
    yajl_gen_config(g, yajl_gen_beautify, 1);
    yajl_gen_config(g, yajl_gen_validate_utf8, 1);

    domcfg_format_uuid(cfg->uuid, uuid);
    st = yajl_gen_map_open(g);
    st |= put_key_str(g, "name", cfg->name);
    st |= put_key_str(g, "uuid", cfg->has_uuid ? uuid : NULL);
    st |= put_key_num(g, "memory_kib", cfg->memory_kib);
    st |= put_key_num(g, "max_memory_kib", cfg->max_memory_kib);
    st |= put_key_num(g, "vcpus", cfg->vcpus);
    st |= put_key_str(g, "kernel", cfg->kernel);
    st |= put_key_str(g, "initrd", cfg->initrd);
    st |= put_key_str(g, "cmdline", cfg->cmdline);
    st |= put_key_str(g, "on_poweroff", domcfg_action_name(cfg->on_poweroff));
    st |= put_key_str(g, "on_reboot", domcfg_action_name(cfg->on_reboot));
    st |= put_key_str(g, "on_crash", domcfg_action_name(cfg->on_crash));
    st |= put_disks(g, cfg);
    st |= put_nics(g, cfg);
    st |= yajl_gen_map_close(g);
    if ( st != yajl_gen_status_ok )
    {
        rc = -EINVAL;
        goto out;
    }

    yajl_gen_get_buf(g, &buf, &len);
    json = malloc(len + 1);
    if ( !json )
    {
        rc = -ENOMEM;
        goto out;
    }
    memcpy(json, buf, len);
    json[len] = '\0';
    *jsonp = json;

 out:
    if ( g )
        yajl_gen_free(g);
    return rc;
}
