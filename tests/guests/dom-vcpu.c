/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The VCPUs of a domain dom0 creates: max_vcpus, getvcpuinfo, the VCPU
 * context a builder sets and reads back, affinity bitmaps, credit weight
 * and cap, and the address size, with Xen 4.17's refusals for each.
 */
#include "dom-util.h"

const char test_title[] = "dom-vcpu: VCPU context, affinity, scheduling";

static vcpu_guest_context_t ctxt __attribute__((aligned(64)));
static vcpu_guest_context_t back __attribute__((aligned(64)));

static long vcpuinfo(domid_t dom, uint32_t vcpu,
                     struct xen_domctl_getvcpuinfo *out)
{
    struct xen_domctl op;
    long rc;

    domctl_init(&op, XEN_DOMCTL_getvcpuinfo, dom);
    op.u.getvcpuinfo.vcpu = vcpu;
    memset(&op.u.getvcpuinfo.online, 0xee, 3);
    rc = domctl(&op);
    *out = op.u.getvcpuinfo;
    return rc;
}

static long vcpucontext(uint32_t cmd, domid_t dom, uint32_t vcpu, void *c)
{
    struct xen_domctl op;

    domctl_init(&op, cmd, dom);
    op.u.vcpucontext.vcpu = vcpu;
    op.u.vcpucontext.ctxt.p = c;
    return domctl(&op);
}

static long set_ctxt(domid_t dom, void *c)
{
    return vcpucontext(XEN_DOMCTL_setvcpucontext, dom, 0, c);
}

static long get_ctxt(domid_t dom, void *c)
{
    return vcpucontext(XEN_DOMCTL_getvcpucontext, dom, 0, c);
}

/* A context a builder would give: kernel mode, page tables at l4. */
static void good_ctxt(xen_pfn_t l4)
{
    memset(&ctxt, 0, sizeof(ctxt));
    ctxt.flags = VGCF_in_kernel;
    ctxt.user_regs.rip = 0xffffffff80001000UL;
    ctxt.user_regs.rsp = 0xffffffff80400000UL;
    ctxt.user_regs.rsi = 0xffffffff80300000UL;
    ctxt.user_regs.cs = FLAT_KERNEL_CS & ~3;
    ctxt.user_regs.ss = FLAT_KERNEL_SS & ~3;
    ctxt.user_regs.ds = FLAT_KERNEL_DS;
    ctxt.user_regs.rflags = 0x3002;         /* IOPL 3, reserved bit */
    ctxt.trap_ctxt[3].vector = 3;
    ctxt.trap_ctxt[3].flags = 3;
    ctxt.trap_ctxt[3].cs = FLAT_KERNEL_CS;
    ctxt.trap_ctxt[3].address = 0xffffffff80002000UL;
    ctxt.kernel_ss = FLAT_KERNEL_SS & ~3;
    ctxt.kernel_sp = 0xffffffff80500000UL;
    ctxt.ctrlreg[0] = 0xffffffffUL;         /* only TS is ours to set */
    ctxt.ctrlreg[3] = l4 << 12;
    ctxt.event_callback_eip = 0xffffffff80003000UL;
    ctxt.failsafe_callback_eip = 0xffffffff80004000UL;
    ctxt.syscall_callback_eip = 0xffffffff80005000UL;
    ctxt.fs_base = 0x1000;
    ctxt.gs_base_kernel = 0xffffffff80600000UL;
    ctxt.gs_base_user = 0x2000;
    ctxt.debugreg[0] = 0x1234;
    ctxt.vm_assist = 1UL << VMASST_TYPE_writable_pagetables;
}

static void test_before_vcpus(domid_t dom)
{
    struct xen_domctl_getvcpuinfo vi;
    struct xen_domctl op;

    /* The VCPU slots exist; the VCPUs come with max_vcpus. */
    CHECK_EQ(vcpuinfo(dom, 0, &vi), -ESRCH);
    CHECK_EQ(vcpuinfo(dom, 1, &vi), -EINVAL);
    CHECK_EQ(get_ctxt(dom, &back), -EINVAL);
    good_ctxt(0);
    CHECK_EQ(set_ctxt(dom, &ctxt), -EINVAL);
    domctl_init(&op, XEN_DOMCTL_getvcpuaffinity, dom);
    op.u.vcpuaffinity.flags = XEN_VCPUAFFINITY_HARD;
    CHECK_EQ(domctl(&op), -ESRCH);
}

