/* SPDX-License-Identifier: GPL-2.0-only */
/* Builds small ELF64 kernel images in memory for the loader's unit tests:
 * headers, PT_LOAD segments and Xen notes chosen by each test. */
#ifndef TEST_ELF_IMAGE_H
#define TEST_ELF_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TI_MAX_SEGS     8
#define TI_MAX_NOTES    40
#define TI_MAX_DESC     64

struct ti_seg {
    uint32_t type;              /* PT_LOAD unless set */
    uint32_t flags;             /* PF_R|PF_X unless set */
    uint64_t paddr, vaddr;
    uint64_t filesz, memsz;
    uint8_t fill;               /* file bytes: fill + offset (mod 256) */
};

struct ti_note {
    char owner[8];
    uint32_t type;
    uint32_t descsz;
    uint8_t desc[TI_MAX_DESC];
};

struct ti_spec {
    uint8_t ei_class, ei_data;
    uint16_t e_type, e_machine;
    uint64_t e_entry;
    struct ti_seg segs[TI_MAX_SEGS];
    unsigned int nr_segs;
    struct ti_note notes[TI_MAX_NOTES];
    unsigned int nr_notes;
    bool notes_in_section;      /* SHT_NOTE section instead of PT_NOTE */
    bool note_phdr_offset_zero; /* PT_NOTE with p_offset 0 (binutils bug) */
};

/* A valid 64-bit x86 executable with no segment and no note. */
void ti_init(struct ti_spec *s);

void ti_add_seg(struct ti_spec *s, uint64_t paddr, uint64_t filesz,
                uint64_t memsz);
void ti_note_str(struct ti_spec *s, uint32_t type, const char *str);
void ti_note_num(struct ti_spec *s, uint32_t type, uint64_t val,
                 unsigned int size);
void ti_note_raw(struct ti_spec *s, const char *owner, uint32_t type,
                 const void *desc, uint32_t descsz);

/*
 * A Linux-like kernel: VIRT_BASE 0xffffffff80000000, PADDR_OFFSET 0, one
 * text segment at paddr 16 MiB and a data+bss segment after it, ENTRY in
 * the text, the notes Debian's 6.1 kernel carries.
 */
void ti_linux(struct ti_spec *s);

/* Lay the image out; returns a malloc'ed buffer of exactly *size bytes. */
uint8_t *ti_build(const struct ti_spec *s, size_t *size);

/* File offset of segment i's data and of the first note in a built image. */
uint64_t ti_seg_offset(const struct ti_spec *s, unsigned int i);
uint64_t ti_notes_offset(const struct ti_spec *s);

/* The byte the built image holds at offset off of segment i's data. */
static inline uint8_t ti_seg_byte(const struct ti_seg *g, uint64_t off)
{
    return (uint8_t)(g->fill + off * 7);
}

#endif /* TEST_ELF_IMAGE_H */
