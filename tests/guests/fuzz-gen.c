/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall fuzzer's generator: one random call, any number, with
 * arguments that reach deep into its handler, but never one that would
 * legitimately end or wedge the guest.  What is left out, and why:
 *
 * - iret: returns to whatever frame it reads; a random one ends us.
 * - sched_op shutdown, shutdown_code (rewrites the reason the run ends
 *   with), remote_shutdown of ourselves; block (nothing would wake us:
 *   events stay masked); poll without a timeout or with a far one.
 * - set_trap_table, set_callbacks, callback_op, nmi_op, set_debugreg and
 *   vcpu_op send_nmi only outside multicalls: they are undone right after
 *   the call, before anything can be delivered through them.
 * - Our own mappings stay: update_va_mapping and mmu_update write only the
 *   scratch slots and pool frames; NEW_BASEPTR only reloads the live L4;
 *   descriptors, cleared and copied pages, grant copies, transfers and
 *   decreased reservations land only on pool, balloon or garbage frames.
 * - vcpu_op down on VCPU 0, initialise/up of a VCPU that could exist,
 *   register_vcpu_info on a real frame (moves the upcall mask we rely on),
 *   FIFO event channels on a real frame (leaves the 2-level ABI we check).
 * - The dom0-only calls that drive the host rather than a domain: debug
 *   keys, runtime parameters, livepatch, CPU pools and hotplug, page
 *   offlining, power management, MTRRs, microcode, ACPI sleep, kexec,
 *   machine-check injection, PMU and profiling control, trace buffers,
 *   physdev IRQ/MSI/PCI management and IO-APIC writes, device assignment.
 * - domctl on ourselves except reads; createdomain but for our one domU.
 */
#include "fuzz-hypercalls.h"

/* A few Xen numbers our public headers do not carry. */
#define XEN_SYSCTL_set_parameter    28
#define XENPMU_mode_set             1
#define XENPMU_feature_set          3
#define XENPMU_init                 4
#define XEN_HYPFS_OP_write_contents 2
#define XEN_MC_msrinject            4
#define XEN_MC_mceinject            5
#define XEN_MC_inject_v2            6
#define XEN_MCA_INTERFACE_VERSION   0x01ecc003
#ifndef MEMOP_EXTENT_SHIFT
#define MEMOP_EXTENT_SHIFT          6
#endif

static uint64_t now_ns(void)
{
    shared_info_t *s = trap_shared_info();

    return s ? s->vcpu_info[0].time.system_time : 0;
}

static bool one_in(unsigned int n)
{
    return rnd() % n == 0;
}

static unsigned long pick(const unsigned long *v, unsigned int n)
{
    return v[rnd() % n];
}

#define PICK(...) ({ static const unsigned long v_[] = { __VA_ARGS__ }; \
                     pick(v_, ARRAY_SIZE(v_)); })

/* A small count, or sometimes a huge one. */
static unsigned long rcount(unsigned int max)
{
    return one_in(8) ? rnum() : rnd() % (max + 1);
}

/* An event channel port: small, at the 2-level limits, or anything. */
static uint32_t rport(void)
{
    switch ( rnd() % 6 )
    {
    case 0:
        return PICK(1023, 1024, 4095, 4096, 0x7fffffff, 0xffffffff);
    case 1:
        return rnd();
    default:
        return rnd() % 64;
    }
}

/* A virtual address our scratch slots cover, or one that maps nothing. */
static unsigned long rva(void)
{
    switch ( rnd() % 8 )
    {
    case 0:
        return bad_ptr();
    case 1:
        /* Past our start-of-day mappings: no L1 there. */
        return VIRT_BASE + (512UL << 20) + (rnd() % (512UL << 20));
    default:
        return scratch_va(rnd() % FZ_SLOTS) + (one_in(8) ? rnd() % PAGE : 0);
    }
}

/* A page-table entry: a frame of some kind and random flags. */
static uint64_t rpte(void)
{
    uint64_t v, r = rnd();

    switch ( r % 8 )
    {
    case 0:
        return 0;
    case 1:
        return rnd();
    case 2:
        v = garbage_mfn() << 12;
        break;
    case 3: case 4:
        v = readable_mfn() << 12;
        break;
    default:
        v = any_pool_mfn() << 12;
        break;
    }
    v &= PTE_ADDR;
    v |= (r >> 8) & 0xfff;
    if ( (r >> 20) & 1 )
        v |= PTE_NX;
    if ( (r >> 21) & 3 )
        v |= PTE_P;
    return v;
}

/* The machine address of a page-table entry we may write. */
static uint64_t rptr_ma(void)
{
    unsigned long ma;

    switch ( rnd() % 8 )
    {
    case 0:
        return rnd() & ~7UL;
    case 1:
        return garbage_mfn() << 12;
    case 2: case 3:
        l1e_of(scratch_va(rnd() % FZ_SLOTS), &ma);
        return ma;
    default:
        return entry_ma(any_pool_mfn(), rnd() % 512);
    }
}

/* mmu_update and friends. */

static void gen_mmu_update(struct fuzz_call *c)
{
    unsigned long n = rcount(6);
    mmu_update_t *req = arena_alloc(sizeof(*req) * 8);

    for ( unsigned int i = 0; i < 8; i++ )
    {
        uint64_t cmd = one_in(8) ? rnd() % 8 : PICK(0, 0, 2, 3, 1);

        if ( cmd == MMU_MACHPHYS_UPDATE )
        {
            /* Only pool frames: our tables' M2P entries find them. */
            req[i].ptr = (any_pool_mfn() << 12) | cmd;
            req[i].val = rnum();
        }
        else
        {
            req[i].ptr = rptr_ma() | cmd;
            req[i].val = rpte();
        }
    }
    c->sub = req[0].ptr & 7;
    c->a[0] = one_in(16) ? rptr(sizeof(*req)) : (unsigned long)req;
    c->a[1] = n;
    c->a[2] = one_in(2) ? 0 : rptr(4);
    c->a[3] = rnd() % 4 ? DOMID_SELF : rdomid(true);
}

static void gen_uvm(struct fuzz_call *c, bool other)
{
    unsigned long flags = rnd() % 8;

    if ( (flags & 4) == 0 && one_in(2) )
        flags |= rptr(8) & ~7UL;        /* UVMF_MULTI with a VCPU mask */
    c->a[0] = rva();
    c->a[1] = rpte();
    c->a[2] = one_in(16) ? rnum() : flags;
    if ( other )
        c->a[3] = rnd() % 2 ? DOMID_SELF : rdomid(true);
}

