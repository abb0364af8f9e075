/* SPDX-License-Identifier: GPL-2.0-only */
/* Checked access to guest virtual memory from the hypervisor. */
#ifndef ASM_UACCESS_H
#define ASM_UACCESS_H

#include <hv/types.h>

/*
 * Is [addr, addr + n) a range a guest may name?  Canonical, not
 * wrapping, and clear of the hypervisor's slots (0xffff8000_00000000 -
 * 0xffff87ff_ffffffff).
 */
bool guest_range_ok(unsigned long addr, size_t n);

/*
 * Copy between hypervisor memory and the current guest address space.
 * Returns the number of bytes NOT copied: n for a range the guest may not
 * name, and the remainder when a page fault stopped the copy midway.
 */
unsigned long raw_copy_from_guest(void *to, const void *from_guest,
                                  size_t n);
unsigned long raw_copy_to_guest(void *to_guest, const void *from, size_t n);
/* Zero guest memory; same return convention. */
unsigned long raw_clear_guest(void *to_guest, size_t n);

#endif /* ASM_UACCESS_H */
