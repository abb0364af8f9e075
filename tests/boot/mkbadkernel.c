/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writes broken dom0 kernels for the bad-input boot tests: each must be
 * refused with a clear message by both hypervisors, never crash them.
 *
 * usage: mkbadkernel VARIANT OUTPUT
 *   notelf    text, not an ELF image
 *   elf32     a 32-bit ELF header
 *   nonotes   a 64-bit x86 ELF without Xen notes
 *   badloader Xen notes naming neither the generic loader nor Linux
 *   huge      valid notes, but a 3 GiB kernel that wraps the address space
 *   big       valid notes and a 200 MiB kernel: too big for a small dom0
 *   truncated valid headers, segment data cut off
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VIRT_BASE 0xffffffff80000000ULL
#define LOAD_PADDR 0x100000ULL

static uint8_t image[8192];
static size_t used;

static void *put(const void *p, size_t n)
{
    void *at = image + used;

    memcpy(at, p, n);
    used += (n + 3) & ~3UL;
    return at;
}

static void put_note(uint32_t type, const void *desc, uint32_t descsz)
{
    Elf64_Nhdr nh = { .n_namesz = 4, .n_descsz = descsz, .n_type = type };

    put(&nh, sizeof(nh));
    put("Xen", 4);
    put(desc, descsz);
}

static void put_str_note(uint32_t type, const char *s)
{
    put_note(type, s, strlen(s) + 1);
}

static void put_u64_note(uint32_t type, uint64_t v)
{
    put_note(type, &v, sizeof(v));
}

/* A minimal PV kernel: ELF header, PT_LOAD, PT_NOTE, an endless loop. */
static size_t build64(const char *loader, uint64_t memsz)
{
    Elf64_Ehdr *eh;
    Elf64_Phdr *ph;
    size_t notes, notes_end, code;
    static const uint8_t spin[] = { 0xeb, 0xfe };   /* jmp . */
    uint32_t dom0_feature = 1U << 11;               /* XENFEAT_dom0 */

    eh = put(&(Elf64_Ehdr){ 0 }, sizeof(Elf64_Ehdr));
    ph = put(&(Elf64_Phdr[2]){ { 0 } }, 2 * sizeof(Elf64_Phdr));
    notes = used;
    put_str_note(6, "hvtest");                      /* GUEST_OS */
    put_str_note(5, "xen-3.0");                     /* XEN_VERSION */
    put_str_note(8, loader);                        /* LOADER */
    put_u64_note(3, VIRT_BASE);                     /* VIRT_BASE */
    put_u64_note(4, 0);                             /* PADDR_OFFSET */
    put_u64_note(1, VIRT_BASE + LOAD_PADDR);        /* ENTRY */
    put_note(17, &dom0_feature, 4);                 /* SUPPORTED_FEATURES */
    notes_end = used;
    code = used;
    put(spin, sizeof(spin));

    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS64;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_type = ET_EXEC;
    eh->e_machine = EM_X86_64;
    eh->e_version = EV_CURRENT;
    eh->e_entry = VIRT_BASE + LOAD_PADDR;
    eh->e_phoff = sizeof(*eh);
    eh->e_ehsize = sizeof(*eh);
    eh->e_phentsize = sizeof(*ph);
    eh->e_phnum = 2;

    ph[0] = (Elf64_Phdr){
        .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = code,
        .p_vaddr = VIRT_BASE + LOAD_PADDR, .p_paddr = LOAD_PADDR,
        .p_filesz = used - code, .p_memsz = memsz ? memsz : used - code,
        .p_align = 4096,
    };
    ph[1] = (Elf64_Phdr){
        .p_type = PT_NOTE, .p_flags = PF_R, .p_offset = notes,
        .p_filesz = notes_end - notes, .p_memsz = notes_end - notes,
        .p_align = 4,
    };
    return used;
}

int main(int argc, char **argv)
{
    const char *v;
    size_t len;
    FILE *f;

    if ( argc != 3 )
    {
        fprintf(stderr, "usage: %s VARIANT OUTPUT\n", argv[0]);
        return 2;
    }
    v = argv[1];
    if ( !strcmp(v, "notelf") )
    {
        static const char text[] = "this is not a kernel\n";

        len = sizeof(text) - 1;
        memcpy(image, text, len);
    }
    else if ( !strcmp(v, "elf32") )
    {
        Elf32_Ehdr eh = { 0 };

        memcpy(eh.e_ident, ELFMAG, SELFMAG);
        eh.e_ident[EI_CLASS] = ELFCLASS32;
        eh.e_ident[EI_DATA] = ELFDATA2LSB;
        eh.e_ident[EI_VERSION] = EV_CURRENT;
        eh.e_type = ET_EXEC;
        eh.e_machine = EM_386;
        eh.e_version = EV_CURRENT;
        eh.e_ehsize = sizeof(eh);
        len = sizeof(eh);
        memcpy(image, &eh, len);
    }
    else if ( !strcmp(v, "nonotes") )
    {
        len = build64("generic", 0);
        /* Turn the note segment into padding the loader ignores. */
        ((Elf64_Phdr *)(image + sizeof(Elf64_Ehdr)))[1].p_type = PT_NULL;
    }
    else if ( !strcmp(v, "badloader") )
        len = build64("elsewhere", 0);
    else if ( !strcmp(v, "huge") )
        len = build64("generic", 3ULL << 30);
    else if ( !strcmp(v, "big") )
        len = build64("generic", 200ULL << 20);
    else if ( !strcmp(v, "truncated") )
        len = build64("generic", 0) - 2 - 64;
    else
    {
        fprintf(stderr, "mkbadkernel: unknown variant '%s'\n", v);
        return 2;
    }

    f = fopen(argv[2], "wb");
    if ( !f || fwrite(image, 1, len, f) != len || fclose(f) )
    {
        perror(argv[2]);
        return 1;
    }
    return 0;
}
