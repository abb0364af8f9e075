/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Port I/O from a PV guest: refused (#GP(0)) until physdev_op gives a
 * virtual IOPL, which guest kernel code holds as ring 1 and user code as
 * ring 3, or an I/O bitmap; CLI and STI are accepted and do nothing when
 * the IOPL allows them.  Ports the hypervisor keeps read all ones.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"
#include <public/physdev.h>

const char test_title[] = "cpu-iopl: port I/O under virtual IOPL";

/* A scratch register of the CMOS/RTC: index 0x70, data 0x71. */
#define CMOS_SCRATCH 0x34

static uint8_t bitmap[8192] __attribute__((aligned(4096)));
static uint8_t got;

static long set_iopl(unsigned int iopl)
{
    struct physdev_set_iopl s = { .iopl = iopl };

    return hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, &s);
}

static long set_iobitmap(void *map, unsigned int nr_ports)
{
    struct physdev_set_iobitmap s = { .nr_ports = nr_ports };

    s.bitmap.p = map;
    return hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iobitmap, &s);
}

static void read_pic(void)
{
    got = inb(0x21);
}

static void read_cmos(void)
{
    outb(CMOS_SCRATCH, 0x70);
    got = inb(0x71);
}

static void do_cli(void)
{
    asm volatile ( "cli" ::: "memory" );
}

static void in_cmos(void)
{
    got = inb(0x71);
}

static long user_in(long port)
{
    return inb(port);
}

static bool gp(void (*fn)(void), unsigned int len)
{
    return expect_trap(13, len, fn) && last_trap.f.error_code == 0;
}

void test_main(void)
{
    traps_init();
    CHECK_EQ(user_mode_init(), 0);

    printf("cpu-iopl: IOPL 0, no bitmap\n");
    CHECK(gp(read_pic, 2));
    CHECK(gp(do_cli, 1));
    trap_expected = 13;
    CHECK_EQ(user_call(user_in, 0x71), -1013);
    trap_expected = -1;

    printf("cpu-iopl: bad arguments\n");
    CHECK_EQ(set_iopl(4), -EINVAL);
    CHECK_EQ(set_iopl(~0u), -EINVAL);
    CHECK_EQ(hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, NULL),
             -EFAULT);
    CHECK_EQ(set_iobitmap((void *)0x0000800000000000UL, 8), -EINVAL);
    CHECK_EQ(set_iobitmap(bitmap, 65537), -EINVAL);
    CHECK_EQ(hypercall2(__HYPERVISOR_physdev_op, 0x7777, NULL), -ENOSYS);

    printf("cpu-iopl: IOPL 1 is the kernel's\n");
    CHECK_EQ(set_iopl(1), 0);
    outb(CMOS_SCRATCH, 0x70);
    outb(0x5a, 0x71);
    read_cmos();
    CHECK_EQ(got, 0x5a);
    outb(0xa5, 0x71);
    read_cmos();
    CHECK_EQ(got, 0xa5);
    /* The PIC is the hypervisor's: all ones, writes dropped. */
    read_pic();
    CHECK_EQ(got, 0xff);
    do_cli();
    asm volatile ( "sti" );
    trap_expected = 13;
    CHECK_EQ(user_call(user_in, 0x71), -1013);
    trap_expected = -1;

    printf("cpu-iopl: IOPL 3 lets user mode in\n");
    CHECK_EQ(set_iopl(3), 0);
    outb(CMOS_SCRATCH, 0x70);
    CHECK_EQ(user_call(user_in, 0x71), 0xa5);

    printf("cpu-iopl: a bitmap, IOPL 0\n");
    CHECK_EQ(set_iopl(0), 0);
    memset(bitmap, 0xff, sizeof(bitmap));
    bitmap[0x70 / 8] &= ~(3u << (0x70 % 8));
    CHECK_EQ(set_iobitmap(bitmap, 0x400), 0);
    read_cmos();
    CHECK_EQ(got, 0xa5);
    CHECK(gp(read_pic, 2));
    CHECK_EQ(user_call(user_in, 0x71), 0xa5);
    /* Ports past nr_ports are refused whatever the bits say. */
    CHECK_EQ(set_iobitmap(bitmap, 0x71), 0);
    trap_expected = 13;
    CHECK_EQ(user_call(user_in, 0x71), -1013);
    trap_expected = -1;
    CHECK_EQ(set_iobitmap(bitmap, 0), 0);
    CHECK(gp(in_cmos, 2));
}
