# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the x86 instruction decoder, the privileged-instruction
# emulator and the PV CPUID/MSR policies, under ASan/UBSan when cc has them.

TEST_EMUL_SAN := $(shell printf 'int main(void){return 0;}\n' | \
	$(CC) -fsanitize=address,undefined -x c - -o /dev/null \
	>/dev/null 2>&1 && echo -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer)
TEST_EMUL_CPPFLAGS = -D__HV__ -I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/x86/include \
	-I$(top_srcdir)/hypervisor/arch/x86/pv -I$(top_srcdir)/tests/unit
TEST_EMUL_CFLAGS = $(CUNIT_CFLAGS) $(TEST_EMUL_SAN) -Wall -Wextra \
	-Wno-unused-parameter

EMUL_DECODE_SRCS = hypervisor/arch/x86/x86-decode.c \
	hypervisor/arch/x86/include/asm/x86-decode.h
EMUL_POLICY_SRCS = hypervisor/arch/x86/pv/cpuid-policy.c \
	hypervisor/arch/x86/pv/cpuid-policy.h \
	hypervisor/arch/x86/pv/emul-msr.c \
	hypervisor/arch/x86/pv/emul-priv-op.h \
	hypervisor/arch/x86/pv/emul-private.h

check_PROGRAMS += tests/unit/test-x86-decode tests/unit/test-emul-priv-op \
	tests/unit/test-emul-cpuid
TESTS += tests/unit/test-x86-decode tests/unit/test-emul-priv-op \
	tests/unit/test-emul-cpuid
EXTRA_DIST += tests/unit/test-emul-hosts.c

tests_unit_test_x86_decode_SOURCES = tests/unit/test-x86-decode.c \
	$(EMUL_DECODE_SRCS)
tests_unit_test_x86_decode_CPPFLAGS = $(TEST_EMUL_CPPFLAGS)
tests_unit_test_x86_decode_CFLAGS = $(TEST_EMUL_CFLAGS)
tests_unit_test_x86_decode_LDFLAGS = $(TEST_EMUL_SAN)
tests_unit_test_x86_decode_LDADD = $(CUNIT_LIBS)

tests_unit_test_emul_priv_op_SOURCES = tests/unit/test-emul-priv-op.c \
	$(EMUL_DECODE_SRCS) $(EMUL_POLICY_SRCS) \
	hypervisor/arch/x86/pv/emul-priv-op.c \
	hypervisor/arch/x86/pv/emul-io.c \
	hypervisor/arch/x86/pv/emul-debugreg.c
tests_unit_test_emul_priv_op_CPPFLAGS = $(TEST_EMUL_CPPFLAGS)
tests_unit_test_emul_priv_op_CFLAGS = $(TEST_EMUL_CFLAGS)
tests_unit_test_emul_priv_op_LDFLAGS = $(TEST_EMUL_SAN)
tests_unit_test_emul_priv_op_LDADD = $(CUNIT_LIBS)

tests_unit_test_emul_cpuid_SOURCES = tests/unit/test-emul-cpuid.c \
	$(EMUL_POLICY_SRCS)
tests_unit_test_emul_cpuid_CPPFLAGS = $(TEST_EMUL_CPPFLAGS)
tests_unit_test_emul_cpuid_CFLAGS = $(TEST_EMUL_CFLAGS)
tests_unit_test_emul_cpuid_LDFLAGS = $(TEST_EMUL_SAN)
tests_unit_test_emul_cpuid_LDADD = $(CUNIT_LIBS)

# The checks of a setvcpuextstate buffer, with XSETBV's rules for XCR0.
check_PROGRAMS += tests/unit/test-xstate-ext
TESTS += tests/unit/test-xstate-ext
tests_unit_test_xstate_ext_SOURCES = tests/unit/test-xstate-ext.c \
	hypervisor/arch/x86/pv/xstate-ext.c \
	hypervisor/arch/x86/pv/xstate-ext.h \
	$(EMUL_DECODE_SRCS) $(EMUL_POLICY_SRCS) \
	hypervisor/arch/x86/pv/emul-priv-op.c \
	hypervisor/arch/x86/pv/emul-io.c \
	hypervisor/arch/x86/pv/emul-debugreg.c
tests_unit_test_xstate_ext_CPPFLAGS = $(TEST_EMUL_CPPFLAGS)
tests_unit_test_xstate_ext_CFLAGS = $(TEST_EMUL_CFLAGS)
tests_unit_test_xstate_ext_LDFLAGS = $(TEST_EMUL_SAN)
tests_unit_test_xstate_ext_LDADD = $(CUNIT_LIBS)
