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

check_PROGRAMS += tests/guests/dom-vcpu.elf
tests_guests_dom_vcpu_elf_SOURCES = tests/guests/dom-vcpu.c \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_vcpu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_vcpu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_vcpu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_vcpu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_vcpu_elf_LDADD = $(GUEST_LIB)
tests_guests_dom_vcpu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/dom-sysctl.elf
tests_guests_dom_sysctl_elf_SOURCES = tests/guests/dom-sysctl.c \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_sysctl_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_sysctl_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_sysctl_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_sysctl_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_sysctl_elf_LDADD = $(GUEST_LIB)
tests_guests_dom_sysctl_elf_DEPENDENCIES = $(GUEST_DEPS)

DOM_CASES = tests/boot/cases/dom-lifecycle.case \
	tests/boot/cases/dom-vcpu.case tests/boot/cases/dom-sysctl.case
TESTS += $(DOM_CASES)
EXTRA_DIST += $(DOM_CASES)
