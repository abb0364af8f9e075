/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the dom-unpriv and dom-pingpong guests share: a domU console ring
 * that waits for dom0 to drain it (so a domU may print more than the ring
 * holds), dom0's side of that ring, a built domU's command line, and
 * waiting for the events of a ping-pong by SCHEDOP_block or SCHEDOP_poll.
 */
#ifndef DOM_PEER_H
#define DOM_PEER_H

#include "sched-build.h"
#include "upcall.h"

/* --- the domU's side ------------------------------------------------------ */

/* Our console ring, found in our P2M: the builder maps every frame. */
static inline struct xencons_interface *peer_ring(void)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    for ( unsigned long pfn = 0; pfn < start_info->nr_pages; pfn++ )
        if ( p2m[pfn] == start_info->console.domU.mfn )
            return (struct xencons_interface *)(VIRT_BASE + pfn * DOM_PAGE);
    return NULL;
}

/*
 * Write into the ring, yielding to dom0 while it is full: dom0 is bound
 * to the ring's port and drains it when woken.
 */
static inline void peer_console_write(const char *s, size_t n)
{
    static struct xencons_interface *ring;
    struct evtchn_send send = { .port = start_info->console.domU.evtchn };
    XENCONS_RING_IDX prod;

    if ( !ring && !(ring = peer_ring()) )
        return;
    prod = ring->out_prod;
    for ( size_t i = 0; i < n; i++ )
    {
        while ( prod - __atomic_load_n(&ring->out_cons, __ATOMIC_ACQUIRE) >=
                sizeof(ring->out) )
        {
            __atomic_store_n(&ring->out_prod, prod, __ATOMIC_RELEASE);
            HYPERVISOR_event_channel_op(EVTCHNOP_send, &send);
            HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
        }
        ring->out[MASK_XENCONS_IDX(prod++, ring->out)] = s[i];
    }
    __atomic_store_n(&ring->out_prod, prod, __ATOMIC_RELEASE);
    HYPERVISOR_event_channel_op(EVTCHNOP_send, &send);
}

/* --- dom0's side ---------------------------------------------------------- */

/* dom0's view of a domU's console: a partial line, and what was seen. */
struct peer_console
{
    evtchn_port_t port;             /* dom0's end of the console channel */
    char line[160];
    size_t len;
    bool seen;                      /* the awaited text went by */
};

/* Rewrite the command line of a built domU (its id is known only now). */
static inline long peer_set_cmdline(const struct domu *u, const char *line)
{
    start_info_t *si = sb_map(u->id, u->mfn[u->nr_img + SB_SI]);

    if ( !si )
        return -EFAULT;
    memset(si->cmd_line, 0, sizeof(si->cmd_line));
    memcpy(si->cmd_line, line, strnlen(line, sizeof(si->cmd_line) - 1));
    return sb_unmap();
}

/* Bind dom0's end of the domU's console channel. */
static inline long peer_console_bind(const struct domu *u,
                                     struct peer_console *pc)
{
    struct evtchn_bind_interdomain b = {
        .remote_dom = u->id, .remote_port = u->console_port,
    };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_interdomain, &b);

    memset(pc, 0, sizeof(*pc));
    pc->port = b.local_port;
    return rc;
}

/*
 * Take what the domU wrote and print it a line at a time under "dN| ",
 * its own verdict lines reworded so that the runner reading our console
 * takes only dom0's.  Notes whether 'want' went by in a line.
 */
static inline void peer_drain(const struct domu *u, struct peer_console *pc,
                              const char *want)
{
    static char text[sizeof(((struct xencons_interface *)0)->out)];
    struct xencons_interface *c = sb_map(u->id, u->mfn[u->nr_img + SB_CONS]);
    XENCONS_RING_IDX i, prod;
    size_t n = 0;

    if ( !c )
        return;
    prod = __atomic_load_n(&c->out_prod, __ATOMIC_ACQUIRE);
    for ( i = c->out_cons; i != prod && n < sizeof(text); i++ )
        text[n++] = c->out[MASK_XENCONS_IDX(i, c->out)];
    __atomic_store_n(&c->out_cons, i, __ATOMIC_RELEASE);
    sb_unmap();

    for ( size_t k = 0; k < n; k++ )
    {
        if ( text[k] != '\n' )
        {
            if ( pc->len < sizeof(pc->line) - 1 )
                pc->line[pc->len++] = text[k];
            continue;
        }
        pc->line[pc->len] = '\0';
        if ( want && strstr(pc->line, want) )
            pc->seen = true;
        sb_replace(pc->line, "Test result:", "result");
        sb_replace(pc->line, "hvtest:", "lib:");
        printf("d%u| %s\n", u->id, pc->line);
        pc->len = 0;
    }
}