static void gen_mmuext(struct fuzz_call *c)
{
    unsigned long n = rcount(4);
    mmuext_op_t *op = arena_alloc(sizeof(*op) * 4);

    for ( unsigned int i = 0; i < 4; i++ )
    {
        unsigned int cmd = one_in(16) ? rnd() % 32 : rnd() % 21;

        memset(&op[i], 0, sizeof(op[i]));
        op[i].cmd = cmd;
        switch ( cmd )
        {
        case MMUEXT_PIN_L1_TABLE: case MMUEXT_PIN_L2_TABLE:
        case MMUEXT_PIN_L3_TABLE: case MMUEXT_PIN_L4_TABLE:
        case MMUEXT_UNPIN_TABLE:
            op[i].arg1.mfn = one_in(8) ? readable_mfn() : any_pool_mfn();
            break;
        case MMUEXT_NEW_BASEPTR:
            op[i].arg1.mfn = live_l4_mfn();
            break;
        case MMUEXT_NEW_USER_BASEPTR:
            /*
             * Not our live L4: with VMASST m2p_strict a user base loses
             * its M2P slot, and ours is the kernel's too.
             */
            op[i].arg1.mfn = one_in(4) ? 0 : writable_mfn();
            break;
        case MMUEXT_INVLPG_LOCAL: case MMUEXT_INVLPG_MULTI:
        case MMUEXT_INVLPG_ALL:
            op[i].arg1.linear_addr = one_in(2) ? rva() : rnum();
            op[i].arg2.vcpumask.p = (void *)rptr(8);
            break;
        case MMUEXT_TLB_FLUSH_MULTI:
            op[i].arg2.vcpumask.p = (void *)rptr(8);
            break;
        case MMUEXT_SET_LDT:
            op[i].arg1.linear_addr = one_in(2) ? rva() : rword();
            op[i].arg2.nr_ents = rnum();
            break;
        case MMUEXT_CLEAR_PAGE: case MMUEXT_COPY_PAGE:
            op[i].arg1.mfn = writable_mfn();
            op[i].arg2.src_mfn = readable_mfn();
            break;
        case MMUEXT_MARK_SUPER: case MMUEXT_UNMARK_SUPER:
            op[i].arg1.mfn = writable_mfn();
            break;
        default:
            op[i].arg1.mfn = rword();
            op[i].arg2.src_mfn = rword();
            break;
        }
    }
    c->sub = op[0].cmd;
    c->a[0] = one_in(16) ? rptr(sizeof(*op)) : (unsigned long)op;
    c->a[1] = n;
    c->a[2] = one_in(2) ? 0 : rptr(4);
    c->a[3] = rnd() % 4 ? DOMID_SELF : rdomid(true);
    /* An LDT somewhere random is undone with the segments. */
    c->restore |= FZ_SEGMENTS;
}

/* memory_op: reservations of our own balloon frames, and the rest. */

struct resv_ctx {
    unsigned int cmd;
    xen_pfn_t *list;
    unsigned long nr, start;
    domid_t dom;
    struct xen_memory_exchange *x;
};

static void post_reservation(struct fuzz_call *c, long rc)
{
    struct resv_ctx *r = c->ctx;
    bool self = r->dom == DOMID_SELF || r->dom == 0;

    if ( !self )
        return;
    if ( r->cmd == XENMEM_exchange )
    {
        unsigned long done = r->x->nr_exchanged;

        if ( done > r->nr || done < r->start )
            done = r->start;
        /* Frames not exchanged are still ours; new ones are written back. */
        for ( unsigned long i = 0; i < r->nr; i++ )
            if ( i < r->start || i >= done )
                balloon_give(r->list[i]);
        for ( unsigned long i = r->start; i < done; i++ )
            balloon_give(((xen_pfn_t *)r->x->out.extent_start.p)[i]);
        return;
    }
    if ( rc < 0 )
        rc = r->start;
    if ( (unsigned long)rc > r->nr )
        rc = r->nr;
    if ( r->cmd == XENMEM_decrease_reservation )
    {
        /* Extents before the start or after the stop are still ours. */
        for ( unsigned long i = 0; i < r->nr; i++ )
            if ( i < r->start || i >= (unsigned long)rc )
                balloon_give(r->list[i]);
        return;
    }
    /* increase_reservation, populate_physmap: new frames written back. */
    for ( unsigned long i = r->start; i < (unsigned long)rc; i++ )
        balloon_give(r->list[i]);
}

static void gen_reservation(struct fuzz_call *c, unsigned int cmd)
{
    struct xen_memory_reservation *m = ctx_alloc(sizeof(*m));
    struct resv_ctx *r = ctx_alloc(sizeof(*r));
    xen_pfn_t *list = ctx_alloc(8 * sizeof(*list));
    unsigned long nr = rnd() % 5, start = one_in(8) ? rnd() % 3 : 0;
    domid_t dom = rnd() % 4 ? DOMID_SELF : rdomid(true);

    if ( dom == 0 )
        dom = DOMID_SELF;
    memset(m, 0, sizeof(*m));
    for ( unsigned long i = 0; i < nr; i++ )
    {
        if ( cmd == XENMEM_decrease_reservation && dom == DOMID_SELF )
            list[i] = one_in(4) ? garbage_mfn() : balloon_take();
        else if ( cmd == XENMEM_decrease_reservation )
            list[i] = writable_mfn();
        else
            list[i] = one_in(2) ? spare_pfn(FZ_POOL + rnd() % 64) : rnum();
    }
    /* A failed take yields 0, which is nobody's in a PV guest's view. */
    m->nr_extents = nr;
    m->extent_order = rnd() % 4 ? 0 : rnd() % 12;
    m->mem_flags = rnd() % 4 ? 0 : rword();
    m->domid = dom;
    set_xen_guest_handle(m->extent_start, list);
    if ( one_in(16) )
    {
        /* The list somewhere wrong: nothing may be kept or lost. */
        m->extent_start.p = (void *)rptr(8);
        if ( cmd == XENMEM_decrease_reservation && dom == DOMID_SELF )
            for ( unsigned long i = 0; i < nr; i++ )
                balloon_give(list[i]);
        nr = 0;
    }
    if ( m->extent_order && cmd == XENMEM_decrease_reservation )
    {
        /* Bigger extents would free neighbours of our frames. */
        m->extent_order = 0;
    }
    r->cmd = cmd;
    r->list = list;
    r->nr = nr;
    r->start = start;
    r->dom = dom;
    c->a[0] = cmd | (start << MEMOP_EXTENT_SHIFT);
    c->a[1] = (unsigned long)m;
    /* Higher orders for ourselves would be untracked: keep them foreign. */
    if ( m->extent_order && (dom == DOMID_SELF) )
        m->extent_order = 0;
    c->post = post_reservation;
    c->ctx = r;
}

