# SPDX-License-Identifier: GPL-2.0-only
# Host unit tests of the ELF loader and the dom0 start-of-day layout: they
# compile the hypervisor's own sources, under ASan/UBSan when cc has them.

TEST_BUILDER_SAN := $(shell printf 'int main(void){return 0;}\n' | \
	$(CC) -fsanitize=address,undefined -x c - -o /dev/null \
	>/dev/null 2>&1 && echo -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer)
TEST_BUILDER_CPPFLAGS = -I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/tests/unit
TEST_BUILDER_CFLAGS = $(CUNIT_CFLAGS) $(TEST_BUILDER_SAN)

check_PROGRAMS += tests/unit/test-libelf tests/unit/test-dom0-layout
TESTS += tests/unit/test-libelf tests/unit/test-dom0-layout

tests_unit_test_libelf_SOURCES = \
	tests/unit/test-libelf.c \
	tests/unit/builder/elf-image.c \
	tests/unit/builder/elf-image.h \
	hypervisor/include/hv/libelf.h \
	hypervisor/common/libelf.c \
	hypervisor/common/libelf-notes.c \
	hypervisor/common/libelf-load.c
tests_unit_test_libelf_CPPFLAGS = $(TEST_BUILDER_CPPFLAGS)
tests_unit_test_libelf_CFLAGS = $(TEST_BUILDER_CFLAGS)
tests_unit_test_libelf_LDFLAGS = $(TEST_BUILDER_SAN)
tests_unit_test_libelf_LDADD = $(CUNIT_LIBS)

tests_unit_test_dom0_layout_SOURCES = \
	tests/unit/test-dom0-layout.c \
	hypervisor/include/hv/dom0-layout.h \
	hypervisor/common/dom0-layout.c
tests_unit_test_dom0_layout_CPPFLAGS = $(TEST_BUILDER_CPPFLAGS)
tests_unit_test_dom0_layout_CFLAGS = $(TEST_BUILDER_CFLAGS)
tests_unit_test_dom0_layout_LDFLAGS = $(TEST_BUILDER_SAN)
tests_unit_test_dom0_layout_LDADD = $(CUNIT_LIBS)
