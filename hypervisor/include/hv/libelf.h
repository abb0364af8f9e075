/* SPDX-License-Identifier: GPL-2.0-only */
/* ELF64 guest kernels: header checks, Xen ELF notes, loading by guest VA.
 * The image is untrusted input (a multiboot module): every field is checked
 * against the buffer before use. Freestanding; also built for host tests. */
#ifndef HV_LIBELF_H
#define HV_LIBELF_H

#include <hv/types.h>

/* Value of an address field no note has set (Xen's UNSET_ADDR). */
#define ELF_UNSET_ADDR      (~(uint64_t)0)
#define ELF_UNSET_ADDR32    (~(uint32_t)0)

/* Words of XENFEAT_* bits a kernel can name (XENFEAT_NR_SUBMAPS). */
#define ELF_XENFEAT_WORDS   1

/* The hypervisor's reserved VA range for 64-bit PV guests. */
#define ELF_HV_VIRT_START   0xffff800000000000ULL
#define ELF_HV_VIRT_END     0xffff880000000000ULL

/* Size of the error text buffers below (message of the last failure). */
#define ELF_ERR_LEN         128

/*
 * A parsed ELF64 image. Filled by elf_init() from a caller buffer that must
 * stay valid (and unchanged) while the structure is in use.
 */
struct elf_binary {
    const uint8_t *image;
    size_t size;

    uint64_t e_entry;
    uint64_t phoff;             /* program headers: checked inside image */
    unsigned int phnum;
    uint64_t shoff;             /* section headers: checked, or shnum = 0 */
    unsigned int shnum;

    /* Span of the loadable segments in ELF physical addresses (p_paddr). */
    uint64_t pstart;            /* lowest p_paddr */
    uint64_t pend;              /* highest p_paddr + p_memsz */
    unsigned int nr_load;       /* number of loadable PT_LOADs */

    /*
     * Guest VA of a segment = p_paddr + virt_offset. Zero after elf_init();
     * elf_xen_parse() sets it to virt_base - elf_paddr_offset.
     */
    uint64_t virt_offset;

    char err[ELF_ERR_LEN];      /* why the last call failed */
};

enum elf_pae_mode {
    ELF_PAE_NO = 0,
    ELF_PAE_YES,
    ELF_PAE_EXTCR3,             /* note "yes" */
    ELF_PAE_BIMODAL,            /* note contains "bimodal" */
};

/* What the kernel's Xen ELF notes say, with Xen's defaults applied. */
struct elf_dom_parms {
    /* Bit n set when a note of type n (XEN_ELFNOTE_*, n < 32) was seen. */
    uint32_t notes_present;

    /* String notes, NUL-terminated, truncated to fit. */
    char guest_os[16];
    char guest_ver[16];
    char xen_ver[16];
    char loader[16];

    enum elf_pae_mode pae;
    bool bsd_symtab;            /* BSD_SYMTAB "yes" (not supported: noted) */
    bool unmapped_initrd;       /* MOD_START_PFN != 0 */
    bool suspend_cancel;        /* SUSPEND_CANCEL != 0 */

    uint64_t virt_base;         /* VIRT_BASE, default 0 */
    uint64_t virt_entry;        /* ENTRY, default e_entry */
    uint64_t virt_hypercall;    /* HYPERCALL_PAGE or ELF_UNSET_ADDR */
    uint64_t virt_hv_start_low; /* HV_START_LOW or ELF_UNSET_ADDR */
    uint64_t p2m_base;          /* INIT_P2M or ELF_UNSET_ADDR */
    uint64_t elf_paddr_offset;  /* PADDR_OFFSET, default 0 */
    uint32_t phys_entry;        /* PHYS32_ENTRY (PVH only) or UNSET_ADDR32 */

    /* L1_MFN_VALID: first (mask, value) pair; both 0 when absent. */
    uint64_t l1_mfn_valid_mask;
    uint64_t l1_mfn_valid_value;

    /* XENFEAT_* bit n is bit (n % 32) of word n / 32. */
    uint32_t f_supported[ELF_XENFEAT_WORDS];
    uint32_t f_required[ELF_XENFEAT_WORDS];