static void test_vcpuinfo(domid_t dom)
{
    struct xen_domctl_getvcpuinfo vi;

    if ( !CHECK_EQ(vcpuinfo(dom, 0, &vi), 0) )
        return;
    CHECK_EQ(vi.vcpu, 0);
    CHECK_EQ(vi.online, 0);
    CHECK_EQ(vi.blocked, 0);
    CHECK_EQ(vi.running, 0);
    CHECK_EQ(vi.cpu_time, 0);
    CHECK_EQ(vi.cpu, 0);
    CHECK_EQ(vcpuinfo(dom, 1, &vi), -EINVAL);
    CHECK_EQ(vcpuinfo(dom, ~0U, &vi), -EINVAL);

    /* dom0's own VCPU: up and running this very code. */
    if ( CHECK_EQ(vcpuinfo(0, 0, &vi), 0) )
    {
        CHECK_EQ(vi.online, 1);
        CHECK_EQ(vi.blocked, 0);
        CHECK_EQ(vi.running, 1);
        CHECK(vi.cpu_time > 0);
    }
}

static void test_context_refusals(domid_t dom, xen_pfn_t l4)
{
    /* Never set: nothing to read, pointer or not. */
    CHECK_EQ(get_ctxt(dom, &back), -ENODATA);
    CHECK_EQ(get_ctxt(dom, NULL), -ENODATA);
    CHECK_EQ(vcpucontext(XEN_DOMCTL_getvcpucontext, dom, 1, &back),
             -EINVAL);
    /* One's own VCPU cannot be read or set this way. */
    CHECK_EQ(vcpucontext(XEN_DOMCTL_getvcpucontext, 0, 0, &back), -EINVAL);
    good_ctxt(l4);
    CHECK_EQ(vcpucontext(XEN_DOMCTL_setvcpucontext, 0, 0, &ctxt), -EINVAL);
    CHECK_EQ(vcpucontext(XEN_DOMCTL_setvcpucontext, dom, 1, &ctxt),
             -EINVAL);
    CHECK_EQ(set_ctxt(dom, (void *)1), -EFAULT);
    /* A null context resets the VCPU, which is no error. */
    CHECK_EQ(set_ctxt(dom, NULL), 0);
    CHECK_EQ(get_ctxt(dom, &back), -ENODATA);

#define BAD(field, value, err)                                  \
    do {                                                        \
        good_ctxt(l4);                                          \
        ctxt.field = (value);                                   \
        check_eq(#field " = " #value, set_ctxt(dom, &ctxt),     \
                 -(err));                                       \
    } while ( 0 )

    BAD(user_regs.rip, 0x0000800000000000UL, EINVAL);
    BAD(user_regs.rsp, 0x8000000000000000UL, EINVAL);
    BAD(kernel_sp, 0x0001000000000000UL, EINVAL);
    BAD(fs_base, 0x0000800000000000UL, EINVAL);
    BAD(event_callback_eip, 0x0000900000000000UL, EINVAL);
    BAD(trap_ctxt[14].address, 0x4000000000000000UL, EINVAL);
    BAD(ldt_base, 0xffff800000000000UL, EINVAL);
    BAD(ldt_base, 0x1001, EINVAL);
    BAD(ldt_ents, 8193, EINVAL);
    BAD(gdt_ents, 14 * 512 + 1, EINVAL);
    BAD(flags, 0, EINVAL);
    BAD(vm_assist, 1UL << 20, EINVAL);
    BAD(ctrlreg[3], 0, EINVAL);
    BAD(ctrlreg[3], 1UL << 12, EINVAL);
    BAD(gdt_ents, 1, EINVAL);
#undef BAD
    /* Refused or not, the VCPU still has no context. */
    CHECK_EQ(get_ctxt(dom, &back), -ENODATA);
}

