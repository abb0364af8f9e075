/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The environment the MMU code expects, faked for host tests: one domain
 * with one VCPU, an M2P array, guest copies over plain memory.  The tests
 * that link arch/x86/mm/ share it.
 */
#ifndef MM_ENV_H
#define MM_ENV_H

#include <hv/types.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <asm/mm.h>

#define NR_FRAMES   1024
#define FIRST_RAM   0x100

extern pgentry_t idle_pg_table[PAGETABLE_ENTRIES];
extern struct domain dom;
extern struct vcpu vcpu0;
extern struct shared_info shinfo;
extern unsigned long m2p[NR_FRAMES];

/* iomem_check(): may the privileged domain map I/O frames below 4 GiB? */
extern bool mm_env_privileged_iomem;

/*
 * Allocator, frame table (every frame RAM) and arena for NR_FRAMES frames,
 * and dom (id 0, the hardware domain) with vcpu0 in kernel mode.  0, or -1
 * if memory ran out.
 */
int mm_env_init(unsigned long max_pages, bool privileged);

#endif /* MM_ENV_H */