static void gen_exchange(struct fuzz_call *c)
{
    struct xen_memory_exchange *x = ctx_alloc(sizeof(*x));
    struct resv_ctx *r = ctx_alloc(sizeof(*r));
    xen_pfn_t *in = ctx_alloc(4 * sizeof(*in));
    xen_pfn_t *out = ctx_alloc(4 * sizeof(*out));
    unsigned long nr = rnd() % 4;

    memset(x, 0, sizeof(*x));
    for ( unsigned long i = 0; i < nr; i++ )
        in[i] = one_in(4) ? garbage_mfn() : balloon_take();
    for ( unsigned long i = 0; i < 4; i++ )
        out[i] = rnum();
    x->in.nr_extents = nr;
    x->in.domid = DOMID_SELF;
    x->out.nr_extents = one_in(4) ? rnd() % 5 : nr;
    x->out.domid = one_in(8) ? rdomid(true) : DOMID_SELF;
    x->out.mem_flags = one_in(4) ? rword() : 0;
    x->nr_exchanged = one_in(8) ? rnd() % 4 : 0;
    set_xen_guest_handle(x->in.extent_start, in);
    set_xen_guest_handle(x->out.extent_start, out);
    r->cmd = XENMEM_exchange;
    r->list = in;
    r->nr = nr;
    r->dom = DOMID_SELF;
    r->start = x->nr_exchanged;
    r->x = x;
    c->a[0] = XENMEM_exchange;
    c->a[1] = (unsigned long)x;
    c->post = post_reservation;
    c->ctx = r;
}

static void gen_memory_op(struct fuzz_call *c)
{
    unsigned int cmd = one_in(8) ? rnd() % 64 : rnd() % 29;

    switch ( cmd )
    {
    case XENMEM_increase_reservation:
    case XENMEM_decrease_reservation:
    case XENMEM_populate_physmap:
        gen_reservation(c, cmd);
        return;
    case XENMEM_exchange:
        gen_exchange(c);
        return;
    case XENMEM_add_to_physmap:
    {
        struct xen_add_to_physmap *a = arena_alloc(sizeof(*a));

        a->domid = rdomid(true);
        a->size = rnum();
        a->space = rnd() % 8;
        a->idx = rnum();
        a->gpfn = one_in(2) ? spare_pfn(rnd() % FZ_POOL) : rnum() | 1UL << 40;
        c->a[1] = one_in(8) ? rptr(sizeof(*a)) : (unsigned long)a;
        break;
    }
    case XENMEM_remove_from_physmap:
    {
        struct xen_remove_from_physmap *x = arena_alloc(sizeof(*x));

        x->domid = rdomid(true);
        x->gpfn = one_in(2) ? spare_pfn(rnd() % FZ_POOL) : rnum() | 1UL << 40;
        c->a[1] = one_in(8) ? rptr(sizeof(*x)) : (unsigned long)x;
        break;
    }
    case XENMEM_add_to_physmap_batch:
    {
        struct xen_add_to_physmap_batch *b = arena_alloc(sizeof(*b));
        xen_ulong_t *idx = arena_alloc(4 * sizeof(*idx));
        xen_pfn_t *gpfn = arena_alloc(4 * sizeof(*gpfn));

        fill_junk(b, sizeof(*b));
        for ( unsigned int i = 0; i < 4; i++ )
        {
            idx[i] = rnum();
            gpfn[i] = spare_pfn(rnd() % FZ_POOL);
        }
        b->domid = rdomid(true);
        b->size = rcount(4);
        set_xen_guest_handle(b->idxs, idx);
        set_xen_guest_handle(b->gpfns, gpfn);
        b->errs.p = (void *)rptr(16);
        c->a[1] = (unsigned long)b;
        break;
    }
    default:
    {
        /* Queries and foreign-only operations: any structure will do. */
        void *p = arena_alloc(256);

        fill_junk(p, 256);
        /* Most start with a domid, or a count and then a handle. */
        if ( one_in(2) )
            *(domid_t *)p = rdomid(true);
        c->a[1] = one_in(4) ? rptr(64) : (unsigned long)p;
        break;
    }
    }
    /* Continuation bits above the command: only with no extents to track. */
    c->a[0] = cmd | (one_in(8) ? rnum() << MEMOP_EXTENT_SHIFT : 0);
}

/* Grant tables. */

static unsigned long rhost_addr(uint32_t flags)
{
    if ( flags & GNTMAP_contains_pte )
        return rnd() % 4 ? rptr_ma() : rnd() & ~7UL;
    return rnd() % 4 ? rva() : bad_ptr();
}

static uint32_t rgntmap_flags(void)
{
    uint32_t f = rnd() & 0x1f;

    if ( rnd() % 4 )
        f |= GNTMAP_host_map;
    return one_in(16) ? (uint32_t)rnd() : f;
}

static uint32_t rgref(void)
{
    return rnd() % 4 ? rnd() % FZ_GREFS : rnum();
}

