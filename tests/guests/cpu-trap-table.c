/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_set_trap_table: entries up to the first with address 0, each
 * installed as it is read (so a fault or a bad entry half way keeps the
 * ones before it), non-canonical handlers refused, a NULL table clearing
 * everything.  A vector's handler is seen to be installed by raising it.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-trap-table: set_trap_table semantics";

#define PAGE 4096UL

/* Two pages: the second one gets unmapped to make a table run off. */
static struct trap_info tables[2 * PAGE / sizeof(struct trap_info)]
    __attribute__((aligned(PAGE)));

static void raise_bp(void)
{
    asm volatile ( "int3" );
}

static void raise_of(void)
{
    asm volatile ( "int $4" );
}

static struct trap_info entry(unsigned int vec, unsigned int flags,
                              unsigned long address)
{
    return (struct trap_info){ .vector = vec, .flags = flags,
                               .cs = FLAT_KERNEL_CS, .address = address };
}

void test_main(void)
{
    struct trap_info t[4];

    traps_init();
    CHECK(expect_trap(3, 0, raise_bp));

    /* An empty table changes nothing. */
    t[0] = entry(0, 0, 0);
    CHECK_EQ(HYPERVISOR_set_trap_table(t), 0);
    CHECK(expect_trap(3, 0, raise_bp));

    /* A non-canonical handler stops the walk with -EINVAL... */
    t[0] = entry(4, 3, trap_stub(4));
    t[1] = entry(3, 3, 0x0000800000000000UL);
    t[2] = entry(0, 0, 0);
    CHECK_EQ(HYPERVISOR_set_trap_table(t), -EINVAL);
    /* ...after the entries before it went in. */
    CHECK(expect_trap(4, 0, raise_of));
    CHECK(expect_trap(3, 0, raise_bp));
    t[1] = entry(3, 3, 0xffff800000000000UL - 4096);
    CHECK_EQ(HYPERVISOR_set_trap_table(t), -EINVAL);

    /* A table that runs into an unreadable page: -EFAULT, same rule. */
    tables[PAGE / sizeof(struct trap_info) - 1] = entry(4, 3, trap_stub(4));
    CHECK_EQ(HYPERVISOR_update_va_mapping((unsigned long)tables + PAGE, 0,
                                          UVMF_INVLPG), 0);
    CHECK_EQ(HYPERVISOR_set_trap_table(
                 &tables[PAGE / sizeof(struct trap_info) - 1]), -EFAULT);
    CHECK_EQ(HYPERVISOR_set_trap_table((void *)0x1000), -EFAULT);
    CHECK_EQ(HYPERVISOR_set_trap_table((void *)0xffff830000000000UL),
             -EFAULT);
    CHECK(expect_trap(4, 0, raise_of));

    /* The same vector twice: the later entry wins. */
    t[0] = entry(3, 3, trap_stub(5));
    t[1] = entry(3, 3, trap_stub(3));
    t[2] = entry(0, 0, 0);
    CHECK_EQ(HYPERVISOR_set_trap_table(t), 0);
    CHECK(expect_trap(3, 0, raise_bp));

    /* int3 reaches its handler whatever DPL the guest gave it. */
    t[0] = entry(3, 0, trap_stub(5));
    t[1] = entry(0, 0, 0);
    CHECK_EQ(HYPERVISOR_set_trap_table(t), 0);
    CHECK(expect_trap(5, 0, raise_bp));
    CHECK_EQ(trap_register(3, 3, 0), 0);
    CHECK(expect_trap(3, 0, raise_bp));

    /* NULL clears the whole table; the next int3 has no handler. */
    CHECK_EQ(HYPERVISOR_set_trap_table(NULL), 0);
    printf("cpu-trap-table: int3 with a cleared table crashes the guest\n");
    test_expect_shutdown(SHUTDOWN_crash);
    test_report();
    raise_bp();
    printf("cpu-trap-table: int3 came back\n");
}
