/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall handlers.  Each do_*() takes the guest's arguments with the
 * types Xen gives them (so a 32-bit argument ignores the upper half of its
 * register, as on Xen) and returns the value the guest sees in RAX.
 */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>
#include <hv/guest-access.h>

long do_xen_version(int cmd, guest_va_t arg);
long do_console_io(unsigned int cmd, unsigned int count, guest_va_t buffer);
long do_sched_op(int cmd, guest_va_t arg);
long do_sched_op_compat(int cmd, unsigned long arg);

#endif /* HV_HYPERCALL_H */
