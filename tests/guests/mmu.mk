# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and their boot cases for the PV mmu work.
