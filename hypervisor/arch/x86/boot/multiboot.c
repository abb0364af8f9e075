/* SPDX-License-Identifier: GPL-2.0-only */
/* Multiboot v1 information -> struct boot_info.  Everything we keep is
 * copied, so the loader's memory may be reused once the allocator runs. */

#include <hv/boot.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <asm/page.h>
#include <asm/multiboot.h>

static struct boot_info info;
const struct boot_info *boot_info = &info;

static char cmdline_copy[BOOT_STRING_MAX];
static char loader_copy[64];
static char mod_strings[BOOT_MAX_MODS][BOOT_STRING_MAX];

/* The boot page tables map the low 4 GiB at the directmap. */
static const void *mb_ptr(uint32_t pa)
{
    return maddr_to_virt(pa);
}

static void copy_string(char *dst, size_t size, uint32_t pa)
{
    const char *s = mb_ptr(pa);

    strlcpy(dst, pa ? s : "", size);
}

static void add_reserved(paddr_t start, paddr_t end)
{
    if ( info.nr_reserved < BOOT_MAX_RESERVED && end > start )
    {
        info.reserved[info.nr_reserved].start = start;
        info.reserved[info.nr_reserved].end = end;
        info.reserved[info.nr_reserved].type = E820_RESERVED;
        info.nr_reserved++;
    }
}

static void add_region(paddr_t start, paddr_t end, uint32_t type)
{
    unsigned int i;

    if ( end <= start || info.nr_memmap == BOOT_MAX_MEMMAP )
        return;
    /* Insertion sort: maps are short and usually sorted already. */
    for ( i = info.nr_memmap; i && info.memmap[i - 1].start > start; i-- )
        info.memmap[i] = info.memmap[i - 1];
    info.memmap[i].start = start;
    info.memmap[i].end = end;
    info.memmap[i].type = type;
    info.nr_memmap++;
}

static void parse_memmap(const struct multiboot_info *mbi)
{
    uint32_t off = 0;

    if ( !(mbi->flags & MBI_MMAP) )
    {
        /* Only the two legacy counters: conventional and extended RAM. */
        if ( mbi->flags & MBI_MEMORY )
        {
            add_region(0, (paddr_t)mbi->mem_lower << 10, E820_RAM);
            add_region(0x100000, 0x100000 + ((paddr_t)mbi->mem_upper << 10),
                       E820_RAM);
        }
        return;
    }

    add_reserved(mbi->mmap_addr, (paddr_t)mbi->mmap_addr + mbi->mmap_length);
    while ( off + sizeof(struct multiboot_mmap_entry) <= mbi->mmap_length )
    {
        const struct multiboot_mmap_entry *e = mb_ptr(mbi->mmap_addr + off);

        add_region(e->addr, e->addr + e->len, e->type);
        /* 'size' does not count itself. */
        off += e->size + sizeof(e->size);
    }
}

static void parse_modules(const struct multiboot_info *mbi)
{
    const struct multiboot_module *mods;
    unsigned int i;

    if ( !(mbi->flags & MBI_MODS) || !mbi->mods_count )
        return;
    mods = mb_ptr(mbi->mods_addr);
    add_reserved(mbi->mods_addr,
                 mbi->mods_addr + mbi->mods_count * sizeof(*mods));
    for ( i = 0; i < mbi->mods_count && i < BOOT_MAX_MODS; i++ )
    {
        copy_string(mod_strings[i], BOOT_STRING_MAX, mods[i].string);
        info.mods[i].start = mods[i].mod_start;
        info.mods[i].end = mods[i].mod_end;
        info.mods[i].string = mod_strings[i];
        add_reserved(mods[i].mod_start, mods[i].mod_end);
    }
    info.nr_mods = i;
}

void multiboot_parse(unsigned long mbi_paddr)
{
    const struct multiboot_info *mbi = mb_ptr(mbi_paddr);

    info.cmdline = cmdline_copy;
    info.loader = loader_copy;
    add_reserved(mbi_paddr, mbi_paddr + sizeof(*mbi));

    if ( mbi->flags & MBI_CMDLINE )
        copy_string(cmdline_copy, sizeof(cmdline_copy), mbi->cmdline);
    if ( mbi->flags & MBI_LOADER_NAME )
        copy_string(loader_copy, sizeof(loader_copy), mbi->boot_loader_name);
    parse_memmap(mbi);
    parse_modules(mbi);
}