static void test_context(domid_t dom, xen_pfn_t l4, xen_pfn_t other)
{
    struct xen_domctl_getvcpuinfo vi;

    good_ctxt(l4);
    if ( !CHECK_EQ(set_ctxt(dom, &ctxt), 0) )
        return;
    memset(&back, 0xcc, sizeof(back));
    if ( !CHECK_EQ(get_ctxt(dom, &back), 0) )
        return;
    /* Not online, no FPU image given: only "kernel mode" remains. */
    CHECK_EQ(back.flags, VGCF_in_kernel);
    CHECK_EQ(back.user_regs.rip, ctxt.user_regs.rip);
    CHECK_EQ(back.user_regs.rsp, ctxt.user_regs.rsp);
    CHECK_EQ(back.user_regs.rsi, ctxt.user_regs.rsi);
    /* Kernel selectors get the RPL a ring-3 kernel has. */
    CHECK_EQ(back.user_regs.cs, FLAT_KERNEL_CS);
    CHECK_EQ(back.user_regs.ss, FLAT_KERNEL_SS);
    CHECK_EQ(back.user_regs.ds, FLAT_KERNEL_DS);
    /* Interrupts are forced on; IOPL is kept aside and merged back. */
    CHECK_EQ(back.user_regs.rflags, 0x3202);
    CHECK_EQ(back.trap_ctxt[3].address, ctxt.trap_ctxt[3].address);
    CHECK_EQ(back.trap_ctxt[3].cs, FLAT_KERNEL_CS);
    CHECK_EQ(back.trap_ctxt[3].flags, 3);
    CHECK_EQ(back.trap_ctxt[4].address, 0);
    CHECK_EQ(back.kernel_ss, FLAT_KERNEL_SS);
    CHECK_EQ(back.kernel_sp, ctxt.kernel_sp);
    CHECK_EQ(back.ctrlreg[3], l4 << 12);
    CHECK_EQ(back.ctrlreg[1], 0);
    CHECK_EQ(back.ctrlreg[2], 0);
    /* The host's CR0 and the CR4 bits a PV guest may see. */
    CHECK_EQ(back.ctrlreg[0], 0x8005003b);
    CHECK_EQ(back.ctrlreg[4], 0x660);
    CHECK_EQ(back.event_callback_eip, ctxt.event_callback_eip);
    CHECK_EQ(back.failsafe_callback_eip, ctxt.failsafe_callback_eip);
    CHECK_EQ(back.syscall_callback_eip, ctxt.syscall_callback_eip);
    CHECK_EQ(back.fs_base, ctxt.fs_base);
    CHECK_EQ(back.gs_base_kernel, ctxt.gs_base_kernel);
    CHECK_EQ(back.gs_base_user, ctxt.gs_base_user);
    CHECK_EQ(back.gdt_ents, 0);
    CHECK_EQ(back.ldt_ents, 0);
    CHECK_EQ(back.ldt_base, 0);
    CHECK_EQ(back.debugreg[0], 0x1234);
    CHECK_EQ(back.debugreg[6], 0xffff0ff0);
    CHECK_EQ(back.debugreg[7], 0x400);
    CHECK_EQ(back.vm_assist, ctxt.vm_assist);

    /* Not online: the VCPU stays down. */
    CHECK_EQ(vcpuinfo(dom, 0, &vi), 0);
    CHECK_EQ(vi.online, 0);

    /* Once set, the page tables may not change under it. */
    good_ctxt(other);
    CHECK_EQ(set_ctxt(dom, &ctxt), -EOPNOTSUPP);
    good_ctxt(l4);
    ctxt.gdt_ents = 1;
    CHECK_EQ(set_ctxt(dom, &ctxt), -EOPNOTSUPP);
    good_ctxt(l4);
    ctxt.user_regs.rip = 0xffffffff80007000UL;
    CHECK_EQ(set_ctxt(dom, &ctxt), 0);
    CHECK_EQ(get_ctxt(dom, &back), 0);
    CHECK_EQ(back.user_regs.rip, 0xffffffff80007000UL);
    CHECK_EQ(get_ctxt(dom, (void *)1), -EFAULT);

    /* A reset forgets it all and gives the tables back. */
    CHECK_EQ(set_ctxt(dom, NULL), 0);
    CHECK_EQ(get_ctxt(dom, &back), -ENODATA);
    good_ctxt(other);
    CHECK_EQ(set_ctxt(dom, &ctxt), 0);
    CHECK_EQ(get_ctxt(dom, &back), 0);
    CHECK_EQ(back.ctrlreg[3], other << 12);
}

static long affinity(uint32_t cmd, domid_t dom, uint32_t vcpu,
                     uint32_t flags, uint8_t *hard, uint8_t *soft,
                     uint32_t bits)
{
    struct xen_domctl op;

    domctl_init(&op, cmd, dom);
    op.u.vcpuaffinity.vcpu = vcpu;
    op.u.vcpuaffinity.flags = flags;
    op.u.vcpuaffinity.cpumap_hard.bitmap.p = hard;
    op.u.vcpuaffinity.cpumap_hard.nr_bits = bits;
    op.u.vcpuaffinity.cpumap_soft.bitmap.p = soft;
    op.u.vcpuaffinity.cpumap_soft.nr_bits = bits;
    return domctl(&op);
}

