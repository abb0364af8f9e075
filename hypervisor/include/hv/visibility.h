/* SPDX-License-Identifier: GPL-2.0-only */
/* Forced into every hypervisor translation unit (-include): with -fpie,
 * declarations must be hidden too, or the compiler goes through the GOT
 * for every external symbol the linker then cannot resolve directly. */
#ifndef __ASSEMBLY__
#pragma GCC visibility push(hidden)
#endif
