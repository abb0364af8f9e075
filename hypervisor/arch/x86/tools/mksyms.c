/* SPDX-License-Identifier: GPL-2.0-only */
/* Build-host tool: fill the hypervisor image's symbol table in place.
 * The image reserves a fixed-size array (hv_symtab); filling it after the
 * link changes no address, so one link is enough.  Layout: see symbols.h. */

#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../include/asm/symbols.h"

struct sym
{
    uint64_t addr, size;
    const char *name;
    int rank;                   /* prefer functions, then globals */
};

static int by_addr(const void *a, const void *b)
{
    const struct sym *x = a, *y = b;

    if ( x->addr != y->addr )
        return x->addr < y->addr ? -1 : 1;
    return y->rank - x->rank;
}

static int fail(const char *file, const char *what)
{
    fprintf(stderr, "mksyms: %s: %s\n", file, what);
    return 1;
}

int main(int argc, char **argv)
{
    const char *file = argc == 2 ? argv[1] : NULL;
    const Elf64_Ehdr *eh;
    const Elf64_Shdr *sh, *symtab = NULL, *text = NULL;
    const Elf64_Sym *syms, *table = NULL;
    const char *strtab, *shstr;
    struct sym *list;
    struct hv_symtab_header *hdr;
    struct hv_symtab_entry *ent;
    unsigned char *img, *blob;
    size_t nsyms, n = 0, i, out = 0, names;
    struct stat st;
    int fd;

    if ( !file )
    {
        fprintf(stderr, "usage: mksyms hypervisor.elf\n");
        return 2;
    }
    fd = open(file, O_RDWR);
    if ( fd < 0 || fstat(fd, &st) )
        return fail(file, "cannot open");
    img = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if ( img == MAP_FAILED )
        return fail(file, "cannot map");

    eh = (const Elf64_Ehdr *)img;
    if ( memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
         eh->e_ident[EI_CLASS] != ELFCLASS64 )
        return fail(file, "not an ELF64 file");
    sh = (const Elf64_Shdr *)(img + eh->e_shoff);
    shstr = (const char *)img + sh[eh->e_shstrndx].sh_offset;
    for ( i = 0; i < eh->e_shnum; i++ )
    {
        if ( sh[i].sh_type == SHT_SYMTAB )
            symtab = &sh[i];
        if ( !strcmp(shstr + sh[i].sh_name, ".text") )
            text = &sh[i];
    }
    if ( !symtab || !text )
        return fail(file, "no symbol table or no .text");

    syms = (const Elf64_Sym *)(img + symtab->sh_offset);
    strtab = (const char *)img + sh[symtab->sh_link].sh_offset;
    nsyms = symtab->sh_size / sizeof(*syms);
    list = calloc(nsyms, sizeof(*list));
    if ( !list )
        return fail(file, "out of memory");

    for ( i = 0; i < nsyms; i++ )
    {
        const Elf64_Sym *s = &syms[i];
        const char *name = strtab + s->st_name;
        unsigned int type = ELF64_ST_TYPE(s->st_info);

        if ( !strcmp(name, "hv_symtab") )
            table = s;
        /* Code only: functions and assembly labels in .text. */
        if ( !*name || name[0] == '.' || s->st_shndx != text - sh ||
             (type != STT_FUNC && type != STT_NOTYPE) )
            continue;
        list[n].addr = s->st_value;
        list[n].size = s->st_size;
        list[n].name = name;
        list[n].rank = (type == STT_FUNC) * 2 +
                       (ELF64_ST_BIND(s->st_info) != STB_LOCAL);
        n++;
    }
    if ( !table )
        return fail(file, "no hv_symtab array to fill");

    qsort(list, n, sizeof(*list), by_addr);
    for ( i = 0; i < n; i++ )
        if ( !out || list[out - 1].addr != list[i].addr )
            list[out++] = list[i];

    blob = img + sh[table->st_shndx].sh_offset +
           (table->st_value - sh[table->st_shndx].sh_addr);
    memset(blob, 0, table->st_size);
    hdr = (struct hv_symtab_header *)blob;
    ent = (struct hv_symtab_entry *)(hdr + 1);
    names = sizeof(*hdr) + out * sizeof(*ent);
    for ( i = 0; i < out; i++ )
    {
        size_t len = strlen(list[i].name) + 1;

        if ( names + len > table->st_size )
        {
            fprintf(stderr, "mksyms: %s: %zu symbols do not fit in %lu "
                    "bytes: raise HV_SYMTAB_SIZE\n", file, out,
                    (unsigned long)table->st_size);
            return 1;
        }
        ent[i].offset = list[i].addr - HV_SYMTAB_BASE;
        ent[i].size = list[i].size;
        ent[i].name = names;
        memcpy(blob + names, list[i].name, len);
        names += len;
    }
    hdr->count = out;
    hdr->magic = HV_SYMTAB_MAGIC;

    if ( msync(img, st.st_size, MS_SYNC) || munmap(img, st.st_size) ||
         close(fd) )
        return fail(file, "cannot write back");
    free(list);
    return 0;
}