static void gen_grant_table_op(struct fuzz_call *c)
{
    unsigned int cmd = one_in(16) ? rnum() : rnd() % 13;
    /*
     * At most the entries built: beyond them, random words could name
     * our own pages as addresses to map over or take mappings from.
     */
    unsigned long n = rnd() % 5;
    size_t sz = 64;
    uint8_t *buf = arena_alloc(sz * 4);

    fill_junk(buf, sz * 4);
    for ( unsigned int i = 0; i < 4; i++ )
    {
        /* Built 64 bytes apart, packed to the structure's size below. */
        void *e = buf + i * 64;

        switch ( cmd )
        {
        case GNTTABOP_map_grant_ref:
        {
            struct gnttab_map_grant_ref *m = e;

            m->flags = rgntmap_flags();
            m->host_addr = rhost_addr(m->flags);
            m->ref = rgref();
            m->dom = rnd() % 2 ? 0 : rdomid(true);
            sz = sizeof(*m);
            break;
        }
        case GNTTABOP_unmap_grant_ref:
        {
            struct gnttab_unmap_grant_ref *u = e;

            u->host_addr = rhost_addr(rnd() & GNTMAP_contains_pte);
            u->dev_bus_addr = one_in(2) ? 0 : rword();
            u->handle = rnd() % 4 ? rnd() % 16 : (uint32_t)rnum();
            sz = sizeof(*u);
            break;
        }
        case GNTTABOP_setup_table:
        case GNTTABOP_get_status_frames:
        {
            struct gnttab_setup_table *s = e;

            s->dom = rdomid(true);
            s->nr_frames = rcount(40);
            s->frame_list.p = (void *)rptr(s->nr_frames * 8);
            sz = sizeof(*s);
            break;
        }
        case GNTTABOP_transfer:
        {
            struct gnttab_transfer *t = e;

            /* Only a frame we can spare; the balloon does not get it back. */
            t->mfn = one_in(2) ? garbage_mfn() : balloon_take();
            if ( !t->mfn )
                t->mfn = garbage_mfn();
            t->domid = rdomid(true);
            t->ref = rgref();
            sz = sizeof(*t);
            break;
        }
        case GNTTABOP_copy:
        {
            struct gnttab_copy *g = e;

            g->flags = rnd() % 4;
            if ( g->flags & GNTCOPY_source_gref )
                g->source.u.ref = rgref();
            else
                g->source.u.gmfn = readable_mfn();
            if ( g->flags & GNTCOPY_dest_gref )
                g->dest.u.ref = rgref();
            else
                g->dest.u.gmfn = writable_mfn();
            g->source.domid = rnd() % 2 ? DOMID_SELF : rdomid(true);
            g->dest.domid = rnd() % 2 ? DOMID_SELF : rdomid(true);
            g->source.offset = rnd() % 4 ? rnd() % PAGE : rnd();
            g->dest.offset = rnd() % 4 ? rnd() % PAGE : rnd();
            g->len = rnd() % 4 ? rnd() % (PAGE + 1) : rnd();
            if ( one_in(8) )
                g->flags = rnd();
            sz = sizeof(*g);
            break;
        }
        case GNTTABOP_unmap_and_replace:
        {
            struct gnttab_unmap_and_replace *u = e;

            u->host_addr = rva();
            u->new_addr = rva();
            u->handle = rnd() % 4 ? rnd() % 16 : (uint32_t)rnum();
            sz = sizeof(*u);
            break;
        }
        case GNTTABOP_set_version:
            *(uint32_t *)e = rnd() % 4 ? rnd() % 4 : rnd();
            break;
        case GNTTABOP_swap_grant_ref:
            ((uint32_t *)e)[0] = rgref();
            ((uint32_t *)e)[1] = rgref();
            break;
        case GNTTABOP_query_size: case GNTTABOP_dump_table:
        case GNTTABOP_get_version:
            *(domid_t *)e = rdomid(true);
            break;
        default:
            break;
        }
    }
    if ( cmd == GNTTABOP_transfer )
    {
        /* A transfer moves 'n' entries at most; the rest keep their frames. */
        for ( unsigned int i = n < 4 ? n : 4; i < 4; i++ )
        {
            struct gnttab_transfer *t = (void *)(buf + i * 64);

            balloon_give(t->mfn);
        }
    }
    /* Entries must lie back to back, of the size of the structure. */
    for ( unsigned int i = 1; i < 4 && sz < 64; i++ )
        memmove(buf + i * sz, buf + i * 64, sz);
    c->a[0] = cmd;
    c->a[1] = (unsigned long)buf;
    c->a[2] = n;
    if ( one_in(16) )
    {
        c->a[1] = bad_ptr();
        c->a[2] = rnum();
    }
}

/* Event channels. */

static void fill_evtchn(unsigned int cmd, void *e)
{
    uint32_t *w = e;

    fill_junk(e, 24);
    switch ( cmd )
    {
    case EVTCHNOP_bind_interdomain:
        *(domid_t *)e = rdomid(true);
        w[1] = rport();
        break;
    case EVTCHNOP_bind_virq:
        w[0] = rnd() % 4 ? rnd() % 24 : rnum();
        w[1] = rnd() % 4 ? 0 : rnum();
        break;
    case EVTCHNOP_bind_pirq:
        /* Well away from the host's own interrupts. */
        w[0] = 0x10000 + (uint32_t)rnum();
        w[1] = rnd() % 4;
        break;
    case EVTCHNOP_close: case EVTCHNOP_send: case EVTCHNOP_unmask:
        w[0] = rport();
        break;
    case EVTCHNOP_status:
        *(domid_t *)e = rdomid(true);
        w[1] = rport();
        break;
    case EVTCHNOP_alloc_unbound:
        ((domid_t *)e)[0] = rdomid(true);
        ((domid_t *)e)[1] = rdomid(true);
        break;
    case EVTCHNOP_bind_ipi:
        w[0] = rnd() % 4 ? 0 : rnum();
        break;
    case EVTCHNOP_bind_vcpu: case EVTCHNOP_set_priority:
        w[0] = rport();
        w[1] = rnd() % 4 ? rnd() % 2 : rnum();
        break;
    case EVTCHNOP_reset:
        *(domid_t *)e = rdomid(true);
        break;
    case EVTCHNOP_init_control: case EVTCHNOP_expand_array:
        /* A frame nobody owns: the FIFO ABI must not take over. */
        *(uint64_t *)e = garbage_mfn();
        break;
    default:
        break;
    }
}

static void gen_evtchn(struct fuzz_call *c, bool compat)
{
    unsigned int cmd = one_in(16) ? rnum() : rnd() % 15;
    uint8_t *e = arena_alloc(32);

    c->sub = cmd;
    if ( compat )
    {
        *(uint32_t *)e = cmd;
        fill_evtchn(cmd, e + offsetof(struct evtchn_op, u));
        c->a[0] = one_in(8) ? rptr(32) : (unsigned long)e;
        return;
    }
    fill_evtchn(cmd, e);
    c->a[0] = cmd;
    c->a[1] = one_in(8) ? rptr(24) : (unsigned long)e;
}

