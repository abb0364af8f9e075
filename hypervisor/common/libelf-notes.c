/* SPDX-License-Identifier: GPL-2.0-only */
/* Xen ELF notes ("Xen" owner) of a PV kernel: parsing with Xen's defaults,
 * then the checks Xen makes before it builds a domain from them. */

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/libelf.h>
#include <public/elfnote.h>
#include <public/features.h>

#define PT_NOTE         4
#define SHT_NOTE        7
#define NOTE_HDR_SIZE   12

/* Bounds the work a hostile image can cause (many PT_NOTEs, one region). */
#define ELF_MAX_NOTES   65536

_Static_assert(ELF_XENFEAT_WORDS == XENFEAT_NR_SUBMAPS,
               "feature words must match XENFEAT_NR_SUBMAPS");
_Static_assert(XEN_ELFNOTE_MAX < 32, "notes_present is a 32-bit map");

enum note_kind { NOTE_NONE, NOTE_NUM, NOTE_STR, NOTE_RAW };

/* How Xen 4.17 reads each note type; others are ignored as unknown. */
static const uint8_t note_kind[XEN_ELFNOTE_MAX + 1] = {
    [XEN_ELFNOTE_ENTRY]              = NOTE_NUM,
    [XEN_ELFNOTE_HYPERCALL_PAGE]     = NOTE_NUM,
    [XEN_ELFNOTE_VIRT_BASE]          = NOTE_NUM,
    [XEN_ELFNOTE_PADDR_OFFSET]       = NOTE_NUM,
    [XEN_ELFNOTE_XEN_VERSION]        = NOTE_STR,
    [XEN_ELFNOTE_GUEST_OS]           = NOTE_STR,
    [XEN_ELFNOTE_GUEST_VERSION]      = NOTE_STR,
    [XEN_ELFNOTE_LOADER]             = NOTE_STR,
    [XEN_ELFNOTE_PAE_MODE]           = NOTE_STR,
    [XEN_ELFNOTE_FEATURES]           = NOTE_STR,
    [XEN_ELFNOTE_BSD_SYMTAB]         = NOTE_STR,
    [XEN_ELFNOTE_HV_START_LOW]       = NOTE_NUM,
    [XEN_ELFNOTE_L1_MFN_VALID]       = NOTE_RAW,
    [XEN_ELFNOTE_SUSPEND_CANCEL]     = NOTE_NUM,
    [XEN_ELFNOTE_INIT_P2M]           = NOTE_NUM,
    [XEN_ELFNOTE_MOD_START_PFN]      = NOTE_NUM,
    [XEN_ELFNOTE_SUPPORTED_FEATURES] = NOTE_RAW,
    [XEN_ELFNOTE_PHYS32_ENTRY]       = NOTE_NUM,
};

/* The feature names the FEATURES string may use (as Xen 4.17 knows them). */
static const struct {
    const char *name;
    unsigned int nr;
} feature_names[] = {
    { "writable_page_tables",       XENFEAT_writable_page_tables },
    { "writable_descriptor_tables", XENFEAT_writable_descriptor_tables },
    { "auto_translated_physmap",    XENFEAT_auto_translated_physmap },
    { "supervisor_mode_kernel",     XENFEAT_supervisor_mode_kernel },
    { "pae_pgdir_above_4gb",        XENFEAT_pae_pgdir_above_4gb },
    { "hvm_callback_vector",        XENFEAT_hvm_callback_vector },
    { "dom0",                       XENFEAT_dom0 },
};

/* One note's payload, already checked to lie inside the image. */
struct note_desc {
    unsigned int type;
    const uint8_t *data;
    uint32_t size;
};

static uint64_t rd_le(const uint8_t *p, unsigned int n)
{
    uint64_t v = 0;

    while ( n-- )
        v = (v << 8) | p[n];
    return v;
}

/* Numeric notes are 1, 2, 4 or 8 bytes; anything else reads as 0 (Xen). */
static uint64_t note_num(const struct note_desc *d)
{
    switch ( d->size )
    {
    case 1: case 2: case 4: case 8:
        return rd_le(d->data, d->size);
    }
    return 0;
}

