/* SPDX-License-Identifier: GPL-2.0-only */
/* Physical CPU lists as vcpu-pin takes them: "all", or numbers and
 * ranges such as 0-3,6. */
#ifndef VMCTL_CPULIST_H
#define VMCTL_CPULIST_H

#include <stdbool.h>
#include <stdint.h>

/* Above Xen's largest build-time NR_CPUS (4095). */
#define VMCTL_MAX_CPUS 4096

struct vmctl_cpulist
{
    bool all;
    unsigned int nr;                     /* highest CPU listed, plus one */
    uint8_t map[VMCTL_MAX_CPUS / 8];     /* bit N: CPU N */
};

/* 0 or -EINVAL (malformed), -ERANGE (a CPU beyond VMCTL_MAX_CPUS). */
int vmctl_cpulist_parse(const char *text, struct vmctl_cpulist *list);

#endif /* VMCTL_CPULIST_H */
