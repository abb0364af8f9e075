# SPDX-License-Identifier: GPL-2.0-only
# The three test tiers; each folder brings its own fragment.
include $(srcdir)/tests/unit/local.mk
include $(srcdir)/tests/unit/builder.mk
include $(srcdir)/tests/unit/pv.mk
include $(srcdir)/tests/unit/evtchn.mk
include $(srcdir)/tests/abi/local.mk
include $(srcdir)/tests/guests/local.mk
include $(srcdir)/tests/boot/local.mk
include $(srcdir)/tests/boot/bad.mk
include $(srcdir)/tests/guests/cpu.mk
include $(srcdir)/tests/guests/mmu.mk
include $(srcdir)/tests/unit/mm.mk
include $(srcdir)/tests/guests/time.mk
include $(srcdir)/tests/unit/vmctl.mk
include $(srcdir)/tests/linux/local.mk
include $(srcdir)/tests/unit/emul.mk
include $(srcdir)/tests/unit/time.mk
include $(srcdir)/tests/unit/vmstored.mk
include $(srcdir)/tests/guests/dom.mk
include $(srcdir)/tests/unit/domctl.mk
# Mechanical style rules over every source file.
TESTS += tests/style/check-style
EXTRA_DIST += tests/style/check-style
include $(srcdir)/tests/unit/libctl.mk
include $(srcdir)/tests/guests/gnttab.mk
include $(srcdir)/tests/unit/gnttab.mk
include $(srcdir)/tests/unit/consoled.mk
include $(srcdir)/tests/guests/sched.mk
include $(srcdir)/tests/unit/sched-core.mk
include $(srcdir)/tests/unit/contin.mk
include $(srcdir)/tests/guests/contin.mk