/* A string note ends at its first NUL, or at the end of its payload. */
static size_t note_strlen(const struct note_desc *d)
{
    return strnlen((const char *)d->data, d->size);
}

static void note_strcpy(char *dst, size_t dstsz, const struct note_desc *d)
{
    size_t len = MIN(note_strlen(d), dstsz - 1);

    memcpy(dst, d->data, len);
    dst[len] = '\0';
}

static bool note_str_is(const struct note_desc *d, const char *s)
{
    size_t len = note_strlen(d);

    return len == strlen(s) && !memcmp(d->data, s, len);
}

static bool note_str_has(const struct note_desc *d, const char *s)
{
    size_t len = note_strlen(d), n = strlen(s), i;

    for ( i = 0; i + n <= len; i++ )
        if ( !memcmp(d->data + i, s, n) )
            return true;
    return false;
}

static void feature_set(uint32_t *map, unsigned int nr)
{
    map[nr / 32] |= 1U << (nr % 32);
}

/*
 * FEATURES: names separated by '|', a leading '!' marks a feature the
 * kernel cannot run without. Unknown names are ignored unless required.
 */
static int parse_features(struct elf_binary *elf, struct elf_dom_parms *parms,
                          const struct note_desc *d)
{
    const char *s = (const char *)d->data;
    size_t len = note_strlen(d), pos = 0;

    while ( pos < len )
    {
        size_t end = pos, n, i;
        bool required;

        while ( end < len && s[end] != '|' )
            end++;
        required = s[pos] == '!';
        if ( required )
            pos++;
        n = end - pos;
        for ( i = 0; i < ARRAY_SIZE(feature_names); i++ )
            if ( strlen(feature_names[i].name) == n &&
                 !memcmp(feature_names[i].name, s + pos, n) )
                break;
        if ( i < ARRAY_SIZE(feature_names) )
        {
            feature_set(parms->f_supported, feature_names[i].nr);
            if ( required )
                feature_set(parms->f_required, feature_names[i].nr);
        }
        else if ( required )
        {
            elf_set_err(elf, "FEATURES requires unknown feature '%.*s'",
                        (int)MIN(n, 48), s + pos);
            return -EINVAL;
        }
        pos = end + 1;
    }
    return 0;
}

/* SUPPORTED_FEATURES: an array of 32-bit XENFEAT words. */
static void parse_supported(struct elf_dom_parms *parms,
                            const struct note_desc *d)
{
    unsigned int i;

    if ( d->size % 4 )
        return;
    for ( i = 0; i < ELF_XENFEAT_WORDS && i < d->size / 4; i++ )
        parms->f_supported[i] |= rd_le(d->data + 4 * i, 4);
}

/* L1_MFN_VALID: (mask, value) pairs of 8-byte words (or 4-byte ones). */
static void parse_l1_mfn_valid(struct elf_dom_parms *parms,
                               const struct note_desc *d)
{
    unsigned int w = (d->size >= 16 && !(d->size % 16)) ? 8 :
                     d->size == 8 ? 4 : 0;

    if ( !w )
        return;
    parms->l1_mfn_valid_mask = rd_le(d->data, w);
    parms->l1_mfn_valid_value = rd_le(d->data + w, w);
}

