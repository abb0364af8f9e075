/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domU of dom-pingpong: it binds the port dom0 offered it (named on
 * its command line), then bounces an event with dom0, waiting by
 * SCHEDOP_block and then by SCHEDOP_poll; with crash=N it dies of a fault
 * before its Nth ping.
 */
#include "dom-peer.h"

const char test_title[] = "dom-pingpong-domu: the domU end of a ping-pong";

#define SECOND 1000000000ULL

void console_write(const char *s, size_t n)
{
    peer_console_write(s, n);
}

int vprintf(const char *fmt, va_list ap)
{
    char buf[256];
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);

    console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

static unsigned long arg(const char *key)
{
    char buf[24];
    unsigned long v = 0;

    if ( !cmdline_get(key, buf, sizeof(buf)) )
        return 0;
    for ( const char *p = buf; *p >= '0' && *p <= '9'; p++ )
        v = v * 10 + (*p - '0');
    return v;
}

/* A real crash: no trap table left, so the fault kills us. */
static void crash(void)
{
    HYPERVISOR_set_trap_table(NULL);
    asm volatile ( "ud2" );
}

void test_main(void)
{
    struct evtchn_bind_interdomain b = { .remote_dom = 0 };
    struct evtchn_status st = { .dom = DOMID_SELF };
    unsigned int rounds = arg("rounds"), crash_at = arg("crash");
    unsigned int sent = 0, bad_sends = 0;

    b.remote_port = arg("port");
    if ( !CHECK(b.remote_port > 0) || !CHECK(rounds > 0) ||
         !CHECK(dom_shared_info() != NULL) )
        return;
    pp_setup();
    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain,
                                               &b), 0) )
        return;
    /* The new port starts pending, for what its unbound end may have missed. */
    CHECK(port_test_and_clear(b.local_port));
    st.port = b.local_port;
    CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_status, &st), 0);
    CHECK_EQ(st.status, EVTCHNSTAT_interdomain);
    CHECK_EQ(st.u.interdomain.dom, 0);
    CHECK_EQ(st.u.interdomain.port, b.remote_port);

    pp_start(b.local_port, 0);
    for ( unsigned int i = 1; i <= 2 * rounds; i++ )
    {
        if ( i == crash_at )
            crash();
        bad_sends += pp_send() != 0;
        sent++;
        if ( i <= rounds )
            pp_wait_block(i);
        else
            pp_wait_poll(i, sys_now() + 5 * SECOND);
        if ( pp.seen != i )
            break;
        if ( i == rounds )
            CHECK_EQ(pp.seen, rounds);
    }
    CHECK_EQ(bad_sends, 0);
    CHECK_EQ(sent, 2 * rounds);
    CHECK_EQ(pp.seen, 2 * rounds);
    CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_close, &st.port), 0);
}
