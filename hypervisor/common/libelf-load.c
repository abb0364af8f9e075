/* SPDX-License-Identifier: GPL-2.0-only */
/* Copy a checked ELF image's loadable segments into guest memory through a
 * caller's VA-to-pointer callback, one page-bounded chunk at a time. */

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/libelf.h>

/*
 * Fill guest [va, va + len) from src, or with zeroes when src is NULL.
 * Chunks never cross a page boundary, so a callback that maps one guest
 * frame at a time serves every request.
 */
static int elf_fill(elf_va_to_ptr_t *va_to_ptr, void *opaque, uint64_t va,
                    const uint8_t *src, uint64_t len)
{
    while ( len )
    {
        size_t chunk = MIN(len, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
        void *dst = va_to_ptr(opaque, va, chunk);

        if ( !dst )
            return -EFAULT;
        if ( src )
        {
            memcpy(dst, src, chunk);
            src += chunk;
        }
        else
            memset(dst, 0, chunk);
        va += chunk;
        len -= chunk;
    }
    return 0;
}

int elf_load(const struct elf_binary *elf, elf_va_to_ptr_t *va_to_ptr,
             void *opaque)
{
    unsigned int i;
    int rc;

    if ( !elf->nr_load || !va_to_ptr )
        return -EINVAL;

    for ( i = 0; i < elf->phnum; i++ )
    {
        struct elf_phdr_info ph;
        uint64_t va;

        elf_phdr_read(elf, i, &ph);
        if ( !elf_phdr_is_loadable(&ph) )
            continue;
        /*
         * elf_init() checked the file range, p_filesz <= p_memsz and that
         * p_paddr + p_memsz does not wrap; the VA may still wrap when
         * virt_offset was never validated by elf_xen_parse().
         */
        va = ph.p_paddr + elf->virt_offset;
        if ( ph.p_memsz && ph.p_memsz - 1 > UINT64_MAX - va )
            return -EINVAL;
        rc = 0;
        if ( ph.p_filesz )
            rc = elf_fill(va_to_ptr, opaque, va, elf->image + ph.p_offset,
                          ph.p_filesz);
        if ( !rc )
            rc = elf_fill(va_to_ptr, opaque, va + ph.p_filesz, NULL,
                          ph.p_memsz - ph.p_filesz);
        if ( rc )
            return rc;
    }
    return 0;
}