static int parse_note(struct elf_binary *elf, struct elf_dom_parms *parms,
                      const struct note_desc *d)
{
    uint64_t val;

    if ( d->type > XEN_ELFNOTE_MAX || note_kind[d->type] == NOTE_NONE )
        return 0;
    parms->notes_present |= 1U << d->type;
    val = note_kind[d->type] == NOTE_NUM ? note_num(d) : 0;

    switch ( d->type )
    {
    case XEN_ELFNOTE_ENTRY:
        parms->virt_entry = val;
        break;
    case XEN_ELFNOTE_HYPERCALL_PAGE:
        parms->virt_hypercall = val;
        break;
    case XEN_ELFNOTE_VIRT_BASE:
        parms->virt_base = val;
        break;
    case XEN_ELFNOTE_PADDR_OFFSET:
        parms->elf_paddr_offset = val;
        break;
    case XEN_ELFNOTE_XEN_VERSION:
        note_strcpy(parms->xen_ver, sizeof(parms->xen_ver), d);
        break;
    case XEN_ELFNOTE_GUEST_OS:
        note_strcpy(parms->guest_os, sizeof(parms->guest_os), d);
        break;
    case XEN_ELFNOTE_GUEST_VERSION:
        note_strcpy(parms->guest_ver, sizeof(parms->guest_ver), d);
        break;
    case XEN_ELFNOTE_LOADER:
        note_strcpy(parms->loader, sizeof(parms->loader), d);
        break;
    case XEN_ELFNOTE_PAE_MODE:
        if ( note_str_is(d, "yes") )
            parms->pae = ELF_PAE_EXTCR3;
        if ( note_str_has(d, "bimodal") )
            parms->pae = ELF_PAE_BIMODAL;
        break;
    case XEN_ELFNOTE_FEATURES:
        return parse_features(elf, parms, d);
    case XEN_ELFNOTE_BSD_SYMTAB:
        parms->bsd_symtab = note_str_is(d, "yes");
        break;
    case XEN_ELFNOTE_HV_START_LOW:
        parms->virt_hv_start_low = val;
        break;
    case XEN_ELFNOTE_L1_MFN_VALID:
        parse_l1_mfn_valid(parms, d);
        break;
    case XEN_ELFNOTE_SUSPEND_CANCEL:
        parms->suspend_cancel = val != 0;
        break;
    case XEN_ELFNOTE_INIT_P2M:
        parms->p2m_base = val;
        break;
    case XEN_ELFNOTE_MOD_START_PFN:
        parms->unmapped_initrd = val != 0;
        break;
    case XEN_ELFNOTE_SUPPORTED_FEATURES:
        parse_supported(parms, d);
        break;
    case XEN_ELFNOTE_PHYS32_ENTRY:
        parms->phys_entry = val;
        break;
    }
    return 0;
}

/*
 * Walk the notes of image[off, off + len), which the caller checked lies
 * inside the image. Each note: namesz, descsz, type (4 bytes each), then
 * the name and the payload, each padded to 4 bytes. A note whose name or
 * payload overruns the region is refused: it cannot come from a linker.
 */
static int parse_note_region(struct elf_binary *elf,
                             struct elf_dom_parms *parms, uint64_t off,
                             uint64_t len, unsigned int *nr_xen,
                             unsigned int *nr_total)
{
    const uint8_t *base = elf->image + off;
    uint64_t pos = 0;

    while ( len - pos >= NOTE_HDR_SIZE )
    {
        const uint8_t *h = base + pos;
        uint64_t namesz = rd_le(h, 4), descsz = rd_le(h + 4, 4);
        uint64_t name_at = pos + NOTE_HDR_SIZE;
        uint64_t desc_at = name_at + ROUNDUP(namesz, 4);
        struct note_desc d;

        if ( desc_at > len || descsz > len - desc_at )
        {
            elf_set_err(elf, "ELF note at file offset %#llx overruns its "
                        "region (name %llu, payload %llu bytes)",
                        (unsigned long long)(off + pos),
                        (unsigned long long)namesz,
                        (unsigned long long)descsz);
            return -EINVAL;
        }
        if ( ++*nr_total > ELF_MAX_NOTES )
        {
            elf_set_err(elf, "too many ELF notes (over %u)", ELF_MAX_NOTES);
            return -EINVAL;
        }
        if ( namesz == 4 && !memcmp(base + name_at, "Xen", 4) )
        {
            int rc;

            d.type = rd_le(h + 8, 4);
            d.data = base + desc_at;
            d.size = descsz;
            rc = parse_note(elf, parms, &d);
            if ( rc )
                return rc;
            ++*nr_xen;
        }
        /* The last payload's padding may be missing: stop, not fail. */
        pos = MIN(len, desc_at + ROUNDUP(descsz, 4));
    }
    return 0;
}

static int parse_all_notes(struct elf_binary *elf,
                           struct elf_dom_parms *parms)
{
    unsigned int i, nr_xen = 0, nr_total = 0;
    int rc;

