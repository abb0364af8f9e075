# SPDX-License-Identifier: GPL-2.0-only
# Arch-neutral domain and hypercall code.
HV_COMMON_PV_SOURCES = \
	hypervisor/common/domain.c \
	hypervisor/common/kernel.c \
	hypervisor/common/console-io.c \
	hypervisor/common/console-input.c \
	hypervisor/common/schedule.c \
	hypervisor/common/timer.c \
	hypervisor/common/sched/credit.c \
	hypervisor/common/sched/core.c \
	hypervisor/include/hv/sched.h \
	hypervisor/include/hv/sched-if.h \
	hypervisor/common/version.c \
	hypervisor/common/event_channel.c \
	hypervisor/common/event_2l.c \
	hypervisor/common/time.c \
	hypervisor/common/vcpu-timer.c \
	hypervisor/common/runstate.c \
	hypervisor/common/vcpu-op.c \
	hypervisor/include/hv/time.h \
	hypervisor/common/memory.c \
	hypervisor/common/memory-answers.c \
	hypervisor/common/hypercall-answers.c \
	hypervisor/include/hv/answers.h \
	hypervisor/common/vm-assist.c \
	hypervisor/include/hv/mm.h \
	hypervisor/common/event_channel.h \
	hypervisor/include/hv/event.h \
	hypervisor/include/hv/spinlock.h

# Domain and system control: domctl, sysctl and the domain lifecycle.
HV_COMMON_PV_SOURCES += \
	hypervisor/common/domain-config.c \
	hypervisor/common/domctl.c \
	hypervisor/common/domctl-domain.c \
	hypervisor/common/domctl-vcpu.c \
	hypervisor/common/domctl-sched.c \
	hypervisor/common/sysctl.c \
	hypervisor/common/sysctl-info.c \
	hypervisor/common/sysctl-console.c \
	hypervisor/include/hv/domctl.h

# Grant tables, version 1.
HV_COMMON_PV_SOURCES += \
	hypervisor/common/grant_table.c \
	hypervisor/common/grant-map.c \
	hypervisor/common/grant-copy.c \
	hypervisor/common/grant-private.h \
	hypervisor/include/hv/grant_table.h

# Continuations: long hypercalls stop and are issued again.
HV_COMMON_PV_SOURCES += \
	hypervisor/common/hypercall-continue.c \
	hypervisor/include/hv/continuation.h

# platform_op: the hardware domain's host-wide operations.
HV_COMMON_PV_SOURCES += \
	hypervisor/common/platform-op.c \
	hypervisor/include/hv/platform-op.h
