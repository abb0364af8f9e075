/* SPDX-License-Identifier: GPL-2.0-only */
/* In-memory ELF64 images for the loader tests (layout: ELF header, program
 * headers, notes, segment data, then section headers if any). */

#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "elf-image.h"

#define SEG_ALIGN 16

void ti_init(struct ti_spec *s)
{
    memset(s, 0, sizeof(*s));
    s->ei_class = ELFCLASS64;
    s->ei_data = ELFDATA2LSB;
    s->e_type = ET_EXEC;
    s->e_machine = EM_X86_64;
}

void ti_add_seg(struct ti_spec *s, uint64_t paddr, uint64_t filesz,
                uint64_t memsz)
{
    struct ti_seg *g = &s->segs[s->nr_segs++];

    if ( s->nr_segs > TI_MAX_SEGS )
        abort();
    g->type = PT_LOAD;
    g->flags = PF_R | PF_X;
    g->paddr = paddr;
    g->vaddr = paddr + 0xffffffff80000000ULL;
    g->filesz = filesz;
    g->memsz = memsz;
    g->fill = (uint8_t)(0x11 * s->nr_segs);
}

void ti_note_raw(struct ti_spec *s, const char *owner, uint32_t type,
                 const void *desc, uint32_t descsz)
{
    struct ti_note *n = &s->notes[s->nr_notes++];

    if ( s->nr_notes > TI_MAX_NOTES || descsz > TI_MAX_DESC ||
         strlen(owner) >= sizeof(n->owner) )
        abort();
    memset(n, 0, sizeof(*n));
    strcpy(n->owner, owner);
    n->type = type;
    n->descsz = descsz;
    memcpy(n->desc, desc, descsz);
}

void ti_note_str(struct ti_spec *s, uint32_t type, const char *str)
{
    ti_note_raw(s, "Xen", type, str, strlen(str) + 1);
}

void ti_note_num(struct ti_spec *s, uint32_t type, uint64_t val,
                 unsigned int size)
{
    uint8_t b[8];
    unsigned int i;

    for ( i = 0; i < size && i < 8; i++ )
        b[i] = (uint8_t)(val >> (8 * i));
    ti_note_raw(s, "Xen", type, b, size);
}

void ti_linux(struct ti_spec *s)
{
    static const uint64_t l1_mfn_valid[2] = { 1, 1 };
    static const uint8_t gnu_id[20] = { 0xde, 0xad, 0xbe, 0xef };

    ti_init(s);
    s->e_entry = 0x1000000;
    ti_add_seg(s, 0x1000000, 0x2345, 0x2345);
    ti_add_seg(s, 0x1003000, 0x1234, 0x5000);
    s->segs[1].flags = PF_R | PF_W;
    s->segs[1].vaddr = 0;   /* like Linux's per-cpu segment: never used */

    ti_note_raw(s, "GNU", 3, gnu_id, sizeof(gnu_id));
    ti_note_str(s, 6, "linux");
    ti_note_str(s, 7, "2.6");
    ti_note_str(s, 5, "xen-3.0");
    ti_note_num(s, 3, 0xffffffff80000000ULL, 8);
    ti_note_num(s, 4, 0, 8);
    ti_note_num(s, 1, 0xffffffff81000100ULL, 8);
    ti_note_num(s, 2, 0xffffffff81001000ULL, 8);
    ti_note_num(s, 15, 0x8000000000ULL, 8);
    ti_note_str(s, 10, "!writable_page_tables|pae_pgdir_above_4gb");
    ti_note_num(s, 17, 0x8801, 4);
    ti_note_str(s, 9, "yes");
    ti_note_str(s, 8, "generic");
    ti_note_raw(s, "Xen", 13, l1_mfn_valid, sizeof(l1_mfn_valid));
    ti_note_num(s, 14, 1, 4);
    ti_note_num(s, 16, 1, 4);
    ti_note_num(s, 12, 0xffff800000000000ULL, 8);
    ti_note_num(s, 18, 0x1000200, 4);
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
    return (v + a - 1) & ~(a - 1);
}

static unsigned int nr_phdrs(const struct ti_spec *s)
{
    return s->nr_segs + (s->nr_notes && !s->notes_in_section);
}

uint64_t ti_notes_offset(const struct ti_spec *s)
{
    return sizeof(Elf64_Ehdr) + nr_phdrs(s) * sizeof(Elf64_Phdr);
}

static uint64_t note_size(const struct ti_note *n)
{
    return sizeof(Elf64_Nhdr) + align_up(strlen(n->owner) + 1, 4) +
           align_up(n->descsz, 4);
}

