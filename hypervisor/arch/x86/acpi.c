/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Just enough ACPI to find the CPUs: the RSDP (in the EBDA's first KiB or
 * the BIOS area 0xe0000-0xfffff), the RSDT or XSDT it points to, and the
 * MADT's local APIC entries.  Tables are mapped uncached through the
 * fixmap, once, at boot.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <asm/pagetable.h>
#include <asm/smp.h>

#define EBDA_SEG_PTR    0x40e
#define BIOS_AREA       0xe0000UL
#define BIOS_AREA_LEN   0x20000UL

#define MADT_LAPIC      0
#define MADT_X2APIC     9
#define MADT_ENABLED    1u

struct rsdp
{
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt;
    uint32_t length;                /* revision 2 on */
    uint64_t xsdt;
    uint8_t ext_checksum;
    uint8_t reserved[3];
} __attribute__((packed));

struct sdt_header
{
    char signature[4];
    uint32_t length;
    uint8_t revision;
    uint8_t checksum;
    char oem_id[6];
    char oem_table_id[8];
    uint32_t oem_revision;
    uint32_t creator_id;
    uint32_t creator_revision;
} __attribute__((packed));

static bool checksum_ok(const void *p, size_t len)
{
    const uint8_t *b = p;
    uint8_t sum = 0;

    while ( len-- )
        sum += *b++;
    return sum == 0;
}

static const struct rsdp *scan_rsdp(paddr_t start, size_t len)
{
    const uint8_t *area = ioremap(start, len);

    for ( size_t off = 0; off + 20 <= len; off += 16 )
        if ( !memcmp(area + off, "RSD PTR ", 8) &&
             checksum_ok(area + off, 20) )
            return (const struct rsdp *)(area + off);
    return NULL;
}

static const struct rsdp *find_rsdp(void)
{
    const uint16_t *seg = ioremap(EBDA_SEG_PTR, sizeof(*seg));
    paddr_t ebda = (paddr_t)*seg << 4;
    const struct rsdp *r = NULL;

    if ( ebda >= 0x80000 && ebda < 0xa0000 )
        r = scan_rsdp(ebda, 1024);
    return r ? r : scan_rsdp(BIOS_AREA, BIOS_AREA_LEN);
}

/* A whole table, mapped; NULL if its checksum is wrong. */
static const struct sdt_header *map_table(paddr_t pa)
{
    const struct sdt_header *h = ioremap(pa, sizeof(*h));

    if ( h->length < sizeof(*h) || h->length > 0x100000 )
        return NULL;
    h = ioremap(pa, h->length);
    return checksum_ok(h, h->length) ? h : NULL;
}

static const struct sdt_header *find_table(const struct rsdp *rsdp,
                                           const char *sig)
{
    bool x = rsdp->revision >= 2 && rsdp->xsdt;
    const struct sdt_header *root = map_table(x ? rsdp->xsdt : rsdp->rsdt);
    size_t width = x ? 8 : 4, n;

    if ( !root )
        return NULL;
    n = (root->length - sizeof(*root)) / width;
    for ( size_t i = 0; i < n; i++ )
    {
        const uint8_t *e = (const uint8_t *)(root + 1) + i * width;
        uint64_t pa = 0;
        const struct sdt_header *t;

        memcpy(&pa, e, width);
        t = pa ? map_table(pa) : NULL;
        if ( t && !memcmp(t->signature, sig, 4) )
            return t;
    }
    return NULL;
}

unsigned int acpi_cpu_apic_ids(uint32_t *ids, unsigned int max)
{
    const struct rsdp *rsdp = find_rsdp();
    const struct sdt_header *madt;
    const uint8_t *p, *end;
    unsigned int n = 0;

    if ( !rsdp || !(madt = find_table(rsdp, "APIC")) )
        return 0;
    /* Past the header, the local APIC address and the flags. */
    p = (const uint8_t *)(madt + 1) + 8;
    end = (const uint8_t *)madt + madt->length;
    for ( ; p + 2 <= end && p[1] >= 2 && p + p[1] <= end; p += p[1] )
    {
        uint32_t id, flags;

        if ( p[0] == MADT_LAPIC && p[1] >= 8 )
        {
            id = p[3];
            memcpy(&flags, p + 4, 4);
        }
        else if ( p[0] == MADT_X2APIC && p[1] >= 16 )
        {
            memcpy(&id, p + 4, 4);
            memcpy(&flags, p + 8, 4);
        }
        else
            continue;
        if ( (flags & MADT_ENABLED) && n < max )
            ids[n++] = id;
    }
    return n;
}
