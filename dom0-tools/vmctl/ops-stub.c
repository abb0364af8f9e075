/* SPDX-License-Identifier: GPL-2.0-only */
/* The toolstack operations before libctl exists: each one refuses with a
 * clear message, so that scripts see exit status 1 and not a success. */
#include <stdio.h>

#include "ops.h"
#include "vmctl.h"

static int unavailable(const char *cmd)
{
    fprintf(stderr, "vmctl: %s: not available yet: needs libctl\n", cmd);
    return VMCTL_FAILED;
}

int vmctl_op_create(const struct domain_config *cfg, bool paused,
                    bool console)
{
    (void)cfg, (void)paused, (void)console;
    return unavailable("create");
}

int vmctl_op_list(const char *domain, bool json)
{
    (void)domain, (void)json;
    return unavailable("list");
}

int vmctl_op_info(void)
{
    return unavailable("info");
}

int vmctl_op_destroy(const char *domain)
{
    (void)domain;
    return unavailable("destroy");
}

int vmctl_op_shutdown(const char *domain, bool wait)
{
    (void)domain, (void)wait;
    return unavailable("shutdown");
}

int vmctl_op_reboot(const char *domain, bool wait)
{
    (void)domain, (void)wait;
    return unavailable("reboot");
}

int vmctl_op_pause(const char *domain)
{
    (void)domain;
    return unavailable("pause");
}

int vmctl_op_unpause(const char *domain)
{
    (void)domain;
    return unavailable("unpause");
}

int vmctl_op_console(const char *domain)
{
    (void)domain;
    return unavailable("console");
}

int vmctl_op_dmesg(bool clear)
{
    (void)clear;
    return unavailable("dmesg");
}

int vmctl_op_vcpu_pin(const char *domain, int vcpu,
                      const struct vmctl_cpulist *cpus)
{
    (void)domain, (void)vcpu, (void)cpus;
    return unavailable("vcpu-pin");
}

int vmctl_op_sched_credit(const char *domain, int weight, int cap)
{
    (void)domain, (void)weight, (void)cap;
    return unavailable("sched-credit");
}

int vmctl_op_mem_max(const char *domain, uint64_t kib)
{
    (void)domain, (void)kib;
    return unavailable("mem-max");
}
