/* SPDX-License-Identifier: GPL-2.0-only */
/* What vmctl's commands ask of the toolstack once their arguments are
 * parsed.  Each returns VMCTL_OK or VMCTL_FAILED, having said why. */
#ifndef VMCTL_OPS_H
#define VMCTL_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "cpulist.h"
#include "domcfg.h"

int vmctl_op_create(const struct domain_config *cfg, bool paused,
                    bool console);
int vmctl_op_list(const char *domain, bool json);
int vmctl_op_info(void);
int vmctl_op_destroy(const char *domain);
int vmctl_op_shutdown(const char *domain, bool wait);
int vmctl_op_reboot(const char *domain, bool wait);
int vmctl_op_pause(const char *domain);
int vmctl_op_unpause(const char *domain);
int vmctl_op_console(const char *domain);
int vmctl_op_dmesg(bool clear);

/* @vcpu < 0: every VCPU. */
int vmctl_op_vcpu_pin(const char *domain, int vcpu,
                      const struct vmctl_cpulist *cpus);

/* @domain NULL: every domain; @weight, @cap < 0: leave unchanged. */
int vmctl_op_sched_credit(const char *domain, int weight, int cap);

int vmctl_op_mem_max(const char *domain, uint64_t kib);

#endif /* VMCTL_OPS_H */
