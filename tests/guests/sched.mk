# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests of scheduling several domains: a dom0 builds domUs
# from the sched-domu image (linked into it by libsched-image.a) and runs
# them, then their boot cases.

# The domU: a guest like the others, which dom0 carries as data.
check_PROGRAMS += tests/guests/sched-domu.elf
tests_guests_sched_domu_elf_SOURCES = tests/guests/sched-domu.c \
	tests/guests/domu-console.c tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_sched_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

# Its image as an object; the assembler reads it from the build tree.
check_LIBRARIES += tests/guests/libsched-image.a
tests_guests_libsched_image_a_SOURCES = tests/guests/sched-image.S
tests/guests/sched-image.$(OBJEXT): tests/guests/sched-domu.elf

SCHED_GUEST_LIBS = tests/guests/libsched-image.a $(GUEST_LIB)

check_PROGRAMS += tests/guests/sched-dom.elf
tests_guests_sched_dom_elf_SOURCES = tests/guests/sched-dom.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_dom_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_dom_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_dom_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_dom_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_dom_elf_LDADD = $(SCHED_GUEST_LIBS)
tests_guests_sched_dom_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libsched-image.a

check_PROGRAMS += tests/guests/sched-weight.elf
tests_guests_sched_weight_elf_SOURCES = tests/guests/sched-weight.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_weight_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_weight_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_weight_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_weight_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_weight_elf_LDADD = $(SCHED_GUEST_LIBS)
tests_guests_sched_weight_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libsched-image.a

check_PROGRAMS += tests/guests/sched-cap.elf
tests_guests_sched_cap_elf_SOURCES = tests/guests/sched-cap.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_cap_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_cap_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_cap_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_cap_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_cap_elf_LDADD = $(SCHED_GUEST_LIBS)
tests_guests_sched_cap_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libsched-image.a

check_PROGRAMS += tests/guests/sched-smp.elf
tests_guests_sched_smp_elf_SOURCES = tests/guests/sched-smp.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_smp_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_smp_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_smp_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_smp_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_smp_elf_LDADD = $(SCHED_GUEST_LIBS)
tests_guests_sched_smp_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libsched-image.a

check_PROGRAMS += tests/guests/sched-vcpus.elf
tests_guests_sched_vcpus_elf_SOURCES = tests/guests/sched-vcpus.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_vcpus_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_vcpus_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_vcpus_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_vcpus_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_vcpus_elf_LDADD = $(SCHED_GUEST_LIBS)
tests_guests_sched_vcpus_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libsched-image.a

SCHED_CASES = tests/boot/cases/sched-dom.case \
	tests/boot/cases/sched-weight.case tests/boot/cases/sched-cap.case \
	tests/boot/cases/sched-smp.case tests/boot/cases/sched-vcpus.case \
	tests/boot/cases/sched-vcpus-smp.case
TESTS += $(SCHED_CASES)
EXTRA_DIST += $(SCHED_CASES)

# Remote page flushes: sched-flush builds its domU from its own image.
check_PROGRAMS += tests/guests/sched-flush-domu.elf
tests_guests_sched_flush_domu_elf_SOURCES = tests/guests/sched-flush-domu.c \
	tests/guests/domu-console.c tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_flush_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_flush_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_flush_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_flush_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_flush_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_sched_flush_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libsched-flush-image.a
tests_guests_libsched_flush_image_a_SOURCES = tests/guests/sched-flush-image.S
tests/guests/sched-flush-image.$(OBJEXT): tests/guests/sched-flush-domu.elf

check_PROGRAMS += tests/guests/sched-flush.elf
tests_guests_sched_flush_elf_SOURCES = tests/guests/sched-flush.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_sched_flush_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_flush_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_flush_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_flush_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_flush_elf_LDADD = tests/guests/libsched-flush-image.a \
	$(GUEST_LIB)
tests_guests_sched_flush_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libsched-flush-image.a

TESTS += tests/boot/cases/sched-flush.case
EXTRA_DIST += tests/boot/cases/sched-flush.case