/* Scheduler. */

static void post_watchdog(struct fuzz_call *c, long rc)
{
    struct sched_watchdog w = { .id = rc, .timeout = 0 };

    /* A new watchdog would end us when it fires: destroy it at once. */
    if ( rc > 0 )
        HYPERVISOR_sched_op(SCHEDOP_watchdog, &w);
}

static void gen_sched_op(struct fuzz_call *c, bool nested)
{
    unsigned int cmd = one_in(8) ? rnum() : rnd() % 8;
    void *p = arena_junk(32);

    switch ( cmd )
    {
    case SCHEDOP_block: case SCHEDOP_shutdown: case SCHEDOP_shutdown_code:
        cmd = SCHEDOP_yield;
        break;
    case SCHEDOP_poll:
    {
        struct sched_poll *s = p;
        evtchn_port_t *ports = arena_alloc(8 * sizeof(*ports));

        for ( unsigned int i = 0; i < 8; i++ )
            ports[i] = rport();
        s->ports.p = one_in(8) ? (void *)rptr(8) : ports;
        s->nr_ports = rcount(8);
        /* Never without a timeout, never far: now or soon. */
        s->timeout = one_in(2) ? 1 : now_ns() + rnd() % 2000000;
        break;
    }
    case SCHEDOP_remote_shutdown:
    {
        struct sched_remote_shutdown *s = p;

        s->domain_id = rdomid(false);
        s->reason = rnd() % 8;
        break;
    }
    case SCHEDOP_watchdog:
    {
        struct sched_watchdog *w = p;

        if ( nested )
        {
            cmd = SCHEDOP_yield;
            break;
        }
        w->id = rnd() % 4 ? rnd() % 4 : rnd();
        w->timeout = rnd() % 4 ? rnd() % 4 : rnd();
        /* A new one firing before we destroy it would end us. */
        if ( w->id == 0 && w->timeout < 10 )
            w->timeout += 10;
        c->post = post_watchdog;
        break;
    }
    case SCHEDOP_pin_override:
        *(int32_t *)p = rnd() % 4 ? (int)(rnd() % 3) - 1 : (int)rnd();
        c->restore |= FZ_PIN;
        break;
    default:
        break;
    }
    c->a[0] = cmd;
    /*
     * Only pointers to nothing instead of the structure: random bytes
     * could name ourselves for remote_shutdown or poll for ever.
     */
    c->a[1] = one_in(8) ? bad_ptr() : (unsigned long)p;
}

static void gen_sched_op_compat(struct fuzz_call *c)
{
    unsigned long cmd = rnum();

    /* yield, or nothing known: block and shutdown are left out. */
    if ( (unsigned int)cmd == SCHEDOP_block ||
         (unsigned int)cmd == SCHEDOP_shutdown )
        cmd = SCHEDOP_yield;
    c->a[0] = cmd;
    c->a[1] = rword();
}

/* VCPUs and timers. */

static void gen_vcpu_op(struct fuzz_call *c, bool nested)
{
    unsigned int cmd = one_in(8) ? rnum() : rnd() % 14;
    /* The hypervisor reads 32 bits: decide on what it will see. */
    uint32_t vcpu = rnd() % 4 ? 0 : rnum();
    uint64_t *p = arena_junk(64);

    switch ( cmd )
    {
    case VCPUOP_initialise: case VCPUOP_up:
        /* VCPU 0 is up already; others only where none can be. */
        if ( vcpu )
            vcpu = 4096 + rnd() % 0x7fff0000;
        break;
    case VCPUOP_down:
        if ( vcpu == 0 )
            cmd = VCPUOP_is_up;
        break;
    case VCPUOP_register_runstate_memory_area:
    case VCPUOP_register_vcpu_time_memory_area:
        p[0] = rptr(64);
        c->restore |= FZ_AREAS;
        break;
    case VCPUOP_register_vcpu_info:
        p[0] = garbage_mfn();
        p[1] = rnum();
        break;
    case VCPUOP_set_periodic_timer:
        p[0] = rnum();
        c->restore |= FZ_TIMERS;
        break;
    case VCPUOP_set_singleshot_timer:
        p[0] = rnd() % 2 ? now_ns() + rnd() % 1000000 : rnum();
        p[1] = rnd() % 4 ? rnd() % 2 : rnum();
        c->restore |= FZ_TIMERS;
        break;
    case VCPUOP_send_nmi:
        if ( nested )
            cmd = VCPUOP_is_up;
        break;
    default:
        break;
    }
    c->a[0] = cmd;
    c->a[1] = vcpu;
    c->a[2] = one_in(8) ? rptr(32) : (unsigned long)p;
}

/* The toolstack's calls. */

static void gen_domctl(struct fuzz_call *c, void *buf, bool paging_cont)
{
    static const unsigned long reads[] = {
        XEN_DOMCTL_getdomaininfo, XEN_DOMCTL_getvcpucontext,
        XEN_DOMCTL_getvcpuinfo, XEN_DOMCTL_getvcpuaffinity,
        XEN_DOMCTL_get_address_size, XEN_DOMCTL_get_ext_vcpucontext,
        XEN_DOMCTL_gettscinfo, XEN_DOMCTL_getpageframeinfo3,
        XEN_DOMCTL_getvcpuextstate, XEN_DOMCTL_getnodeaffinity,
        XEN_DOMCTL_get_vcpu_msrs, XEN_DOMCTL_get_cpu_policy,
        XEN_DOMCTL_gethvmcontext, XEN_DOMCTL_get_paging_mempool_size,
        XEN_DOMCTL_gdbsx_domstatus, 0, 999, 2000,
    };
    struct xen_domctl *d = buf;
    unsigned int cmd;
    domid_t dom;

    fill_junk(d, sizeof(*d));
    switch ( rnd() % 8 )
    {
    case 0: case 1:
        dom = rnd() % 2 ? 0 : DOMID_SELF;
        cmd = pick(reads, ARRAY_SIZE(reads));
        break;
    default:
        dom = rdomid(false);
        cmd = rnd() % 8 ? 2 + rnd() % 86 : 1000 + rnd() % 5;
        switch ( cmd )
        {
        case XEN_DOMCTL_assign_device: case XEN_DOMCTL_bind_pt_irq:
        case XEN_DOMCTL_memory_mapping: case XEN_DOMCTL_ioport_mapping:
        case XEN_DOMCTL_deassign_device: case XEN_DOMCTL_unbind_pt_irq:
            cmd = XEN_DOMCTL_getdomaininfo;
            break;
        }
        if ( one_in(32) )
            cmd = rnd();
        /* The domU can run the junk it is given; ours must not change. */
        if ( cmd == XEN_DOMCTL_createdomain )
            cmd = XEN_DOMCTL_getdomaininfo;
        break;
    }
    if ( paging_cont )
        cmd = rnd() % 4 ? XEN_DOMCTL_shadow_op : cmd;
    d->cmd = cmd;
    c->sub = cmd;
    d->interface_version = rnd() % 16 ? XEN_DOMCTL_INTERFACE_VERSION : rnd();
    d->domain = dom;
    /* Small VCPU numbers and counts in the first words reach deeper. */
    if ( rnd() % 2 )
        d->u.vcpucontext.vcpu = rnd() % 4 ? rnd() % 2 : rnum();
}

