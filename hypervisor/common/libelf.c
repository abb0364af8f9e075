/* SPDX-License-Identifier: GPL-2.0-only */
/* ELF64 header and program-header checks for untrusted kernel images.
 * Fields are read byte-wise: the module may sit at any alignment. */

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/libelf.h>

/* ELF64 layout (System V gABI), little-endian only. */
#define EI_CLASS        4
#define EI_DATA         5
#define ELFCLASS32      1
#define ELFCLASS64      2
#define ELFDATA2LSB     1
#define ET_EXEC         2
#define EM_386          3
#define EM_X86_64       62
#define PT_LOAD         1
#define PF_RWX          7

#define EHDR_SIZE       64
#define EH_TYPE         16
#define EH_MACHINE      18
#define EH_ENTRY        24
#define EH_PHOFF        32
#define EH_SHOFF        40
#define EH_PHENTSIZE    54
#define EH_PHNUM        56
#define EH_SHENTSIZE    58
#define EH_SHNUM        60

#define PHDR_SIZE       56
#define SHDR_SIZE       64

static uint16_t rd16(const uint8_t *p)
{
    return p[0] | (uint16_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
    return rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

static uint64_t rd64(const uint8_t *p)
{
    return rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

void elf_set_err(struct elf_binary *elf, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(elf->err, sizeof(elf->err), fmt, ap);
    va_end(ap);
}

void elf_phdr_read(const struct elf_binary *elf, unsigned int i,
                   struct elf_phdr_info *ph)
{
    const uint8_t *p = elf->image + elf->phoff + (uint64_t)i * PHDR_SIZE;

    ph->p_type = rd32(p);
    ph->p_flags = rd32(p + 4);
    ph->p_offset = rd64(p + 8);
    ph->p_vaddr = rd64(p + 16);
    ph->p_paddr = rd64(p + 24);
    ph->p_filesz = rd64(p + 32);
    ph->p_memsz = rd64(p + 40);
}

void elf_shdr_read(const struct elf_binary *elf, unsigned int i,
                   struct elf_shdr_info *sh)
{
    const uint8_t *p = elf->image + elf->shoff + (uint64_t)i * SHDR_SIZE;

    sh->sh_type = rd32(p + 4);
    sh->sh_offset = rd64(p + 24);
    sh->sh_size = rd64(p + 32);
}

bool elf_phdr_is_loadable(const struct elf_phdr_info *ph)
{
    return ph->p_type == PT_LOAD && (ph->p_flags & PF_RWX);
}

/* Is [off, off + len) inside the image? Written so nothing can wrap. */
static bool elf_range_ok(const struct elf_binary *elf, uint64_t off,
                         uint64_t len)
{
    return off <= elf->size && len <= elf->size - off;
}

static int elf_check_ident(struct elf_binary *elf, const uint8_t *p,
                           size_t size)
{
    static const uint8_t magic[4] = { 0x7f, 'E', 'L', 'F' };

    if ( size < sizeof(magic) || memcmp(p, magic, sizeof(magic)) )
    {
        elf_set_err(elf, "not an ELF image (bad magic)");
        return -ENOEXEC;
    }
    if ( size <= EI_DATA )
    {
        elf_set_err(elf, "truncated ELF header (%llu bytes)",
                    (unsigned long long)size);
        return -EINVAL;
    }
    if ( p[EI_CLASS] == ELFCLASS32 )
    {
        elf_set_err(elf, "32-bit kernels are not supported");
        return -ENOEXEC;
    }
    if ( p[EI_CLASS] != ELFCLASS64 )
    {
        elf_set_err(elf, "unknown ELF class %u", p[EI_CLASS]);
        return -ENOEXEC;
    }
    if ( p[EI_DATA] != ELFDATA2LSB )
    {
        elf_set_err(elf, "big-endian ELF images are not supported");
        return -ENOEXEC;
    }
    if ( size < EHDR_SIZE )
    {
        elf_set_err(elf, "truncated ELF header (%llu of %u bytes)",
                    (unsigned long long)size, EHDR_SIZE);
        return -EINVAL;
    }
    return 0;
}

static int elf_check_ehdr(struct elf_binary *elf, const uint8_t *p)
{
    unsigned int machine = rd16(p + EH_MACHINE);
    unsigned int type = rd16(p + EH_TYPE);

    if ( machine != EM_X86_64 )
    {
        elf_set_err(elf, "wrong ELF machine %u (%s), expected x86-64 (%u)",
                    machine, machine == EM_386 ? "i386" : "not x86",
                    EM_X86_64);
        return -ENOEXEC;
    }
    if ( type != ET_EXEC )
    {
        elf_set_err(elf, "ELF type %u is not an executable (ET_EXEC)", type);
        return -ENOEXEC;
    }
    return 0;
}

/* Both header tables must lie inside the image, as Xen's elf_init asks. */
static int elf_check_tables(struct elf_binary *elf, const uint8_t *p)
{
    unsigned int phentsize = rd16(p + EH_PHENTSIZE);
    unsigned int shentsize = rd16(p + EH_SHENTSIZE);

    elf->e_entry = rd64(p + EH_ENTRY);
    elf->phoff = rd64(p + EH_PHOFF);
    elf->phnum = rd16(p + EH_PHNUM);
    elf->shoff = rd64(p + EH_SHOFF);
    elf->shnum = rd16(p + EH_SHNUM);

    if ( elf->phnum == 0 )
    {
        elf_set_err(elf, "no program headers, hence no PT_LOAD segment");
        return -ENOEXEC;
    }
    if ( phentsize != PHDR_SIZE )
    {
        elf_set_err(elf, "program header size %u, expected %u",
                    phentsize, PHDR_SIZE);
        return -EINVAL;
    }
    if ( !elf_range_ok(elf, elf->phoff, (uint64_t)elf->phnum * PHDR_SIZE) )
    {
        elf_set_err(elf, "truncated file: %u program headers at %#llx "
                    "exceed its %llu bytes", elf->phnum,
                    (unsigned long long)elf->phoff,
                    (unsigned long long)elf->size);
        return -EINVAL;
    }

    if ( elf->shnum == 0 )
        return 0;
    if ( shentsize != SHDR_SIZE )
    {
        elf_set_err(elf, "section header size %u, expected %u",
                    shentsize, SHDR_SIZE);
        return -EINVAL;
    }
    if ( !elf_range_ok(elf, elf->shoff, (uint64_t)elf->shnum * SHDR_SIZE) )
    {
        elf_set_err(elf, "truncated file: %u section headers at %#llx "
                    "exceed its %llu bytes", elf->shnum,
                    (unsigned long long)elf->shoff,
                    (unsigned long long)elf->size);
        return -EINVAL;
    }
    return 0;
}

/*
 * Every segment with file contents must be inside the image, and every
 * loadable one must have a sane, non-wrapping memory range.
 */
static int elf_check_segment(struct elf_binary *elf, unsigned int i,
                             const struct elf_phdr_info *ph)
{
    if ( ph->p_filesz && !elf_range_ok(elf, ph->p_offset, ph->p_filesz) )
    {
        elf_set_err(elf, "truncated file: segment %u [%#llx, +%#llx) "
                    "exceeds its %llu bytes", i,
                    (unsigned long long)ph->p_offset,
                    (unsigned long long)ph->p_filesz,
                    (unsigned long long)elf->size);
        return -EINVAL;
    }
    if ( !elf_phdr_is_loadable(ph) )
        return 0;
    if ( ph->p_filesz > ph->p_memsz )
    {
        elf_set_err(elf, "segment %u: file size %#llx above memory size "
                    "%#llx", i, (unsigned long long)ph->p_filesz,
                    (unsigned long long)ph->p_memsz);
        return -EINVAL;
    }
    if ( ph->p_memsz > UINT64_MAX - ph->p_paddr )
    {
        elf_set_err(elf, "segment %u: [%#llx, +%#llx) wraps the address "
                    "space", i, (unsigned long long)ph->p_paddr,
                    (unsigned long long)ph->p_memsz);
        return -EINVAL;
    }
    return 0;
}

static int elf_scan_segments(struct elf_binary *elf)
{
    struct elf_phdr_info ph;
    unsigned int i;
    int rc;

    elf->pstart = UINT64_MAX;
    elf->pend = 0;
    for ( i = 0; i < elf->phnum; i++ )
    {
        elf_phdr_read(elf, i, &ph);
        rc = elf_check_segment(elf, i, &ph);
        if ( rc )
            return rc;
        if ( !elf_phdr_is_loadable(&ph) )
            continue;
        elf->nr_load++;
        elf->pstart = MIN(elf->pstart, ph.p_paddr);
        elf->pend = MAX(elf->pend, ph.p_paddr + ph.p_memsz);
    }
    if ( !elf->nr_load )
    {
        elf_set_err(elf, "no loadable PT_LOAD segment");
        elf->pstart = 0;
        return -ENOEXEC;
    }
    return 0;
}

int elf_init(struct elf_binary *elf, const void *image, size_t size)
{
    const uint8_t *p = image;
    int rc;

    memset(elf, 0, sizeof(*elf));
    if ( !image )
        size = 0;
    elf->image = p;
    elf->size = size;

    rc = elf_check_ident(elf, p, size);
    if ( !rc )
        rc = elf_check_ehdr(elf, p);
    if ( !rc )
        rc = elf_check_tables(elf, p);
    if ( !rc )
        rc = elf_scan_segments(elf);
    if ( rc )
    {
        /* Leave nothing that elf_load() or note parsing could walk. */
        elf->phnum = elf->shnum = 0;
        elf->nr_load = 0;
    }
    return rc;
}
