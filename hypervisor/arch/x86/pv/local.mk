# SPDX-License-Identifier: GPL-2.0-only
# PV machine code (hypervisor/arch/x86/pv/): list its files here.
HV_PV_SOURCES =
