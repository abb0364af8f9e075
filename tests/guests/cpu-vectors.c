/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every exception a guest kernel can raise on itself reaches its handler
 * with the right vector, error code and RIP: faults point at the
 * instruction, traps after it, and only #DF, #TS, #NP, #SS, #GP, #PF and
 * #AC carry an error code.  Left out as QEMU's TCG does not raise them:
 * #SS for a non-canonical stack reference (a #GP there), #AC and #XM.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-vectors: exceptions raised in kernel mode";

/* Each raiser marks its instruction with a label: <name>_insn. */
#define RAISER(name, body)                                              \
    extern char name##_insn[];                                          \
    static void name(void)                                              \
    {                                                                   \
        asm volatile ( body : : : "rax", "rcx", "rdx", "memory" );      \
    }

RAISER(raise_de, "xor %%edx, %%edx; mov $1, %%eax; xor %%ecx, %%ecx\n"
                 ".globl raise_de_insn\nraise_de_insn: div %%ecx")
RAISER(raise_db, ".globl raise_db_insn\nraise_db_insn: .byte 0xf1")
RAISER(raise_bp, ".globl raise_bp_insn\nraise_bp_insn: int3")
RAISER(raise_of, ".globl raise_of_insn\nraise_of_insn: int $4")
RAISER(raise_br, ".globl raise_br_insn\nraise_br_insn: int $5")
RAISER(raise_ud, ".globl raise_ud_insn\nraise_ud_insn: ud2")
RAISER(raise_nm, ".globl raise_nm_insn\nraise_nm_insn: fnop")
RAISER(raise_gp, "mov $0x8000000000000000, %%rax\n"
                 ".globl raise_gp_insn\nraise_gp_insn: mov (%%rax), %%rax")
RAISER(raise_pf, "mov $0x1000, %%eax\n"
                 ".globl raise_pf_insn\nraise_pf_insn: mov (%%rax), %%rax")
RAISER(raise_mf, "fninit; push $0x37b; fldcw (%%rsp); add $8, %%rsp\n"
                 "fld1; fldz; fdivrp\n"
                 ".globl raise_mf_insn\nraise_mf_insn: fwait")

/* #MF stays pending until cleared: the handler does it, then skips. */
static void mf_handler(struct trap_frame *f)
{
    asm volatile ( "fnclex" );
    last_trap.count++;
    last_trap.f = *f;
    f->rip += 1;
}

static void check(const char *name, unsigned int vec, void (*fn)(void),
                  const char *insn, unsigned int len, unsigned int skip,
                  long ec)
{
    bool came;

    printf("cpu-vectors: %s\n", name);
    came = expect_trap(vec, skip, fn);
    if ( !CHECK(came) )
        return;
    CHECK_EQ(last_trap.f.vector, vec);
    CHECK_EQ(last_trap.f.rip, (unsigned long)insn + len);
    CHECK_EQ(last_trap.f.cs & 0xffff, KERNEL_CS_RPL0);
    if ( ec >= 0 )
        CHECK_EQ(last_trap.f.error_code, ec);
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(trap_register(5, 3, 0), 0);
    trap_set_handler(16, mf_handler);

    check("#DE", 0, raise_de, raise_de_insn, 0, 2, 0);
    check("#DB (icebp)", 1, raise_db, raise_db_insn, 1, 0, 0);
    check("#BP", 3, raise_bp, raise_bp_insn, 1, 0, 0);
    check("#OF (int $4)", 4, raise_of, raise_of_insn, 2, 0, 0);
    check("#BR (int $5)", 5, raise_br, raise_br_insn, 2, 0, 0);
    check("#UD", 6, raise_ud, raise_ud_insn, 0, 2, 0);
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    check("#NM", 7, raise_nm, raise_nm_insn, 0, 0, 0);
    check("#GP", 13, raise_gp, raise_gp_insn, 0, 3, 0);
    check("#PF", 14, raise_pf, raise_pf_insn, 0, 3, 0);
    CHECK_EQ(last_trap.cr2, 0x1000);
    check("#MF", 16, raise_mf, raise_mf_insn, 0, 0, 0);
}