static uint64_t notes_size(const struct ti_spec *s)
{
    uint64_t sz = 0;
    unsigned int i;

    for ( i = 0; i < s->nr_notes; i++ )
        sz += note_size(&s->notes[i]);
    return sz;
}

uint64_t ti_seg_offset(const struct ti_spec *s, unsigned int i)
{
    uint64_t off = align_up(ti_notes_offset(s) + notes_size(s), SEG_ALIGN);
    unsigned int j;

    for ( j = 0; j < i; j++ )
        off = align_up(off + s->segs[j].filesz, SEG_ALIGN);
    return off;
}

static void put_notes(const struct ti_spec *s, uint8_t *p)
{
    unsigned int i;

    for ( i = 0; i < s->nr_notes; i++ )
    {
        const struct ti_note *n = &s->notes[i];
        Elf64_Nhdr h = {
            .n_namesz = strlen(n->owner) + 1,
            .n_descsz = n->descsz,
            .n_type = n->type,
        };

        memcpy(p, &h, sizeof(h));
        memcpy(p + sizeof(h), n->owner, h.n_namesz);
        memcpy(p + sizeof(h) + align_up(h.n_namesz, 4), n->desc, n->descsz);
        p += note_size(n);
    }
}

static void put_phdrs(const struct ti_spec *s, uint8_t *img)
{
    Elf64_Phdr *ph = (Elf64_Phdr *)(img + sizeof(Elf64_Ehdr));
    unsigned int i;

    for ( i = 0; i < s->nr_segs; i++, ph++ )
    {
        const struct ti_seg *g = &s->segs[i];

        ph->p_type = g->type;
        ph->p_flags = g->flags;
        ph->p_offset = ti_seg_offset(s, i);
        ph->p_vaddr = g->vaddr;
        ph->p_paddr = g->paddr;
        ph->p_filesz = g->filesz;
        ph->p_memsz = g->memsz;
        ph->p_align = SEG_ALIGN;
    }
    if ( nr_phdrs(s) > s->nr_segs )
    {
        ph->p_type = PT_NOTE;
        ph->p_flags = PF_R;
        ph->p_offset = s->note_phdr_offset_zero ? 0 : ti_notes_offset(s);
        ph->p_filesz = ph->p_memsz = notes_size(s);
        ph->p_align = 4;
    }
}

static void put_shdrs(const struct ti_spec *s, uint8_t *p)
{
    Elf64_Shdr sh[2];

    memset(sh, 0, sizeof(sh));
    sh[1].sh_type = SHT_NOTE;
    sh[1].sh_offset = ti_notes_offset(s);
    sh[1].sh_size = notes_size(s);
    sh[1].sh_addralign = 4;
    memcpy(p, sh, sizeof(sh));
}

uint8_t *ti_build(const struct ti_spec *s, size_t *size)
{
    /* No padding after the last byte: every prefix is a truncation. */
    uint64_t end = s->nr_segs ? ti_seg_offset(s, s->nr_segs - 1) +
                   s->segs[s->nr_segs - 1].filesz : ti_seg_offset(s, 0);
    uint64_t shoff = 0;
    Elf64_Ehdr eh;
    uint8_t *img;
    unsigned int i;

    if ( s->notes_in_section )
    {
        shoff = align_up(end, 8);
        end = shoff + 2 * sizeof(Elf64_Shdr);
    }
    img = calloc(1, end);
    if ( !img )
        abort();

    memset(&eh, 0, sizeof(eh));
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = s->ei_class;
    eh.e_ident[EI_DATA] = s->ei_data;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = s->e_type;
    eh.e_machine = s->e_machine;
    eh.e_version = EV_CURRENT;
    eh.e_entry = s->e_entry;
    eh.e_phoff = sizeof(Elf64_Ehdr);
    eh.e_ehsize = sizeof(Elf64_Ehdr);
    eh.e_phentsize = sizeof(Elf64_Phdr);
    eh.e_phnum = nr_phdrs(s);
    if ( s->notes_in_section )
    {
        eh.e_shoff = shoff;
        eh.e_shentsize = sizeof(Elf64_Shdr);
        eh.e_shnum = 2;
        put_shdrs(s, img + shoff);
    }
    memcpy(img, &eh, sizeof(eh));
    put_phdrs(s, img);
    put_notes(s, img + ti_notes_offset(s));

    for ( i = 0; i < s->nr_segs; i++ )
    {
        uint8_t *d = img + ti_seg_offset(s, i);
        uint64_t j;

        for ( j = 0; j < s->segs[i].filesz; j++ )
            d[j] = ti_seg_byte(&s->segs[i], j);
    }
    *size = end;
    return img;
}