static void gen_sysctl(struct fuzz_call *c, struct xen_sysctl *s)
{
    unsigned int cmd = one_in(8) ? rnum() : rnd() % 32;

    switch ( cmd )
    {
    case XEN_SYSCTL_tbuf_op: case XEN_SYSCTL_debug_keys:
    case XEN_SYSCTL_cpu_hotplug: case XEN_SYSCTL_pm_op:
    case XEN_SYSCTL_page_offline_op: case XEN_SYSCTL_cpupool_op:
    case XEN_SYSCTL_scheduler_op: case XEN_SYSCTL_psr_cmt_op:
    case XEN_SYSCTL_psr_alloc: case XEN_SYSCTL_livepatch_op:
    case XEN_SYSCTL_set_parameter:
        cmd = XEN_SYSCTL_physinfo;
        break;
    }
    fill_junk(s, sizeof(*s));
    s->cmd = cmd;
    c->sub = cmd;
    s->interface_version = rnd() % 16 ? XEN_SYSCTL_INTERFACE_VERSION : rnd();
}

static void gen_platform_op(struct fuzz_call *c, struct xen_platform_op *p)
{
    unsigned int cmd = one_in(8) ? rnum() : rnd() % 70;

    switch ( cmd )
    {
    case XENPF_settime32: case XENPF_settime64: case XENPF_read_memtype:
    case XENPF_firmware_info: case XENPF_getidletime: case XENPF_get_cpuinfo:
    case XENPF_get_cpu_version: case XENPF_get_symbol:
        break;
    default:
        /* The host's own settings; unknown numbers stay. */
        if ( cmd >= 17 && cmd <= 63 )
            cmd = XENPF_getidletime;
        break;
    }
    fill_junk(p, sizeof(*p));
    p->cmd = cmd;
    c->sub = cmd;
    p->interface_version = rnd() % 16 ? XENPF_INTERFACE_VERSION : rnd();
}

static void gen_physdev(struct fuzz_call *c, bool compat)
{
    unsigned int cmd = one_in(8) ? rnum() : rnd() % 33;
    uint8_t *p = arena_junk(64);
    uint32_t *w;

    switch ( cmd )
    {
    case PHYSDEVOP_apic_write: case PHYSDEVOP_alloc_irq_vector:
    case PHYSDEVOP_free_irq_vector: case PHYSDEVOP_map_pirq:
    case PHYSDEVOP_manage_pci_add: case PHYSDEVOP_manage_pci_remove:
    case PHYSDEVOP_restore_msi: case PHYSDEVOP_manage_pci_add_ext:
    case PHYSDEVOP_setup_gsi: case PHYSDEVOP_pci_mmcfg_reserved:
    case PHYSDEVOP_pci_device_add: case PHYSDEVOP_pci_device_remove:
    case PHYSDEVOP_restore_msi_ext: case PHYSDEVOP_dbgp_op:
    case PHYSDEVOP_prepare_msix: case PHYSDEVOP_release_msix:
    case PHYSDEVOP_eoi: case PHYSDEVOP_unmap_pirq:
        cmd = PHYSDEVOP_irq_status_query;
        break;
    }
    c->sub = cmd;
    w = (uint32_t *)(compat ? p + offsetof(struct physdev_op, u) : p);
    switch ( cmd )
    {
    case PHYSDEVOP_set_iopl:
        w[0] = rnd() % 4 ? rnd() % 4 : rnd();
        c->restore |= FZ_IO;
        break;
    case PHYSDEVOP_set_iobitmap:
        *(uint64_t *)w = rptr(8192);
        w[2] = rnum();
        c->restore |= FZ_IO;
        break;
    case PHYSDEVOP_pirq_eoi_gmfn_v1: case PHYSDEVOP_pirq_eoi_gmfn_v2:
        *(uint64_t *)w = writable_mfn();
        break;
    case PHYSDEVOP_irq_status_query:
        /* Far from the host's own interrupts. */
        w[0] = 0x10000 + (uint32_t)rnum();
        break;
    default:
        break;
    }
    if ( compat )
    {
        *(uint32_t *)p = cmd;
        c->a[0] = one_in(8) ? rptr(32) : (unsigned long)p;
        return;
    }
    c->a[0] = cmd;
    c->a[1] = one_in(8) ? rptr(32) : (unsigned long)p;
}

/* The CPU's state: all undone after the call. */

static void gen_cpu(struct fuzz_call *c)
{
    switch ( c->nr )
    {
    case __HYPERVISOR_set_trap_table:
    {
        struct trap_info *t = arena_alloc(8 * sizeof(*t));

        for ( unsigned int i = 0; i < 8; i++ )
        {
            t[i].vector = rnd() % 4 ? rnd() % 32 : rnd();
            t[i].flags = rnd();
            t[i].cs = rnd() % 2 ? FLAT_KERNEL_CS : rnd();
            t[i].address = rnd() % 2 ? trap_stub(rnd() % 32) : rword();
        }
        if ( rnd() % 2 )
            t[rnd() % 8].address = 0;
        c->a[0] = rnd() % 4 ? (unsigned long)t : rptr(16);
        c->restore |= FZ_TRAPS;
        break;
    }
    case __HYPERVISOR_set_callbacks:
        c->a[0] = rword();
        c->a[1] = rword();
        c->a[2] = rword();
        c->restore |= FZ_TRAPS;
        break;
    case __HYPERVISOR_callback_op:
    {
        struct callback_register *r = arena_junk(sizeof(*r));

        r->type = rnd() % 4 ? rnd() % 8 : rnd();
        r->flags = rnd() % 4;
        r->address = rword();
        c->a[0] = rnd() % 4 ? rnd() % 2 : rnum();
        c->a[1] = rnd() % 8 ? (unsigned long)r : rptr(16);
        c->restore |= FZ_TRAPS;
        break;
    }
    case __HYPERVISOR_nmi_op:
    {
        uint64_t *p = arena_junk(16);

        p[0] = rword();
        c->a[0] = rnd() % 4 ? rnd() % 3 : rnum();
        c->a[1] = rnd() % 8 ? (unsigned long)p : rptr(16);
        c->restore |= FZ_TRAPS;
        break;
    }
    case __HYPERVISOR_set_debugreg:
        c->a[0] = rnd() % 4 ? rnd() % 10 : rnum();
        c->a[1] = rnd() % 2 ? rnum() : rword();
        c->restore |= FZ_DEBUGREG;
        break;
    }
}

