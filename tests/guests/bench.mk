# SPDX-License-Identifier: GPL-2.0-only
# Micro benchmark guests, booted by bench/hypercalls (not boot tests):
# hypercall entry, event channels between domains, grant copy and map.

EXTRA_DIST += tests/guests/bench.h bench/hypercalls bench/boot-to-dom0 \
	bench/vmctl-create bench/idle

check_PROGRAMS += tests/guests/bench-null.elf
tests_guests_bench_null_elf_SOURCES = tests/guests/bench-null.c \
	tests/guests/bench.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_bench_null_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_bench_null_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_bench_null_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_bench_null_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_bench_null_elf_LDADD = $(GUEST_LIB)
tests_guests_bench_null_elf_DEPENDENCIES = $(GUEST_DEPS)

# The domU bench-evtchn builds, and its image as an object.
check_PROGRAMS += tests/guests/bench-domu.elf
tests_guests_bench_domu_elf_SOURCES = tests/guests/bench-domu.c \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_bench_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_bench_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_bench_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_bench_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_bench_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_bench_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libbench-image.a
tests_guests_libbench_image_a_SOURCES = tests/guests/bench-image.S
tests/guests/bench-image.$(OBJEXT): tests/guests/bench-domu.elf

check_PROGRAMS += tests/guests/bench-evtchn.elf
tests_guests_bench_evtchn_elf_SOURCES = tests/guests/bench-evtchn.c \
	tests/guests/bench.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_bench_evtchn_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_bench_evtchn_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_bench_evtchn_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_bench_evtchn_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_bench_evtchn_elf_LDADD = tests/guests/libbench-image.a \
	$(GUEST_LIB)
tests_guests_bench_evtchn_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libbench-image.a

check_PROGRAMS += tests/guests/bench-gnttab.elf
tests_guests_bench_gnttab_elf_SOURCES = tests/guests/bench-gnttab.c \
	tests/guests/bench.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_bench_gnttab_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_bench_gnttab_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_bench_gnttab_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_bench_gnttab_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_bench_gnttab_elf_LDADD = $(GUEST_LIB)
tests_guests_bench_gnttab_elf_DEPENDENCIES = $(GUEST_DEPS)
