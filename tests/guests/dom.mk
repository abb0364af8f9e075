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

# An unprivileged domU built by dom0 attacks it (dom-unpriv), and an
# interdomain event ping-pong (dom-pingpong): each dom0 guest carries its
# domU's image, as the sched-* guests do.
EXTRA_DIST += tests/guests/dom-peer.h

check_PROGRAMS += tests/guests/dom-unpriv-domu.elf
tests_guests_dom_unpriv_domu_elf_SOURCES = tests/guests/dom-unpriv-domu.c \
	tests/guests/dom-peer.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_unpriv_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_unpriv_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_unpriv_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_unpriv_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_unpriv_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_dom_unpriv_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libdom-unpriv-image.a
tests_guests_libdom_unpriv_image_a_SOURCES = tests/guests/dom-unpriv-image.S
tests/guests/dom-unpriv-image.$(OBJEXT): tests/guests/dom-unpriv-domu.elf

check_PROGRAMS += tests/guests/dom-unpriv.elf
tests_guests_dom_unpriv_elf_SOURCES = tests/guests/dom-unpriv.c \
	tests/guests/dom-peer.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_unpriv_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_unpriv_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_unpriv_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_unpriv_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_unpriv_elf_LDADD = tests/guests/libdom-unpriv-image.a \
	$(GUEST_LIB)
tests_guests_dom_unpriv_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libdom-unpriv-image.a

check_PROGRAMS += tests/guests/dom-pingpong-domu.elf
tests_guests_dom_pingpong_domu_elf_SOURCES = tests/guests/dom-pingpong-domu.c \
	tests/guests/dom-peer.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_pingpong_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_pingpong_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_pingpong_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_pingpong_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_pingpong_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_dom_pingpong_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libdom-pingpong-image.a
tests_guests_libdom_pingpong_image_a_SOURCES = \
	tests/guests/dom-pingpong-image.S
tests/guests/dom-pingpong-image.$(OBJEXT): tests/guests/dom-pingpong-domu.elf

check_PROGRAMS += tests/guests/dom-pingpong.elf
tests_guests_dom_pingpong_elf_SOURCES = tests/guests/dom-pingpong.c \
	tests/guests/dom-peer.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_dom_pingpong_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_dom_pingpong_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_dom_pingpong_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_dom_pingpong_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_dom_pingpong_elf_LDADD = tests/guests/libdom-pingpong-image.a \
	$(GUEST_LIB)
tests_guests_dom_pingpong_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libdom-pingpong-image.a

DOM_CASES += tests/boot/cases/dom-unpriv.case \
	tests/boot/cases/dom-pingpong.case
