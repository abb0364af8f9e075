/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmconsoled's ring copies (dom0-tools/consoled/ring.c): wrap-around of
 * both rings and of the 32-bit indices, and guests writing nonsense into
 * the indices.  Pages are allocated at exactly the interface's size, so
 * the sanitizer catches any access beyond it.
 */
#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

#include "ring.h"

#define OUT_SIZE sizeof(((struct xencons_interface *)0)->out)
#define IN_SIZE  sizeof(((struct xencons_interface *)0)->in)

static struct xencons_interface *page(void)
{
    return calloc(1, sizeof(struct xencons_interface));
}

/* The guest's side: append to `out` as Linux's hvc_xen does. */
static void guest_put(struct xencons_interface *r, const char *s, size_t n)
{
    size_t i;

    for ( i = 0; i < n; i++ )
        r->out[MASK_XENCONS_IDX(r->out_prod + i, r->out)] = s[i];
    r->out_prod += (XENCONS_RING_IDX)n;
}

static size_t guest_get(struct xencons_interface *r, char *buf, size_t max)
{
    size_t n = 0;

    while ( r->in_cons != r->in_prod && n < max )
        buf[n++] = r->in[MASK_XENCONS_IDX(r->in_cons++, r->in)];
    return n;
}

static void test_read_simple(void)
{
    struct xencons_interface *r = page();
    char buf[OUT_SIZE];
    bool insane = true;

    CU_ASSERT(!consd_ring_has_output(r));
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 0);
    CU_ASSERT(!insane);
    guest_put(r, "hello", 5);
    CU_ASSERT(consd_ring_has_output(r));
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 5);
    CU_ASSERT(!insane);
    CU_ASSERT(!memcmp(buf, "hello", 5));
    CU_ASSERT_EQUAL(r->out_cons, 5);
    CU_ASSERT(!consd_ring_has_output(r));
    free(r);
}

static void test_read_wrap(void)
{
    struct xencons_interface *r = page();
    char buf[OUT_SIZE];
    bool insane;

    /* Across the end of the ring. */
    r->out_cons = r->out_prod = OUT_SIZE - 2;
    guest_put(r, "abcdef", 6);
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 6);
    CU_ASSERT(!memcmp(buf, "abcdef", 6));
    CU_ASSERT_EQUAL(r->out[OUT_SIZE - 1], 'b');
    CU_ASSERT_EQUAL(r->out[0], 'c');

    /* Across the end of the index space. */
    r->out_cons = r->out_prod = 0xfffffffdu;
    guest_put(r, "0123456", 7);
    CU_ASSERT_EQUAL(r->out_prod, 4);
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 7);
    CU_ASSERT(!insane);
    CU_ASSERT(!memcmp(buf, "0123456", 7));
    CU_ASSERT_EQUAL(r->out_cons, 4);
    free(r);
}

static void test_read_partial_and_full(void)
{
    struct xencons_interface *r = page();
    char data[OUT_SIZE], buf[OUT_SIZE];
    bool insane;
    size_t i;

    for ( i = 0; i < sizeof(data); i++ )
        data[i] = (char)('a' + i % 26);
    r->out_cons = r->out_prod = 100;
    guest_put(r, data, sizeof(data));   /* exactly full: still sane */
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, 10, &insane), 10);
    CU_ASSERT(!insane);
    CU_ASSERT(!memcmp(buf, data, 10));
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane),
                    sizeof(data) - 10);
    CU_ASSERT(!memcmp(buf, data + 10, sizeof(data) - 10));
    free(r);
}

static void test_read_insane(void)
{
    struct xencons_interface *r = page();
    char buf[OUT_SIZE];
    bool insane;

    /* One byte more than the ring holds. */
    r->out_cons = 7;
    r->out_prod = 7 + OUT_SIZE + 1;
    CU_ASSERT(!consd_ring_has_output(r));
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 0);
    CU_ASSERT(insane);
    CU_ASSERT_EQUAL(r->out_cons, r->out_prod);

    /* The producer behind the consumer. */
    r->out_cons = 1000;
    r->out_prod = 999;
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 0);
    CU_ASSERT(insane);
    CU_ASSERT_EQUAL(r->out_cons, 999);

    /* Recovered: the next byte flows. */
    guest_put(r, "k", 1);
    CU_ASSERT_EQUAL(consd_ring_read(r, buf, sizeof(buf), &insane), 1);
    CU_ASSERT(!insane);
    CU_ASSERT_EQUAL(buf[0], 'k');
    free(r);
}

