# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests of domain control (domctl, sysctl, the lifecycle of
# domains dom0 creates) and their boot cases.

check_PROGRAMS += tests/guests/dom-lifecycle.elf
tests_guests_dom_lifecycle_elf_SOURCES = tests/guests/dom-lifecycle.c \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_lifecycle_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_lifecycle_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_lifecycle_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_lifecycle_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_lifecycle_elf_LDADD = $(GUEST_LIB)
tests_guests_dom_lifecycle_elf_DEPENDENCIES = $(GUEST_DEPS)

DOM_CASES = tests/boot/cases/dom-lifecycle.case
TESTS += $(DOM_CASES)
EXTRA_DIST += $(DOM_CASES)
