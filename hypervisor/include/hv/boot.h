/* SPDX-License-Identifier: GPL-2.0-only */
/* What the boot loader handed over, in a loader-neutral form. */
#ifndef HV_BOOT_H
#define HV_BOOT_H

#include <hv/types.h>

#define BOOT_MAX_MODS       8
#define BOOT_MAX_MEMMAP     64
#define BOOT_MAX_RESERVED   (BOOT_MAX_MODS + 8)
#define BOOT_STRING_MAX     1024

/* E820 region types. */
#define E820_RAM            1
#define E820_RESERVED       2
#define E820_ACPI           3
#define E820_NVS            4
#define E820_UNUSABLE       5

struct boot_module
{
    paddr_t start, end;             /* machine addresses, end exclusive */
    const char *string;             /* the module's command line */
};

struct boot_mem_region
{
    paddr_t start, end;             /* end exclusive */
    uint32_t type;                  /* E820_* */
};

struct boot_info
{
    const char *cmdline;            /* as given, image name included */
    const char *loader;             /* boot loader's name, or "" */
    unsigned int nr_mods;           /* first: dom0 kernel; second: initrd */
    struct boot_module mods[BOOT_MAX_MODS];
    unsigned int nr_memmap;         /* sorted by start */
    struct boot_mem_region memmap[BOOT_MAX_MEMMAP];
    /* Loader data the frame allocator must not hand out (modules too). */
    unsigned int nr_reserved;
    struct boot_mem_region reserved[BOOT_MAX_RESERVED];
};

/* Filled before anything else runs; the strings are copies we own. */
extern const struct boot_info *boot_info;

/* The machine layer's end of boot: builds and starts dom0, never returns.
 * A weak default says "no dom0 builder" and idles. */
void __noreturn pv_start_dom0(void);
/*
 * Give the boot modules' frames to the allocator once dom0 holds copies
 * of them: a Linux dom0's kernel and initramfs are 100 MiB and more.
 */
void boot_modules_release(void);

/* Boot CPU entry from the assembly start code. */
void __noreturn start_hv(unsigned long mbi_paddr);

#endif /* HV_BOOT_H */
