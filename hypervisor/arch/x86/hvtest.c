/* SPDX-License-Identifier: GPL-2.0-only */
/* hvtest=<what>: self-tests of the machine layer for boot tests.  The
 * fault tests (pf ud de gp bp panic) must end in a report, a panic and
 * QEMU exit status 255; the others (timer usercopy alloc) print
 * "hvtest: <what>: PASS" or FAIL and stop the machine: exit status 1 on
 * PASS, 3 on FAIL (isa-debug-exit codes 0 and 1). */

#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/lib.h>
#include <hv/page-alloc.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/time.h>
#include <asm/uaccess.h>

static char opt_hvtest[16];
string_param("hvtest", opt_hvtest);

static volatile bool timer_fired;

static void __noreturn result(bool ok)
{
    printk(LOG_ERR "hvtest: %s: %s\n", opt_hvtest, ok ? "PASS" : "FAIL");
    machine_exit(ok ? 0 : 1);
}

static void test_timer_handler(void)
{
    timer_fired = true;
}

/* A 10 ms one-shot must wake the halted CPU after roughly 10 ms. */
static void test_timer(void)
{
    uint64_t start = now_ns(), took;

    set_timer_handler(test_timer_handler);
    set_timer_deadline(start + 10000000);
    while ( !timer_fired && now_ns() - start < 1000000000ULL )
    {
        safe_halt();
        local_irq_disable();
    }
    took = now_ns() - start;
    set_timer_handler(NULL);
    printk(LOG_ERR "hvtest: timer fired after %llu us\n",
           (unsigned long long)(took / 1000));
    result(timer_fired && took >= 10000000);
}

/* Bad guest pointers must be refused or survived, never fatal. */
static void test_usercopy(void)
{
    char buf[16] = "";
    bool ok = true;

    /* Nothing is mapped in guest space at boot: the copy faults. */
    ok &= raw_copy_from_guest(buf, (void *)0x1000, sizeof(buf)) ==
          sizeof(buf);
    ok &= raw_copy_to_guest((void *)0x7ffffffff000UL, buf, 8) == 8;
    ok &= raw_clear_guest((void *)0x2000, 8) == 8;
    /* Refused without touching memory: hypervisor or non-canonical. */
    ok &= raw_copy_from_guest(buf, (void *)DIRECTMAP_VIRT_START, 8) == 8;
    ok &= raw_copy_from_guest(buf, (void *)0x0000800000000000UL, 8) == 8;
    ok &= raw_copy_from_guest(buf, (void *)0x00007ffffffffffcUL, 8) == 8;
    ok &= raw_copy_from_guest(buf, (void *)0x1000, 0) == 0;
    result(ok);
}

/* Allocations come back aligned, distinct and countable. */
static void test_alloc(void)
{
    unsigned long before = free_page_count();
    paddr_t a = alloc_pages(9), b = alloc_zeroed_page();
    bool ok = a && b && !(a & ((PAGE_SIZE << 9) - 1)) &&
              free_page_count() == before - 513;
    const uint64_t *p = maddr_to_virt(b);
    unsigned int i;

    for ( i = 0; ok && i < PAGE_SIZE / 8; i++ )
        ok = !p[i];
    free_pages(a, 9);
    free_page(b);
    result(ok && free_page_count() == before);
}

void hvtest_run(void)
{
    const char *t = opt_hvtest;

    if ( !*t )
        return;
    printk(LOG_ERR "hvtest: running '%s'\n", t);

    if ( !strcmp(t, "pf") )
    {
        /* Guest space is unmapped in the idle page tables. */
        volatile unsigned long *p = (volatile unsigned long *)0x10;

        asm ( "" : "+r" (p) );
        (void)*p;
    }
    else if ( !strcmp(t, "ud") )
        asm volatile ( "ud2" );
    else if ( !strcmp(t, "de") )
    {
        unsigned int lo = 1, hi = 0, zero = 0;

        asm volatile ( "divl %2" : "+a" (lo), "+d" (hi) : "r" (zero) );
    }
    else if ( !strcmp(t, "gp") )
    {
        volatile unsigned long *p =
            (volatile unsigned long *)0x8000000000000000UL;

        asm ( "" : "+r" (p) );
        (void)*p;
    }
    else if ( !strcmp(t, "bp") )
        asm volatile ( "int3" );
    else if ( !strcmp(t, "panic") )
        panic("hvtest: requested panic");
    else if ( !strcmp(t, "timer") )
        test_timer();
    else if ( !strcmp(t, "usercopy") )
        test_usercopy();
    else if ( !strcmp(t, "alloc") )
        test_alloc();
    else
    {
        printk(LOG_ERR "hvtest: unknown test '%s'\n", t);
        return;
    }
    if ( !strcmp(t, "pf") || !strcmp(t, "ud") || !strcmp(t, "de") ||
         !strcmp(t, "gp") || !strcmp(t, "bp") )
        printk(LOG_ERR "hvtest: %s: FAIL (no exception)\n", t);
}
