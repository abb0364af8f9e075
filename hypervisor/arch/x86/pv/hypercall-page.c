/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall page, for guests whose ELF notes ask for one: 32 bytes per
 * hypercall number, each a SYSCALL stub that preserves RCX and R11 (which
 * SYSCALL itself overwrites) so the stub is a plain function call.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <public/xen.h>
#include "pv.h"

#define STUB_SIZE 32

void pv_write_hypercall_page(uint8_t *page)
{
    for ( unsigned int nr = 0; nr < PAGE_SIZE / STUB_SIZE; nr++ )
    {
        uint8_t *p = page + nr * STUB_SIZE;
        unsigned int i = 0;

        memset(p, 0xcc, STUB_SIZE);             /* int3 padding */
        p[i++] = 0x51;                          /* push %rcx */
        p[i++] = 0x41; p[i++] = 0x53;           /* push %r11 */
        if ( nr == __HYPERVISOR_iret )
            p[i++] = 0x50;                      /* push %rax: iret frame */
        p[i++] = 0xb8;                          /* mov $nr, %eax */
        p[i++] = nr; p[i++] = 0; p[i++] = 0; p[i++] = 0;
        p[i++] = 0x0f; p[i++] = 0x05;           /* syscall */
        if ( nr == __HYPERVISOR_iret )
            continue;                           /* iret does not return */
        p[i++] = 0x41; p[i++] = 0x5b;           /* pop %r11 */
        p[i++] = 0x59;                          /* pop %rcx */
        p[i++] = 0xc3;                          /* ret */
    }
}
