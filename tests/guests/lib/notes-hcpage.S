/* SPDX-License-Identifier: GPL-2.0-only */
/* The ELF notes variant that also asks for a hypercall page. */
#define HVTEST_HYPERCALL_PAGE 1
#include "notes.S"