    for ( i = 0; i < elf->phnum; i++ )
    {
        struct elf_phdr_info ph;

        elf_phdr_read(elf, i, &ph);
        /* Some binutils leave p_offset 0 in note segments: skip those. */
        if ( ph.p_type != PT_NOTE || ph.p_offset == 0 )
            continue;
        rc = parse_note_region(elf, parms, ph.p_offset, ph.p_filesz,
                               &nr_xen, &nr_total);
        if ( rc )
            return rc;
    }

    /* Sections are the fallback when no segment holds a Xen note. */
    for ( i = 1; !nr_xen && i < elf->shnum; i++ )
    {
        struct elf_shdr_info sh;

        elf_shdr_read(elf, i, &sh);
        if ( sh.sh_type != SHT_NOTE )
            continue;
        if ( sh.sh_offset > elf->size ||
             sh.sh_size > elf->size - sh.sh_offset )
        {
            elf_set_err(elf, "truncated file: note section %u [%#llx, "
                        "+%#llx) exceeds its %llu bytes", i,
                        (unsigned long long)sh.sh_offset,
                        (unsigned long long)sh.sh_size,
                        (unsigned long long)elf->size);
            return -EINVAL;
        }
        rc = parse_note_region(elf, parms, sh.sh_offset, sh.sh_size,
                               &nr_xen, &nr_total);
        if ( rc )
            return rc;
    }

    if ( !nr_xen )
    {
        elf_set_err(elf, "no Xen ELF notes: not a Xen PV kernel");
        return -EINVAL;
    }
    return 0;
}

/* Xen 4.17's elf_xen_note_check for PV images. */
static int check_notes(struct elf_binary *elf,
                       const struct elf_dom_parms *parms)
{
    if ( strncmp(parms->loader, "generic", 7) &&
         strncmp(parms->guest_os, "linux", 5) )
    {
        elf_set_err(elf, "kernel is neither for the generic loader nor "
                    "Linux (LOADER '%s', GUEST_OS '%s')",
                    parms->loader, parms->guest_os);
        return -EINVAL;
    }
    if ( strncmp(parms->xen_ver, "xen-3.0", 7) )
    {
        elf_set_err(elf, "kernel is built for '%s', not for xen-3.0",
                    parms->xen_ver);
        return -EINVAL;
    }
    return 0;
}

static int addr_err(struct elf_binary *elf, const char *what, uint64_t va,
                    const struct elf_dom_parms *parms)
{
    elf_set_err(elf, "%s %#llx outside the kernel [%#llx, %#llx)", what,
                (unsigned long long)va,
                (unsigned long long)parms->virt_kstart,
                (unsigned long long)parms->virt_kend);
    return -EINVAL;
}

/* Defaults, the kernel's VA range and Xen's checks on it. */
static int calc_addresses(struct elf_binary *elf,
                          struct elf_dom_parms *parms)
{
    uint64_t span = elf->pend - elf->pstart;

    if ( parms->elf_paddr_offset != ELF_UNSET_ADDR &&
         parms->virt_base == ELF_UNSET_ADDR )
    {
        elf_set_err(elf, "PADDR_OFFSET is set but VIRT_BASE is not");
        return -EINVAL;
    }
    if ( parms->virt_base == ELF_UNSET_ADDR )
        parms->virt_base = 0;
    if ( parms->elf_paddr_offset == ELF_UNSET_ADDR )
        parms->elf_paddr_offset = 0;
    if ( parms->virt_entry == ELF_UNSET_ADDR )
        parms->virt_entry = elf->e_entry;

    if ( parms->virt_base & (PAGE_SIZE - 1) )
    {
        elf_set_err(elf, "VIRT_BASE %#llx is not page-aligned",
                    (unsigned long long)parms->virt_base);
        return -EINVAL;
    }

    /* Offsets wrap modulo 2^64 on purpose: PADDR_OFFSET may exceed base. */
    parms->virt_offset = parms->virt_base - parms->elf_paddr_offset;
    parms->virt_kstart = elf->pstart + parms->virt_offset;
    if ( span > UINT64_MAX - parms->virt_kstart )
    {
        elf_set_err(elf, "kernel [%#llx, +%#llx) wraps the address space",
                    (unsigned long long)parms->virt_kstart,
                    (unsigned long long)span);
        return -EINVAL;
    }
    parms->virt_kend = parms->virt_kstart + span;

