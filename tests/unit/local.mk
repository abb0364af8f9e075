# SPDX-License-Identifier: GPL-2.0-only
# Host unit tests of the machine layer's common code (allocator, command
# line, console, C library), over the harness in tests/unit/harness/.
#
# Another test program uses the harness by listing
# $(HV_HARNESS_SOURCES) (CUnit main: HARNESS_MAIN(suites) from
# harness/harness.h) plus tests/unit/harness/printk.c (captured printk and
# panic) or tests/unit/harness/serial.c (fake COM1 under common/console.c),
# with $(HV_UNIT_CPPFLAGS) and $(HV_UNIT_CFLAGS).

HV_UNIT_SAN := $(shell printf 'int main(void){return 0;}\n' | \
	$(CC) -fsanitize=address,undefined -x c - -o /dev/null \
	>/dev/null 2>&1 && echo -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer)
# The harness's asm/ stands in for the machine's (interrupt masking).
HV_UNIT_CPPFLAGS = -I$(top_srcdir)/tests/unit/harness \
	-I$(top_srcdir)/hypervisor/include -I$(top_srcdir)/tests/unit
HV_UNIT_CFLAGS = $(CUNIT_CFLAGS) $(HV_UNIT_SAN) -Wall -Wextra \
	-Wno-unused-parameter
HV_HARNESS_SOURCES = tests/unit/harness/harness.c \
	tests/unit/harness/harness.h

EXTRA_DIST += tests/unit/harness/asm/processor.h

check_PROGRAMS += tests/unit/test-page-alloc tests/unit/test-cmdline \
	tests/unit/test-console tests/unit/test-vsnprintf \
	tests/unit/test-string
TESTS += tests/unit/test-page-alloc tests/unit/test-cmdline \
	tests/unit/test-console tests/unit/test-vsnprintf \
	tests/unit/test-string

tests_unit_test_page_alloc_SOURCES = tests/unit/test-page-alloc.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	hypervisor/common/page-alloc.c
tests_unit_test_page_alloc_CPPFLAGS = $(HV_UNIT_CPPFLAGS)
tests_unit_test_page_alloc_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_page_alloc_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_page_alloc_LDADD = $(CUNIT_LIBS)

tests_unit_test_cmdline_SOURCES = tests/unit/test-cmdline.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	hypervisor/common/cmdline.c hypervisor/common/lib/strlcpy.c
tests_unit_test_cmdline_CPPFLAGS = $(HV_UNIT_CPPFLAGS)
tests_unit_test_cmdline_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_cmdline_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_cmdline_LDADD = $(CUNIT_LIBS)

tests_unit_test_console_SOURCES = tests/unit/test-console.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/serial.c \
	hypervisor/common/console.c hypervisor/common/cmdline.c \
	hypervisor/common/panic.c hypervisor/common/lib/strlcpy.c
tests_unit_test_console_CPPFLAGS = $(HV_UNIT_CPPFLAGS)
tests_unit_test_console_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_console_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_console_LDADD = $(CUNIT_LIBS)

# The C library is built with an hv_ prefix so that the host's stays in
# charge of the test program itself.
HV_LIB_RENAME = -Dvsnprintf=hv_vsnprintf -Dsnprintf=hv_snprintf \
	-Dstrtoull=hv_strtoull -Dstrlcpy=hv_strlcpy -Dmemcpy=hv_memcpy \
	-Dmemmove=hv_memmove -Dmemset=hv_memset -Dmemcmp=hv_memcmp \
	-Dmemchr=hv_memchr -Dstrlen=hv_strlen -Dstrnlen=hv_strnlen \
	-Dstrcmp=hv_strcmp -Dstrncmp=hv_strncmp -Dstrchr=hv_strchr
check_LIBRARIES += tests/unit/libhvlib.a
tests_unit_libhvlib_a_SOURCES = hypervisor/common/lib/vsnprintf.c \
	hypervisor/common/lib/strtoull.c hypervisor/common/lib/string.c \
	hypervisor/common/lib/strlcpy.c
tests_unit_libhvlib_a_CPPFLAGS = $(HV_LIB_RENAME) \
	-I$(top_srcdir)/hypervisor/include
tests_unit_libhvlib_a_CFLAGS = $(HV_UNIT_SAN) -fno-builtin -Wall

tests_unit_test_vsnprintf_SOURCES = tests/unit/test-vsnprintf.c \
	$(HV_HARNESS_SOURCES)
tests_unit_test_vsnprintf_CPPFLAGS = $(HV_UNIT_CPPFLAGS)
tests_unit_test_vsnprintf_CFLAGS = $(HV_UNIT_CFLAGS) -Wno-format
tests_unit_test_vsnprintf_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_vsnprintf_LDADD = tests/unit/libhvlib.a $(CUNIT_LIBS)

tests_unit_test_string_SOURCES = tests/unit/test-string.c \
	$(HV_HARNESS_SOURCES)
tests_unit_test_string_CPPFLAGS = $(HV_UNIT_CPPFLAGS)
tests_unit_test_string_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_string_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_string_LDADD = tests/unit/libhvlib.a $(CUNIT_LIBS)
