/* SPDX-License-Identifier: GPL-2.0-only */
/* UUIDs in text form, and the identities a configuration may leave out:
 * a random (version 4) UUID and MAC addresses under Xen's OUI. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "domcfg-priv.h"

static int hex_digit(char c)
{
    if ( c >= '0' && c <= '9' )
        return c - '0';
    if ( c >= 'a' && c <= 'f' )
        return c - 'a' + 10;
    if ( c >= 'A' && c <= 'F' )
        return c - 'A' + 10;
    return -1;
}

int domcfg_parse_uuid(const char *text, uint8_t uuid[16])
{
    /* Offsets of the dashes in the 8-4-4-4-12 form. */
    static const size_t dashes[] = { 8, 13, 18, 23 };
    size_t len = strlen(text), i, d = 0, n = 0;
    uint8_t out[16];
    int hi, lo;

    if ( len != 32 && len != 36 )
        return -EINVAL;
    for ( i = 0; i < len; )
    {
        if ( len == 36 && d < 4 && i == dashes[d] )
        {
            if ( text[i] != '-' )
                return -EINVAL;
            d++;
            i++;
            continue;
        }
        hi = hex_digit(text[i]);
        lo = hex_digit(text[i + 1]);
        if ( hi < 0 || lo < 0 )
            return -EINVAL;
        out[n++] = (uint8_t)(hi << 4 | lo);
        i += 2;
    }
    memcpy(uuid, out, sizeof(out));
    return 0;
}

void domcfg_format_uuid(const uint8_t u[16], char out[37])
{
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3], u[4], u[5],
             u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

int domcfg_random_urandom(void *buf, size_t len)
{
    unsigned char *p = buf;
    ssize_t n;
    int fd, rc = 0;

    fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if ( fd < 0 )
    {
        rc = -errno;
        goto out;
    }
    while ( len )
    {
        n = read(fd, p, len);
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n <= 0 )
        {
            rc = n < 0 ? -errno : -EIO;
            goto out;
        }
        p += n;
        len -= n;
    }

 out:
    if ( fd >= 0 )
        close(fd);
    return rc;
}

static bool mac_in_use(const struct domain_config *cfg, const char *mac)
{
    unsigned int i;

    for ( i = 0; i < cfg->nr_nics; i++ )
        if ( cfg->nics[i].has_mac && !strcmp(cfg->nics[i].mac, mac) )
            return true;
    return false;
}

int domcfg_fill_random(struct domain_config *cfg, domcfg_random_fn *rnd,
                       char *err, size_t errlen)
{
    struct domcfg_nic *nic;
    uint8_t bytes[16];
    unsigned int i;
    int rc = 0;

    if ( !rnd )
        rnd = domcfg_random_urandom;

    if ( !cfg->has_uuid )
    {
        rc = rnd(bytes, 16);
        if ( rc )
            goto out;
        /* RFC 4122: version 4 (random), variant 10xx. */
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        memcpy(cfg->uuid, bytes, 16);
        cfg->has_uuid = true;
    }

    for ( i = 0; i < cfg->nr_nics; i++ )
    {
        nic = &cfg->nics[i];
        while ( !nic->has_mac )
        {
            rc = rnd(bytes, 3);
            if ( rc )
                goto out;
            /* 00:16:3e is Xen's OUI: a unicast, universally administered
             * prefix that guests and bridges know as a Xen vif. */
            snprintf(nic->mac, sizeof(nic->mac),
                     "00:16:3e:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2]);
            nic->has_mac = !mac_in_use(cfg, nic->mac);
        }
    }

 out:
    if ( rc )
        snprintf(err, errlen, "cannot draw random numbers: %s",
                 strerror(-rc));
    return rc;
}
