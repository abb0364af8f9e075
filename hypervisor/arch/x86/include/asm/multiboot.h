/* SPDX-License-Identifier: GPL-2.0-only */
/* Multiboot v1 information structures (the loader -> kernel part). */
#ifndef ASM_MULTIBOOT_H
#define ASM_MULTIBOOT_H

#include <hv/types.h>

#define MULTIBOOT_BOOTLOADER_MAGIC  0x2badb002

#define MBI_MEMORY          (1u << 0)
#define MBI_CMDLINE         (1u << 2)
#define MBI_MODS            (1u << 3)
#define MBI_MMAP            (1u << 6)
#define MBI_LOADER_NAME     (1u << 9)

struct multiboot_info
{
    uint32_t flags;
    uint32_t mem_lower;             /* KiB from 0 */
    uint32_t mem_upper;             /* KiB from 1 MiB */
    uint32_t boot_device;
    uint32_t cmdline;
    uint32_t mods_count;
    uint32_t mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length;
    uint32_t mmap_addr;
    uint32_t drives_length;
    uint32_t drives_addr;
    uint32_t config_table;
    uint32_t boot_loader_name;
};

struct multiboot_module
{
    uint32_t mod_start;
    uint32_t mod_end;
    uint32_t string;
    uint32_t reserved;
};

struct multiboot_mmap_entry
{
    uint32_t size;                  /* of the rest of the entry */
    uint64_t addr;
    uint64_t len;
    uint32_t type;
} __packed;

/* Fill boot_info from the loader's data (reached through the directmap). */
void multiboot_parse(unsigned long mbi_paddr);

#endif /* ASM_MULTIBOOT_H */
