/* SPDX-License-Identifier: GPL-2.0-only */
/* Legacy entry point for the x86-64 definitions. */
#include "arch-x86/xen.h"
