# SPDX-License-Identifier: GPL-2.0-only
# The ELF and Xen-notes loader: list its files here.
HV_LIBELF_SOURCES =