static void gen_set_gdt(struct fuzz_call *c)
{
    unsigned long *f = arena_alloc(16 * sizeof(*f));

    for ( unsigned int i = 0; i < 16; i++ )
        f[i] = rnd() % 2 ? any_pool_mfn() :
               rnd() % 2 ? readable_mfn() : garbage_mfn();
    c->a[0] = rnd() % 8 ? (unsigned long)f : rptr(16);
    c->a[1] = rnd() % 4 ? rnd() % (16 * 512 + 2) : rnum();
    c->restore |= FZ_SEGMENTS;
}

static void gen_multicall(struct fuzz_call *c);

static void gen_args(struct fuzz_call *c, bool nested)
{
    void *buf;

    switch ( c->nr )
    {
    case __HYPERVISOR_set_trap_table: case __HYPERVISOR_set_callbacks:
    case __HYPERVISOR_callback_op: case __HYPERVISOR_nmi_op:
    case __HYPERVISOR_set_debugreg:
        gen_cpu(c);
        break;
    case __HYPERVISOR_mmu_update:
        gen_mmu_update(c);
        break;
    case __HYPERVISOR_set_gdt:
        gen_set_gdt(c);
        break;
    case __HYPERVISOR_stack_switch:
        c->a[0] = rnd() % 2 ? FLAT_KERNEL_SS : rnum();
        c->a[1] = rword();
        c->restore |= FZ_STACK;
        break;
    case __HYPERVISOR_fpu_taskswitch:
        c->a[0] = rnum();
        c->restore |= FZ_FPU;
        break;
    case __HYPERVISOR_sched_op_compat:
        gen_sched_op_compat(c);
        break;
    case __HYPERVISOR_platform_op:
        buf = arena_alloc(sizeof(struct xen_platform_op));
        gen_platform_op(c, buf);
        c->a[0] = rnd() % 8 ? (unsigned long)buf : rptr(16);
        break;
    case __HYPERVISOR_get_debugreg:
        c->a[0] = rnd() % 4 ? rnd() % 10 : rnum();
        break;
    case __HYPERVISOR_update_descriptor:
        c->a[0] = (writable_mfn() << 12) + (rnd() % 4 ? (rnd() % 512) * 8 :
                                            rnd() % PAGE);
        if ( one_in(8) )
            c->a[0] = rnum() | (1UL << 44);
        c->a[1] = rnd() % 2 ? rnd() : rnd() & 0x00cf9b000000ffffUL;
        break;
    case __HYPERVISOR_memory_op:
        gen_memory_op(c);
        break;
    case __HYPERVISOR_multicall:
        if ( nested )
        {
            c->a[0] = rptr(32);
            c->a[1] = rnum();
        }
        else
            gen_multicall(c);
        break;
    case __HYPERVISOR_update_va_mapping:
        gen_uvm(c, false);
        break;
    case __HYPERVISOR_update_va_mapping_otherdomain:
        gen_uvm(c, true);
        break;
    case __HYPERVISOR_set_timer_op:
        c->a[0] = rnd() % 2 ? now_ns() + rnd() % 1000000 : rnum();
        break;
    case __HYPERVISOR_event_channel_op_compat:
        gen_evtchn(c, true);
        break;
    case __HYPERVISOR_event_channel_op:
        gen_evtchn(c, false);
        break;
    case __HYPERVISOR_xen_version:
        c->a[0] = rnd() % 4 ? rnd() % 24 : rnum();
        c->a[1] = rptr(1024);
        break;
    case __HYPERVISOR_console_io:
    {
        static const char dots[] = "................";

        c->a[0] = rnd() % 4 ? rnd() % 3 : rnum();
        c->a[1] = rnum();
        c->a[2] = rptr(c->a[1] < 4096 ? c->a[1] : 4096);
        /* What gets written must not fill the log: dots, a few. */
        if ( (unsigned int)c->a[0] == CONSOLEIO_write )
        {
            if ( one_in(16) )
            {
                c->a[1] = rnd() % 8;
                c->a[2] = (unsigned long)dots;
            }
            else
                c->a[2] = bad_ptr();
        }
        break;
    }
    case __HYPERVISOR_physdev_op_compat:
        gen_physdev(c, true);
        break;
    case __HYPERVISOR_physdev_op:
        gen_physdev(c, false);
        break;
    case __HYPERVISOR_grant_table_op:
        gen_grant_table_op(c);
        break;
    case __HYPERVISOR_vm_assist:
        c->a[0] = rnd() % 4 ? rnd() % 2 : rnum();
        c->a[1] = rnd() % 4 ? rnd() % 8 : rnum();
        break;
    case __HYPERVISOR_vcpu_op:
        gen_vcpu_op(c, nested);
        break;
    case __HYPERVISOR_set_segment_base:
        c->a[0] = rnd() % 4 ? rnd() % 5 : rnum();
        c->a[1] = rnum();
        c->restore |= FZ_SEGMENTS;
        break;
    case __HYPERVISOR_mmuext_op:
        gen_mmuext(c);
        break;
    case __HYPERVISOR_sched_op:
        gen_sched_op(c, nested);
        break;
    case __HYPERVISOR_xenoprof_op:
        /* Setting up and starting the counters drives the host's PMU. */
        c->a[0] = PICK(0, 1, 2, 3, 4, 13, 14, 16, 18, 19, 1000);
        c->a[1] = rptr(64);
        break;
    case __HYPERVISOR_hvm_op:
        buf = arena_alloc(64);
        fill_junk(buf, 64);
        *(domid_t *)buf = rdomid(true);
        c->a[0] = rnd() % 4 ? rnd() % 40 : rnum();
        c->a[1] = rnd() % 8 ? (unsigned long)buf : rptr(16);
        break;
    case __HYPERVISOR_sysctl:
        buf = arena_alloc(sizeof(struct xen_sysctl));
        gen_sysctl(c, buf);
        c->a[0] = rnd() % 8 ? (unsigned long)buf : rptr(16);
        break;
    case __HYPERVISOR_domctl:
    case __HYPERVISOR_arch_0:
        buf = arena_alloc(sizeof(struct xen_domctl));
        gen_domctl(c, buf, c->nr == __HYPERVISOR_arch_0);
        c->a[0] = rnd() % 8 ? (unsigned long)buf : rptr(16);
        break;
    case __HYPERVISOR_kexec_op:
        /* get_range, status, and numbers beyond: never a load or a kexec. */
        c->a[0] = PICK(3, 6, 7, 8, 100, 0x80000003UL);
        c->a[1] = rptr(64);
        break;
    case __HYPERVISOR_xenpmu_op:
        c->a[0] = PICK(0, 2, 5, 6, 7, 8, 99);
        c->a[1] = rptr(64);
        break;
    case __HYPERVISOR_dm_op:
    {
        uint64_t *bufs = arena_alloc(4 * 16);

        for ( unsigned int i = 0; i < 4; i++ )
        {
            bufs[2 * i] = rptr(64);
            bufs[2 * i + 1] = rnd() % 2 ? rnd() % 256 : rnum();
        }
        c->a[0] = rdomid(true);
        c->a[1] = rcount(4);
        c->a[2] = rnd() % 8 ? (unsigned long)bufs : rptr(16);
        break;
    }
    case __HYPERVISOR_hypfs_op:
    {
        static const char *const paths[] = {
            "/", "/buildinfo/version/major", "/params", "", "//..",
        };
        const char *path = paths[rnd() % ARRAY_SIZE(paths)];

        c->a[0] = rnd() % 4 ? rnd() % 2 : rnum();
        if ( c->a[0] == XEN_HYPFS_OP_write_contents )
            c->a[0] = 1;
        c->a[1] = rnd() % 4 ? (unsigned long)path : rptr(8);
        c->a[2] = rnd() % 4 ? strlen(path) + 1 : rnum();
        c->a[3] = rptr(256);
        c->a[4] = rnd() % 2 ? 256 : rnum();
        break;
    }
    case __HYPERVISOR_arch_1:
    {
        /* Machine checks: fetch and CPU info, never an injection. */
        uint32_t *m = arena_alloc(512);

        fill_junk(m, 512);
        m[0] = PICK(1, 2, 3, 7, 8, 99);
        c->sub = m[0];
        m[1] = rnd() % 8 ? XEN_MCA_INTERFACE_VERSION : rnd();
        c->a[0] = rnd() % 8 ? (unsigned long)m : rptr(16);
        break;
    }
    default:
        /* Unused numbers and xsm, tmem, argo: anything at all. */
        for ( unsigned int i = 0; i < 5; i++ )
            c->a[i] = rword();
        break;
    }
}