    if ( parms->virt_base > parms->virt_kstart )
    {
        elf_set_err(elf, "VIRT_BASE %#llx is above the kernel start %#llx",
                    (unsigned long long)parms->virt_base,
                    (unsigned long long)parms->virt_kstart);
        return -EINVAL;
    }
    if ( parms->virt_entry < parms->virt_kstart ||
         parms->virt_entry >= parms->virt_kend )
        return addr_err(elf, "entry point", parms->virt_entry, parms);
    if ( parms->p2m_base != ELF_UNSET_ADDR &&
         parms->p2m_base >= parms->virt_kstart &&
         parms->p2m_base < parms->virt_kend )
    {
        elf_set_err(elf, "INIT_P2M %#llx lies inside the kernel",
                    (unsigned long long)parms->p2m_base);
        return -EINVAL;
    }
    if ( parms->virt_hypercall != ELF_UNSET_ADDR )
    {
        /* The page is filled whole: it must be a page of the kernel. */
        if ( parms->virt_hypercall < parms->virt_kstart ||
             parms->virt_hypercall >= parms->virt_kend )
            return addr_err(elf, "HYPERCALL_PAGE", parms->virt_hypercall,
                            parms);
        if ( parms->virt_hypercall & (PAGE_SIZE - 1) )
        {
            elf_set_err(elf, "HYPERCALL_PAGE %#llx is not page-aligned",
                        (unsigned long long)parms->virt_hypercall);
            return -EINVAL;
        }
    }
    if ( parms->virt_kstart < ELF_HV_VIRT_END &&
         parms->virt_kend > ELF_HV_VIRT_START )
    {
        elf_set_err(elf, "kernel [%#llx, %#llx) overlaps the hypervisor's "
                    "range [%#llx, %#llx)",
                    (unsigned long long)parms->virt_kstart,
                    (unsigned long long)parms->virt_kend,
                    ELF_HV_VIRT_START, ELF_HV_VIRT_END);
        return -EINVAL;
    }
    return 0;
}

int elf_xen_parse(struct elf_binary *elf, struct elf_dom_parms *parms)
{
    int rc;

    memset(parms, 0, sizeof(*parms));
    parms->virt_base = ELF_UNSET_ADDR;
    parms->virt_entry = ELF_UNSET_ADDR;
    parms->virt_hypercall = ELF_UNSET_ADDR;
    parms->virt_hv_start_low = ELF_UNSET_ADDR;
    parms->p2m_base = ELF_UNSET_ADDR;
    parms->elf_paddr_offset = ELF_UNSET_ADDR;
    parms->phys_entry = ELF_UNSET_ADDR32;

    if ( !elf->nr_load )
    {
        elf_set_err(elf, "ELF image was not accepted by elf_init");
        return -EINVAL;
    }
    rc = parse_all_notes(elf, parms);
    if ( !rc )
        rc = check_notes(elf, parms);
    if ( !rc )
        rc = calc_addresses(elf, parms);
    if ( rc )
        return rc;
    elf->virt_offset = parms->virt_offset;
    return 0;
}

int elf_xen_dom0_check(struct elf_binary *elf,
                       const struct elf_dom_parms *parms)
{
    if ( elf_xen_note_present(parms, XEN_ELFNOTE_SUPPORTED_FEATURES) &&
         !elf_xen_feature_get(XENFEAT_dom0, parms->f_supported) )
    {
        elf_set_err(elf, "kernel does not support dom0 operation "
                    "(SUPPORTED_FEATURES lacks XENFEAT_dom0)");
        return -EINVAL;
    }
    if ( elf_xen_feature_get(XENFEAT_supervisor_mode_kernel,
                             parms->f_required) )
    {
        elf_set_err(elf, "kernel requires supervisor_mode_kernel");
        return -EINVAL;
    }
    return 0;
}
