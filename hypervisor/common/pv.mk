# SPDX-License-Identifier: GPL-2.0-only
# Arch-neutral domain and hypercall code.
HV_COMMON_PV_SOURCES = \
	hypervisor/common/domain.c \
	hypervisor/common/kernel.c \
	hypervisor/common/console-io.c \
	hypervisor/common/schedule.c \
	hypervisor/common/timer.c \
	hypervisor/common/version.c