struct mc_ctx {
    unsigned int n;
    multicall_entry_t *e;
    struct fuzz_call sub[8];
};

static void post_multicall(struct fuzz_call *c, long rc)
{
    struct mc_ctx *m = c->ctx;

    for ( unsigned int i = 0; i < m->n; i++ )
    {
        long r = m->e[i].result;

        /* Entries not reached still hold the marker they were given. */
        if ( r == -9999 )
            r = -EFAULT;
        else
            fuzz_record(&m->sub[i], r);
        if ( m->sub[i].post )
            m->sub[i].post(&m->sub[i], r);
    }
}

static void gen_multicall(struct fuzz_call *c)
{
    struct mc_ctx *m = ctx_alloc(sizeof(*m));
    unsigned int n = rnd() % 7;

    m->e = ctx_alloc(8 * sizeof(*m->e));
    m->n = n;
    for ( unsigned int i = 0; i < n; i++ )
    {
        struct fuzz_call *s = &m->sub[i];

        memset(s, 0, sizeof(*s));
        fuzz_gen(s, true);
        c->restore |= s->restore;
        m->e[i].op = s->nr;
        m->e[i].result = -9999;
        for ( unsigned int j = 0; j < 5; j++ )
            m->e[i].args[j] = s->a[j];
        m->e[i].args[5] = rword();
    }
    c->a[0] = (unsigned long)m->e;
    c->a[1] = n;
    c->post = post_multicall;
    c->ctx = m;
    if ( one_in(32) )
    {
        /* A bad list or count: entries may or may not run. */
        c->a[0] = rptr(64);
        c->a[1] = rnum();
        m->n = 0;
        for ( unsigned int i = 0; i < n; i++ )
            if ( m->sub[i].post )
                m->sub[i].post(&m->sub[i], -EFAULT);
    }
}

/* Calls a multicall entry may not make (see the top of this file). */
static bool nested_forbidden(unsigned long nr)
{
    switch ( nr )
    {
    case __HYPERVISOR_set_trap_table: case __HYPERVISOR_set_callbacks:
    case __HYPERVISOR_callback_op: case __HYPERVISOR_nmi_op:
    case __HYPERVISOR_set_debugreg:
        return true;
    }
    return false;
}

void fuzz_gen(struct fuzz_call *c, bool nested)
{
    unsigned long nr;

    memset(c, 0, sizeof(*c));
    do
    {
        if ( one_in(48) )
        {
            /* Beyond the table: mostly near it, sometimes any number. */
            nr = rnd() % 4 ? 64 + rnd() % 64 : rnd() | 64;
        }
        else
            nr = rnd() % 64;
    } while ( nr == __HYPERVISOR_iret || (nested && nested_forbidden(nr)) );
    c->nr = nr;
    c->sub = ~0u;
    gen_args(c, nested);
    if ( c->sub == ~0u )
        c->sub = c->nr == __HYPERVISOR_memory_op ? c->a[0] & 0x3f :
                 c->a[0] < 0xffff ? c->a[0] : 0xffff;
}