    /* Calculated: the kernel's guest VA range [virt_kstart, virt_kend). */
    uint64_t virt_offset;
    uint64_t virt_kstart;
    uint64_t virt_kend;
};

/*
 * Check the ELF64 headers of image[0..size) and its program headers.
 * Refuses (with elf->err set): bad magic, 32-bit or big-endian ELF, wrong
 * machine, not ET_EXEC, truncated headers or segments, p_filesz > p_memsz,
 * a segment wrapping the address space, no loadable PT_LOAD.
 * Returns 0, -ENOEXEC (not a usable ELF) or -EINVAL (malformed).
 */
int elf_init(struct elf_binary *elf, const void *image, size_t size);

/*
 * Parse the Xen notes (owner "Xen") of PT_NOTE segments, or of SHT_NOTE
 * sections when no PT_NOTE holds any, apply Xen's defaults and checks
 * (LOADER "generic" or GUEST_OS "linux", XEN_VERSION "xen-3.0*", entry and
 * hypercall page inside the kernel, no overlap with the hypervisor range,
 * page-aligned VIRT_BASE), and set elf->virt_offset for elf_load().
 * Returns 0 or -EINVAL with elf->err set.
 */
int elf_xen_parse(struct elf_binary *elf, struct elf_dom_parms *parms);

/*
 * Extra checks Xen makes before building dom0 from parsed notes: a kernel
 * listing SUPPORTED_FEATURES must name XENFEAT_dom0, and none may require
 * supervisor_mode_kernel. Returns 0 or -EINVAL with elf->err set.
 */
int elf_xen_dom0_check(struct elf_binary *elf,
                       const struct elf_dom_parms *parms);

static inline bool elf_xen_note_present(const struct elf_dom_parms *parms,
                                        unsigned int type)
{
    return type < 32 && (parms->notes_present & (1U << type));
}

static inline bool elf_xen_feature_get(unsigned int nr,
                                       const uint32_t *bitmap)
{
    return nr < 32 * ELF_XENFEAT_WORDS &&
           (bitmap[nr / 32] & (1U << (nr % 32)));
}

/* One program header, read from the image (elf_init() checked the table). */
struct elf_phdr_info {
    uint32_t p_type;
    uint32_t p_flags;
    uint64_t p_offset;
    uint64_t p_vaddr;
    uint64_t p_paddr;
    uint64_t p_filesz;
    uint64_t p_memsz;
};

/* One section header (only what note lookup needs). */
struct elf_shdr_info {
    uint32_t sh_type;
    uint64_t sh_offset;
    uint64_t sh_size;
};

/* Read header i (i < elf->phnum / elf->shnum) of an initialised image. */
void elf_phdr_read(const struct elf_binary *elf, unsigned int i,
                   struct elf_phdr_info *ph);
void elf_shdr_read(const struct elf_binary *elf, unsigned int i,
                   struct elf_shdr_info *sh);

/* PT_LOAD with some access right: what Xen loads (and we do too). */
bool elf_phdr_is_loadable(const struct elf_phdr_info *ph);

/* Record why a libelf call fails (for libelf*.c). */
void elf_set_err(struct elf_binary *elf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Guest-memory accessor for elf_load(): return a writable host pointer to
 * len bytes at guest virtual address va, or NULL if that is not possible.
 * Requests never cross a 4 KiB page boundary (len <= PAGE_SIZE).
 */
typedef void *elf_va_to_ptr_t(void *opaque, uint64_t va, size_t len);

/*
 * Copy every loadable PT_LOAD's file bytes to guest VA p_paddr + virt_offset
 * and zero-fill up to p_memsz, one page-bounded chunk at a time.
 * Returns 0, or -EFAULT when va_to_ptr returns NULL, or -EINVAL if elf was
 * not accepted by elf_init().
 */
int elf_load(const struct elf_binary *elf, elf_va_to_ptr_t *va_to_ptr,
             void *opaque);

#endif /* HV_LIBELF_H */