static void test_affinity(domid_t dom)
{
    uint8_t hard[8], soft[8];
    const uint32_t get = XEN_DOMCTL_getvcpuaffinity;
    const uint32_t set = XEN_DOMCTL_setvcpuaffinity;
    const uint32_t H = XEN_VCPUAFFINITY_HARD, S = XEN_VCPUAFFINITY_SOFT;

    /* Every CPU at first; only bits of CPUs that exist come back. */
    memset(hard, 0x77, sizeof(hard));
    CHECK_EQ(affinity(get, dom, 0, H, hard, soft, 64), 0);
    CHECK_EQ(hard[0], 0x01);
    CHECK_EQ(hard[1], 0);
    CHECK_EQ(hard[7], 0);
    memset(soft, 0x77, sizeof(soft));
    CHECK_EQ(affinity(get, dom, 0, S, hard, soft, 12), 0);
    CHECK_EQ(soft[0], 0x01);
    CHECK_EQ(soft[1], 0);
    CHECK_EQ(soft[2], 0x77);

    CHECK_EQ(affinity(get, dom, 0, 0, hard, soft, 64), -EINVAL);
    CHECK_EQ(affinity(get, dom, 0, H, NULL, soft, 64), -EINVAL);
    CHECK_EQ(affinity(get, dom, 0, S, hard, NULL, 64), -EINVAL);
    CHECK_EQ(affinity(get, dom, 1, H, hard, soft, 64), -EINVAL);
    CHECK_EQ(affinity(get, dom, 0, H, (void *)1, soft, 64), -EFAULT);

    /* Pinned to CPU 0: what the scheduler will use comes back. */
    memset(hard, 0, sizeof(hard));
    hard[0] = 0x01;
    hard[1] = 0xff;
    CHECK_EQ(affinity(set, dom, 0, H, hard, soft, 16), 0);
    CHECK_EQ(hard[0], 0x01);
    CHECK_EQ(hard[1], 0);
    memset(hard, 0x77, sizeof(hard));
    CHECK_EQ(affinity(get, dom, 0, H, hard, soft, 64), 0);
    CHECK_EQ(hard[0], 0x01);
    CHECK_EQ(hard[1], 0);

    /* No online CPU in the set: refused. */
    memset(hard, 0, sizeof(hard));
    hard[0] = 0x02;
    CHECK_EQ(affinity(set, dom, 0, H, hard, soft, 8), -EINVAL);
    memset(hard, 0, sizeof(hard));
    CHECK_EQ(affinity(set, dom, 0, H, hard, soft, 0), -EINVAL);

    /* Soft affinity is reported within the hard one. */
    memset(soft, 0, sizeof(soft));
    soft[0] = 0x03;
    CHECK_EQ(affinity(set, dom, 0, S, hard, soft, 8), 0);
    CHECK_EQ(soft[0], 0x01);
    memset(soft, 0x77, sizeof(soft));
    CHECK_EQ(affinity(get, dom, 0, S, hard, soft, 8), 0);
    CHECK_EQ(soft[0], 0x01);
    CHECK_EQ(soft[1], 0x77);

    /* Both at once, the bits past nr_bits ignored. */
    memset(hard, 0xff, sizeof(hard));
    memset(soft, 0xff, sizeof(soft));
    CHECK_EQ(affinity(set, dom, 0, H | S, hard, soft, 3), 0);
    CHECK_EQ(hard[0], 0x01);
    CHECK_EQ(soft[0], 0x01);
    CHECK_EQ(hard[1], 0xff);
    memset(hard, 0, sizeof(hard));
    CHECK_EQ(affinity(get, dom, 0, H | S, hard, soft, 8), 0);
    CHECK_EQ(hard[0], 0x01);
    CHECK_EQ(soft[0], 0x01);
}

static long sched_op(domid_t dom, uint32_t sid, uint32_t cmd,
                     uint16_t *weight, uint16_t *cap)
{
    struct xen_domctl op;
    long rc;

    domctl_init(&op, XEN_DOMCTL_scheduler_op, dom);
    op.u.scheduler_op.sched_id = sid;
    op.u.scheduler_op.cmd = cmd;
    op.u.scheduler_op.u.credit.weight = *weight;
    op.u.scheduler_op.u.credit.cap = *cap;
    rc = domctl(&op);
    *weight = op.u.scheduler_op.u.credit.weight;
    *cap = op.u.scheduler_op.u.credit.cap;
    return rc;
}

