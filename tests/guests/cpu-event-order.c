/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * When upcalls happen relative to other things: several pending ports
 * come in one upcall, lowest first; an iret that sets IF delivers what
 * became pending meanwhile at once; an event raised inside the callback
 * comes right after it returns; and an exception whose handler leaves
 * events on is overtaken by a pending upcall (its frame lands on top),
 * while one that masks events runs first.
 */
#include "hvtest.h"
#include "traps.h"
#include "upcall.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-event-order: upcalls, masks and exceptions";

#define EFLAGS_IF 0x200UL

static long p1, p2, p3;
static char order[8];
static unsigned int norder;
static bool resend;

static void note(char c)
{
    if ( norder < sizeof(order) - 1 )
        order[norder++] = c;
}

static void port_hook(evtchn_port_t port)
{
    note('e');
    if ( resend )
    {
        resend = false;
        evtchn_send_port(p3);
    }
}

/* int3 whose handler turns events on for the code it returns to. */
static void bp_unmask(struct trap_frame *f)
{
    note('b');
    f->rflags |= EFLAGS_IF;
}

static void bp_note(struct trap_frame *f)
{
    note('b');
}

static void reset(void)
{
    upcall_log_reset();
    memset(order, 0, sizeof(order));
    norder = 0;
}

/* Unmask and trap with nothing in between that could enter the hypervisor. */
static void unmask_int3(void)
{
    asm volatile ( "movb $0, (%0)\n\t"
                   "int3"
                   :: "r" (upcall_mask()) : "memory" );
}

void test_main(void)
{
    traps_init();
    upcall_init();
    upcall_port_hook = port_hook;
    p1 = evtchn_bind_ipi_port();
    p2 = evtchn_bind_ipi_port();
    p3 = evtchn_bind_ipi_port();
    CHECK(p1 > 0 && p2 > p1 && p3 > p2);

    printf("cpu-event-order: two ports, one upcall, lowest first\n");
    reset();
    CHECK_EQ(evtchn_send_port(p2), 0);
    CHECK_EQ(evtchn_send_port(p1), 0);
    *upcall_mask() = 0;
    HYPERVISOR_xen_version(XENVER_version, NULL);
    CHECK_EQ(upcall_log.upcalls, 1);
    CHECK_EQ(upcall_log.nr, 2);
    CHECK_EQ(upcall_log.port[0], p1);
    CHECK_EQ(upcall_log.port[1], p2);

    printf("cpu-event-order: an event raised in the callback follows it\n");
    reset();
    resend = true;
    CHECK_EQ(evtchn_send_port(p1), 0);
    CHECK_EQ(upcall_log.upcalls, 2);
    CHECK_EQ(upcall_log.nr, 2);
    CHECK_EQ(upcall_log.port[1], p3);
    /* The second frame interrupted code with events on. */
    CHECK_EQ(upcall_log.frame.cs >> 32, 0);

    printf("cpu-event-order: iret with IF delivers at once\n");
    reset();
    *upcall_mask() = 1;
    CHECK_EQ(evtchn_send_port(p2), 0);
    CHECK_EQ(upcall_log.upcalls, 0);
    trap_set_handler(3, bp_unmask);
    asm volatile ( "int3" ::: "memory" );
    CHECK_EQ(upcall_log.upcalls, 1);
    CHECK_EQ(strcmp(order, "be"), 0);
    CHECK_EQ(*upcall_mask(), 0);

    printf("cpu-event-order: pending event overtakes an unmasking handler\n");
    reset();
    *upcall_mask() = 1;
    CHECK_EQ(evtchn_send_port(p1), 0);
    trap_set_handler(3, bp_note);
    unmask_int3();
    CHECK_EQ(strcmp(order, "eb"), 0);
    CHECK_EQ(upcall_log.frame.rip, trap_stub(3));

    printf("cpu-event-order: a masking handler runs first\n");
    reset();
    *upcall_mask() = 1;
    CHECK_EQ(trap_register(3, 4 | 3, 0), 0);
    CHECK_EQ(evtchn_send_port(p1), 0);
    unmask_int3();
    CHECK_EQ(strcmp(order, "be"), 0);
    *upcall_mask() = 1;
}