/*
 * Run the domU until it shuts down (or 'ns' pass), draining its console
 * whenever it writes: the shutdown reason, or -1 on a timeout.  *told
 * says whether VIRQ_DOM_EXC (port dom_exc) fired.
 */
static inline int peer_run(const struct domu *u, struct peer_console *pc,
                           evtchn_port_t dom_exc, uint64_t ns, bool *told,
                           const char *want)
{
    uint64_t end = sys_now() + ns;
    evtchn_port_t ports[2] = { pc->port, dom_exc };
    int reason = -1;

    for ( ;; )
    {
        struct sched_poll p = { .nr_ports = 2, .timeout = end };
        uint32_t flags;

        port_test_and_clear(pc->port);
        if ( port_test_and_clear(dom_exc) )
            *told = true;
        peer_drain(u, pc, want);
        flags = domu_flags(u->id);
        if ( flags != ~0U && (flags & XEN_DOMINF_shutdown) )
        {
            reason = (flags >> XEN_DOMINF_shutdownshift) &
                     XEN_DOMINF_shutdownmask;
            break;
        }
        if ( sys_now() >= end )
            break;
        set_xen_guest_handle(p.ports, ports);
        HYPERVISOR_sched_op(SCHEDOP_poll, &p);
    }
    /*
     * The VIRQ is raised as the domain is marked shut down: if we were
     * preempted between looking at the port and at the flags, it is
     * pending now.
     */
    if ( port_test_and_clear(dom_exc) )
        *told = true;
    peer_drain(u, pc, want);
    return reason;
}

/* --- ping-pong, on either side ------------------------------------------ */

/*
 * Events seen on the ping-pong port so far, and whether the other port
 * watched (dom0's VIRQ_DOM_EXC) fired.  The event callback counts them
 * while blocking; a poll counts them itself with upcalls masked.
 */
static struct
{
    evtchn_port_t port, other;
    volatile unsigned int seen;
    volatile bool other_fired;
} pp __attribute__((unused));

static inline void pp_hook(evtchn_port_t port)
{
    if ( port == pp.port )
        pp.seen++;
    else if ( pp.other && port == pp.other )
        pp.other_fired = true;
}

/*
 * Take events through the counting callback, masked for now: a VCPU
 * built by a toolstack starts with upcalls enabled and no callback, so an
 * event (a fresh interdomain binding is pending at once) would crash it.
 */
static inline void pp_setup(void)
{
    traps_init();
    upcall_init();
    *upcall_mask() = 1;
    upcall_port_hook = pp_hook;
}

static inline void pp_start(evtchn_port_t port, evtchn_port_t other)
{
    pp.port = port;
    pp.other = other;
    pp.seen = 0;
    pp.other_fired = false;
}

/*
 * Block until event n has come (or the other port fired): block enables
 * upcalls and returns at once if one is pending, so testing the count
 * with upcalls masked and then blocking loses no wake-up.
 */
static inline void pp_wait_block(unsigned int n)
{
    for ( ;; )
    {
        *upcall_mask() = 1;
        asm volatile ( "" ::: "memory" );
        if ( pp.seen >= n || pp.other_fired )
            break;
        HYPERVISOR_sched_op(SCHEDOP_block, NULL);
    }
}

/* Poll the port (and the other one) until event n has come, or 'until'. */
static inline void pp_wait_poll(unsigned int n, uint64_t until)
{
    evtchn_port_t ports[2] = { pp.port, pp.other };

    *upcall_mask() = 1;
    while ( pp.seen < n && !pp.other_fired && sys_now() < until )
    {
        struct sched_poll p = { .nr_ports = pp.other ? 2 : 1,
                                .timeout = until };

        set_xen_guest_handle(p.ports, ports);
        HYPERVISOR_sched_op(SCHEDOP_poll, &p);
        if ( port_test_and_clear(pp.port) )
            pp.seen++;
        if ( pp.other && port_test_and_clear(pp.other) )
            pp.other_fired = true;
    }
}

static inline long pp_send(void)
{
    struct evtchn_send s = { .port = pp.port };

    return HYPERVISOR_event_channel_op(EVTCHNOP_send, &s);
}

#endif /* DOM_PEER_H */