static void test_sched(domid_t dom)
{
    long sid = sched_id();
    uint16_t w = 0, c = 0;

    /* Credit (ours) or credit2 (Xen's default): both weigh and cap. */
    if ( !CHECK(sid == XEN_SCHEDULER_CREDIT || sid == XEN_SCHEDULER_CREDIT2) )
        return;
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_getinfo, &w, &c), 0);
    CHECK_EQ(w, 256);
    CHECK_EQ(c, 0);
    w = 512;
    c = 0;
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_putinfo, &w, &c), 0);
    w = c = 1;
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_getinfo, &w, &c), 0);
    CHECK_EQ(w, 512);
    CHECK_EQ(c, 0);
    /* Weight 0 leaves the weight alone. */
    w = 0;
    c = 50;
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_putinfo, &w, &c), 0);
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_getinfo, &w, &c), 0);
    CHECK_EQ(w, 512);
    CHECK_EQ(c, 50);
    w = 0;
    c = 0;
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_putinfo, &w, &c), 0);
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_getinfo, &w, &c), 0);
    CHECK_EQ(c, 0);

    /* Another scheduler's id, unknown commands. */
    CHECK_EQ(sched_op(dom, XEN_SCHEDULER_NULL, XEN_DOMCTL_SCHEDOP_getinfo,
                      &w, &c), -EINVAL);
    CHECK_EQ(sched_op(dom, sid, 7, &w, &c), -EINVAL);
    CHECK_EQ(sched_op(dom, sid, XEN_DOMCTL_SCHEDOP_getvcpuinfo, &w, &c),
             -EINVAL);

    /* dom0's own, at the defaults. */
    CHECK_EQ(sched_op(0, sid, XEN_DOMCTL_SCHEDOP_getinfo, &w, &c), 0);
    CHECK_EQ(w, 256);
    CHECK_EQ(c, 0);
}

static long hypercall_init(domid_t dom, uint64_t gmfn)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_hypercall_init, dom);
    op.u.hypercall_init.gmfn = gmfn;
    return domctl(&op);
}

/* The builder's way to a hypercall page: a frame of the domain's own. */
static void test_hypercall_init(domid_t dom, xen_pfn_t table, xen_pfn_t free)
{
    CHECK_EQ(hypercall_init(dom, free), 0);
    CHECK_EQ(hypercall_init(dom, free), 0);
    /* A page table cannot become one... */
    CHECK_EQ(hypercall_init(dom, table), -EPERM);
    /* ...and a frame not the domain's is none of its business. */
    CHECK_EQ(hypercall_init(dom, 1), -EINVAL);
    CHECK_EQ(hypercall_init(dom, start_info->shared_info >> 12), -EINVAL);
    CHECK_EQ(hypercall_init(dom, ~0UL >> 12), -EINVAL);
}

static void test_address_size(domid_t dom)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_get_address_size, dom);
    CHECK_EQ(domctl(&op), 0);
    CHECK_EQ(op.u.address_size.size, 64);
    domctl_init(&op, XEN_DOMCTL_set_address_size, dom);
    op.u.address_size.size = 64;
    CHECK_EQ(domctl(&op), 0);
    op.u.address_size.size = 48;
    CHECK_EQ(domctl(&op), -EINVAL);
    op.u.address_size.size = 0;
    CHECK_EQ(domctl(&op), -EINVAL);
    domctl_init(&op, XEN_DOMCTL_get_address_size, 0);
    CHECK_EQ(domctl(&op), 0);
    CHECK_EQ(op.u.address_size.size, 64);
}

void test_main(void)
{
    static xen_pfn_t mfns[4];
    uint64_t before = free_pages_settled(0);
    long dom = dom_create(0);

    if ( !CHECK(dom > 0) )
        return;
    test_before_vcpus(dom);
    CHECK_EQ(dom_max_vcpus(dom, 1), 0);
    test_vcpuinfo(dom);
    /* Two empty L4 tables, and two frames that are not tables. */
    CHECK_EQ(dom_max_mem(dom, 64), 0);
    if ( CHECK_EQ(dom_populate(dom, mfns, 4), 4) )
    {
        test_context_refusals(dom, mfns[0]);
        test_context(dom, mfns[0], mfns[1]);
        test_hypercall_init(dom, mfns[1], mfns[2]);
    }
    test_affinity(dom);
    test_sched(dom);
    test_address_size(dom);
    CHECK_EQ(dom_destroy(dom), 0);
    /* Page tables in use, the hypercall page: every frame comes back. */
    CHECK_EQ(free_pages_settled(before), before);
}
