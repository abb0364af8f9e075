/* SPDX-License-Identifier: GPL-2.0-only */
/* Sizes in libvirt's units: decimal (KB = 1000 bytes) and binary (k, KiB
 * = 1024 bytes) multiples, KiB when no unit is given. */
#include <errno.h>
#include <string.h>

#include "domcfg-priv.h"

static const struct
{
    const char *name;
    uint64_t bytes;
} units[] = {
    { "b", 1 }, { "bytes", 1 },
    { "KB", 1000ull }, { "k", 1ull << 10 }, { "KiB", 1ull << 10 },
    { "MB", 1000000ull }, { "M", 1ull << 20 }, { "MiB", 1ull << 20 },
    { "GB", 1000000000ull }, { "G", 1ull << 30 }, { "GiB", 1ull << 30 },
    { "TB", 1000000000000ull }, { "T", 1ull << 40 }, { "TiB", 1ull << 40 },
};

int domcfg_unit_bytes(const char *unit, uint64_t *bytesp)
{
    size_t i;

    if ( !unit || !*unit )
    {
        *bytesp = 1024;
        return 0;
    }
    /* Exact spelling: "kb" could mean either 1000 or 1024 bytes. */
    for ( i = 0; i < sizeof(units) / sizeof(units[0]); i++ )
        if ( !strcmp(unit, units[i].name) )
        {
            *bytesp = units[i].bytes;
            return 0;
        }
    return -EINVAL;
}

int domcfg_parse_size(const char *text, const char *unit, uint64_t *kibp)
{
    uint64_t scale, value = 0, kib;
    const char *p;
    int rc;

    rc = domcfg_unit_bytes(unit, &scale);
    if ( rc )
        return rc;

    /* Digits only: no sign, no base prefix, no exponent. */
    if ( !*text )
        return -EINVAL;
    for ( p = text; *p; p++ )
    {
        if ( *p < '0' || *p > '9' )
            return -EINVAL;
        if ( value > (UINT64_MAX - (uint64_t)(*p - '0')) / 10 )
            return -ERANGE;
        value = value * 10 + (uint64_t)(*p - '0');
    }

    /* Binary units are whole KiB: scale those without passing by bytes,
     * so that large sizes in TiB do not overflow needlessly. */
    if ( scale % 1024 == 0 )
    {
        if ( value > UINT64_MAX / (scale / 1024) )
            return -ERANGE;
        kib = value * (scale / 1024);
    }
    else
    {
        if ( value > UINT64_MAX / scale )
            return -ERANGE;
        value *= scale;
        kib = value / 1024 + (value % 1024 != 0);
    }

    *kibp = kib;
    return 0;
}