static void test_write_wrap_and_full(void)
{
    struct xencons_interface *r = page();
    char data[IN_SIZE + 10], got[IN_SIZE];
    bool insane;
    size_t i;

    for ( i = 0; i < sizeof(data); i++ )
        data[i] = (char)('A' + i % 26);
    CU_ASSERT_EQUAL(consd_ring_room(r, &insane), IN_SIZE);
    CU_ASSERT(!insane);
    /* Only what fits goes in. */
    CU_ASSERT_EQUAL(consd_ring_write(r, data, sizeof(data), &insane),
                    IN_SIZE);
    CU_ASSERT_EQUAL(consd_ring_room(r, &insane), 0);
    CU_ASSERT_EQUAL(consd_ring_write(r, data, 1, &insane), 0);
    CU_ASSERT_EQUAL(guest_get(r, got, 1000), 1000);
    CU_ASSERT(!memcmp(got, data, 1000));
    /* Across the end of the ring. */
    CU_ASSERT_EQUAL(consd_ring_write(r, "xyz0123", 7, &insane), 7);
    CU_ASSERT_EQUAL(guest_get(r, got, sizeof(got)), IN_SIZE - 1000 + 7);
    CU_ASSERT(!memcmp(got + IN_SIZE - 1000, "xyz0123", 7));
    CU_ASSERT_EQUAL(r->in[0], 'x');

    /* Across the end of the index space. */
    r->in_cons = r->in_prod = 0xfffffffeu;
    CU_ASSERT_EQUAL(consd_ring_write(r, "wrap", 4, &insane), 4);
    CU_ASSERT_EQUAL(r->in_prod, 2);
    CU_ASSERT_EQUAL(guest_get(r, got, sizeof(got)), 4);
    CU_ASSERT(!memcmp(got, "wrap", 4));
    free(r);
}

static void test_write_insane(void)
{
    struct xencons_interface *r = page();
    char got[IN_SIZE];
    bool insane;

    r->in_prod = 50;
    r->in_cons = 5000;
    CU_ASSERT_EQUAL(consd_ring_room(r, &insane), IN_SIZE);
    CU_ASSERT(insane);
    CU_ASSERT_EQUAL(consd_ring_write(r, "hi", 2, &insane), 2);
    CU_ASSERT(insane);
    CU_ASSERT_EQUAL(r->in_prod, 5002);
    CU_ASSERT_EQUAL(guest_get(r, got, sizeof(got)), 2);
    CU_ASSERT(!memcmp(got, "hi", 2));
    CU_ASSERT_EQUAL(consd_ring_room(r, &insane), IN_SIZE);
    CU_ASSERT(!insane);
    free(r);
}

/*
 * A random walk against a model: a well-behaved guest and the backend
 * both move bytes, and now and then the guest scribbles on an index.
 * Every byte that comes out is one of the out ring's own bytes (letters,
 * never the indices beside them), and sane stretches lose nothing.
 */
static char stream(unsigned long pos)
{
    return (char)('a' + pos % 26);
}

static void test_random_walk(void)
{
    struct xencons_interface *r = page();
    char sent[64], buf[OUT_SIZE], in[IN_SIZE];
    unsigned long wpos = 0, rpos = 0;
    unsigned int step, op, seed = 12345;
    size_t n, i, room;
    bool insane;

    memset(r->out, 'z', sizeof(r->out));
    for ( step = 0; step < 20000; step++ )
    {
        op = (unsigned int)rand_r(&seed) % 100;
        if ( op < 3 )
        {
            if ( op == 0 )
                r->out_prod = (XENCONS_RING_IDX)rand_r(&seed) * 7919u;
            else if ( op == 1 )
                r->out_cons = (XENCONS_RING_IDX)rand_r(&seed);
            else
                r->in_cons = (XENCONS_RING_IDX)rand_r(&seed) * 31u;
            n = consd_ring_read(r, buf, sizeof(buf), &insane);
            for ( i = 0; i < n; i++ )
                CU_ASSERT(buf[i] >= 'a' && buf[i] <= 'z');
            /* Whatever came of it, the model starts again from here. */
            r->out_cons = r->out_prod;
            rpos = wpos;
        }
        else if ( op < 50 )
        {
            room = OUT_SIZE - (r->out_prod - r->out_cons);
            n = (size_t)rand_r(&seed) % sizeof(sent);
            if ( n > room )
                n = room;
            for ( i = 0; i < n; i++ )
                sent[i] = stream(wpos + i);
            guest_put(r, sent, n);
            wpos += n;
        }
        else if ( op < 80 )
        {
            n = consd_ring_read(r, buf, (size_t)rand_r(&seed) % OUT_SIZE,
                                &insane);
            CU_ASSERT(!insane);
            for ( i = 0; i < n && buf[i] == stream(rpos + i); i++ )
                continue;
            CU_ASSERT_EQUAL(i, n);
            rpos += n;
        }
        else
        {
            consd_ring_write(r, "0123456789", (size_t)rand_r(&seed) % 10,
                             &insane);
            room = consd_ring_room(r, &insane);
            CU_ASSERT(room <= IN_SIZE);
            if ( op > 90 )
                guest_get(r, in, (size_t)rand_r(&seed) % IN_SIZE);
        }
    }
    free(r);
}

int main(void)
{
    CU_pSuite s;
    unsigned int failures;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    s = CU_add_suite("vmconsoled rings", NULL, NULL);
    CU_add_test(s, "read", test_read_simple);
    CU_add_test(s, "read across both wraps", test_read_wrap);
    CU_add_test(s, "read partly, and a full ring", test_read_partial_and_full);
    CU_add_test(s, "hostile output indices", test_read_insane);
    CU_add_test(s, "write across both wraps, and full",
                test_write_wrap_and_full);
    CU_add_test(s, "hostile input indices", test_write_insane);
    CU_add_test(s, "random walk with a scribbling guest", test_random_walk);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}
