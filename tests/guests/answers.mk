# SPDX-License-Identifier: GPL-2.0-only
# Xen 4.17's answers for the calls of features we do not have: refusal
# codes and the small answers, from dom0.

check_PROGRAMS += tests/guests/xen-answers.elf
tests_guests_xen_answers_elf_SOURCES = tests/guests/xen-answers.c \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_xen_answers_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_xen_answers_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_xen_answers_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_xen_answers_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_xen_answers_elf_LDADD = $(GUEST_LIB)
tests_guests_xen_answers_elf_DEPENDENCIES = $(GUEST_DEPS)

ANSWERS_BOOT_CASES = tests/boot/cases/xen-answers.case

TESTS += $(ANSWERS_BOOT_CASES)
EXTRA_DIST += $(ANSWERS_BOOT_CASES)
