# SPDX-License-Identifier: GPL-2.0-only
# Common PV code (domains, hypercalls, dom0 builder): list its files here.
HV_COMMON_PV_SOURCES =
