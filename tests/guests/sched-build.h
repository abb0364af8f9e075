/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the sched-* dom0 guests share: building a small PV domU from the
 * sched-domu image (sched-image.S) the way a toolstack does, through
 * domctl, memory_op and foreign mmu_update; its console ring; waiting
 * for it to shut down; CPU time as getvcpuinfo reports it.
 *
 * The domU's frames are all mapped from VIRT_BASE, in pfn order: the
 * image, then start_info, the console ring, the P2M, four page tables
 * (read-only) and a boot stack page.  dom0 writes each frame through a
 * scratch page of its own start-of-day padding, mapped with the domU as
 * the foreign domain, and unmaps it again: a frame dom0 still maps
 * writable could not become one of the domU's page tables.
 */
#ifndef SCHED_BUILD_H
#define SCHED_BUILD_H

#include "dom-util.h"
#include <public/event_channel.h>
#include <public/io/console.h>

#define DOMU_PAGES      64
#define DOMU_EXTRA      8       /* start_info ... stack, after the image */
#define SB_PTE_RW       0x067UL /* present, writable, user, A, D */
#define SB_PTE_RO       0x025UL /* present, user, accessed */
#define SB_ADDR_MASK    0x000ffffffffff000UL
#define SB_M2P          0xffff800000000000UL
#define PT_LOAD         1

extern const uint8_t domu_image[], domu_image_end[];

struct sb_elf_hdr
{
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct sb_elf_phdr
{
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct domu
{
    domid_t id;
    unsigned long nr_img;           /* pages of the image */
    xen_pfn_t mfn[DOMU_PAGES];
    evtchn_port_t console_port;     /* the domU's end */
    uint64_t shared_info;           /* machine address */
};

/* --- dom0's own mappings -------------------------------------------------- */

static inline uint64_t *sb_table_va(uint64_t entry)
{
    unsigned long mfn = (entry & SB_ADDR_MASK) >> 12;

    return (uint64_t *)(VIRT_BASE +
                        ((const unsigned long *)SB_M2P)[mfn] * DOM_PAGE);
}

/* A page of the padding after our boot stack, and its L1 entry. */
static inline unsigned long sb_scratch(void)
{
    return start_info->pt_base + (start_info->nr_pt_frames + 1) * DOM_PAGE;
}

static inline unsigned long sb_scratch_l1e(void)
{
    unsigned long va = sb_scratch();
    uint64_t *l3 = sb_table_va(((uint64_t *)start_info->pt_base)
                               [(va >> 39) & 511]);
    uint64_t *l2 = sb_table_va(l3[(va >> 30) & 511]);

    return (l2[(va >> 21) & 511] & SB_ADDR_MASK) + ((va >> 12) & 511) * 8;
}

/* Map frame mfn of domain dom at the scratch page: its address or NULL. */
static inline void *sb_map(domid_t dom, unsigned long mfn)
{
    mmu_update_t req = { sb_scratch_l1e(), (mfn << 12) | SB_PTE_RW };

    if ( hypercall5(__HYPERVISOR_mmu_update, (unsigned long)&req, 1, 0,
                    dom, 0) )
        return NULL;
    return (void *)sb_scratch();
}

static inline long sb_unmap(void)
{
    return hypercall3(__HYPERVISOR_update_va_mapping, sb_scratch(), 0,
                      UVMF_INVLPG);
}

/* --- building ------------------------------------------------------------- */

static inline const struct sb_elf_hdr *sb_elf(void)
{
    return (const struct sb_elf_hdr *)domu_image;
}

static inline const struct sb_elf_phdr *sb_phdr(unsigned int i)
{
    return (const struct sb_elf_phdr *)(domu_image + sb_elf()->phoff +
                                        i * sb_elf()->phentsize);
}

/* Pages the image spans from VIRT_BASE, 0 if it is not what we expect. */
static inline unsigned long sb_image_pages(void)
{
    uint64_t end = VIRT_BASE;

    if ( domu_image_end - domu_image < (long)sizeof(struct sb_elf_hdr) ||
         memcmp(domu_image, "\177ELF", 4) )
        return 0;
    for ( unsigned int i = 0; i < sb_elf()->phnum; i++ )
    {
        const struct sb_elf_phdr *p = sb_phdr(i);

        if ( p->type != PT_LOAD )
            continue;
        if ( p->vaddr < VIRT_BASE || p->offset + p->filesz >
             (uint64_t)(domu_image_end - domu_image) )
            return 0;
        if ( p->vaddr + p->memsz > end )
            end = p->vaddr + p->memsz;
    }
    return (end - VIRT_BASE + DOM_PAGE - 1) / DOM_PAGE;
}

static inline unsigned long sb_va(unsigned long pfn)
{
    return VIRT_BASE + pfn * DOM_PAGE;
}

/* The frames after the image, by their offset from its end. */
enum { SB_SI, SB_CONS, SB_P2M, SB_L4, SB_L3, SB_L2, SB_L1, SB_STACK };

static inline bool sb_is_table(const struct domu *u, unsigned long pfn)
{
    return pfn >= u->nr_img + SB_L4 && pfn <= u->nr_img + SB_L1;
}

/* What frame pfn of the domU starts with. */
static inline void sb_fill(const struct domu *u, unsigned long pfn,
                           uint8_t *page, const char *cmdline)
{
    uint64_t *e = (uint64_t *)page;
    unsigned long x = pfn - u->nr_img;

    memset(page, 0, DOM_PAGE);
    if ( pfn < u->nr_img )
    {
        uint64_t lo = sb_va(pfn), hi = lo + DOM_PAGE;

        for ( unsigned int i = 0; i < sb_elf()->phnum; i++ )
        {
            const struct sb_elf_phdr *p = sb_phdr(i);
            uint64_t s = p->vaddr, t = p->vaddr + p->filesz;

            if ( p->type != PT_LOAD || t <= lo || s >= hi )
                continue;
            s = s > lo ? s : lo;
            t = t < hi ? t : hi;
            memcpy(page + (s - lo), domu_image + p->offset + (s - p->vaddr),
                   t - s);
        }
        return;
    }
    switch ( x )
    {
    case SB_SI:
    {
        start_info_t *si = (start_info_t *)page;

        memcpy(si->magic, "xen-3.0-x86_64", 15);
        si->nr_pages = DOMU_PAGES;
        si->shared_info = u->shared_info;
        si->console.domU.mfn = u->mfn[u->nr_img + SB_CONS];
        si->console.domU.evtchn = u->console_port;
        si->pt_base = sb_va(u->nr_img + SB_L4);
        si->nr_pt_frames = 4;
        si->mfn_list = sb_va(u->nr_img + SB_P2M);
        memcpy(si->cmd_line, cmdline,
               strnlen(cmdline, sizeof(si->cmd_line) - 1));
        break;
    }
    case SB_P2M:
        memcpy(page, u->mfn, sizeof(u->mfn));
        break;
    case SB_L4:
        e[(VIRT_BASE >> 39) & 511] = (u->mfn[u->nr_img + SB_L3] << 12) |
                                     SB_PTE_RW;
        break;
    case SB_L3:
        e[(VIRT_BASE >> 30) & 511] = (u->mfn[u->nr_img + SB_L2] << 12) |
                                     SB_PTE_RW;
        break;
    case SB_L2:
        e[(VIRT_BASE >> 21) & 511] = (u->mfn[u->nr_img + SB_L1] << 12) |
                                     SB_PTE_RW;
        break;
    case SB_L1:
        for ( unsigned long i = 0; i < DOMU_PAGES; i++ )
            e[i] = (u->mfn[i] << 12) |
                   (sb_is_table(u, i) ? SB_PTE_RO : SB_PTE_RW);
        break;
    }
}

static inline long sb_set_context(const struct domu *u)
{
    static vcpu_guest_context_t ctxt;
    struct xen_domctl op;

    memset(&ctxt, 0, sizeof(ctxt));
    ctxt.flags = VGCF_in_kernel | VGCF_online;
    ctxt.user_regs.rip = sb_elf()->entry;
    ctxt.user_regs.rsp = sb_va(u->nr_img + SB_STACK + 1);
    ctxt.user_regs.rsi = sb_va(u->nr_img + SB_SI);
    ctxt.user_regs.cs = FLAT_KERNEL_CS;
    ctxt.user_regs.ss = FLAT_KERNEL_SS;
    ctxt.user_regs.rflags = 0x200;
    ctxt.kernel_ss = FLAT_KERNEL_SS;
    ctxt.kernel_sp = ctxt.user_regs.rsp;
    ctxt.ctrlreg[3] = (unsigned long)u->mfn[u->nr_img + SB_L4] << 12;
    domctl_init(&op, XEN_DOMCTL_setvcpucontext, u->id);
    op.u.vcpucontext.vcpu = 0;
    set_xen_guest_handle(op.u.vcpucontext.ctxt, &ctxt);
    return domctl(&op);
}

/*
 * Create and fill a domU with nr_vcpus VCPUs (the first one started) that
 * runs the image with the given command line, left paused: 0 or the first
 * error, with a note of what failed.
 */
static inline long domu_build_vcpus(struct domu *u, const char *cmdline,
                                    unsigned int nr_vcpus)
{
    struct xen_domctl_createdomain config;
    static uint8_t page[DOM_PAGE] __attribute__((aligned(DOM_PAGE)));
    struct evtchn_alloc_unbound ub = { .remote_dom = 0 };
    struct xen_domctl_getdomaininfo info;
    domid_t found;
    long rc;

    memset(u, 0, sizeof(*u));
    u->nr_img = sb_image_pages();
    if ( !u->nr_img || u->nr_img + DOMU_EXTRA > DOMU_PAGES )
    {
        printf("build: bad domU image (%lu pages)\n", u->nr_img);
        return -EINVAL;
    }
    dom_default_config(&config);
    config.max_vcpus = nr_vcpus;
    rc = dom_create_cfg(0, &config);
    if ( rc < 0 )
    {
        printf("build: createdomain: %ld\n", rc);
        return rc;
    }
    u->id = rc;
    if ( (rc = dom_max_vcpus(u->id, nr_vcpus)) ||
         (rc = dom_max_mem(u->id, (DOMU_PAGES + DOMU_EXTRA) * 4)) )
    {
        printf("build: d%u: max_vcpus/max_mem: %ld\n", u->id, rc);
        return rc;
    }
    rc = dom_populate(u->id, u->mfn, DOMU_PAGES);
    if ( rc != DOMU_PAGES )
    {
        printf("build: d%u: %ld of %u frames\n", u->id, rc, DOMU_PAGES);
        return rc < 0 ? rc : -ENOMEM;
    }
    ub.dom = u->id;
    rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &ub);
    if ( rc || (rc = dom_info(u->id, &info, &found)) )
    {
        printf("build: d%u: console port or info: %ld\n", u->id, rc);
        return rc;
    }
    u->console_port = ub.port;
    u->shared_info = (uint64_t)info.shared_info_frame << 12;

    for ( unsigned long pfn = 0; pfn < DOMU_PAGES; pfn++ )
    {
        void *to;

        sb_fill(u, pfn, page, cmdline);
        to = sb_map(u->id, u->mfn[pfn]);
        if ( !to )
        {
            printf("build: d%u: cannot map frame %lu\n", u->id, pfn);
            return -EFAULT;
        }
        memcpy(to, page, DOM_PAGE);
        if ( (rc = sb_unmap()) )
            return rc;
    }
    rc = sb_set_context(u);
    if ( rc )
        printf("build: d%u: setvcpucontext: %ld\n", u->id, rc);
    return rc;
}

static inline long domu_build(struct domu *u, const char *cmdline)
{
    return domu_build_vcpus(u, cmdline, 1);
}

/* --- watching it ---------------------------------------------------------- */

static inline long domu_unpause(const struct domu *u)
{
    return dom_simple(XEN_DOMCTL_unpausedomain, u->id);
}

/* XEN_DOMCTL_scheduler_op putinfo for the scheduler the host runs. */
static inline long domu_sched_set(const struct domu *u, uint16_t weight,
                                  uint16_t cap)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_scheduler_op, u->id);
    op.u.scheduler_op.sched_id = sched_id();
    op.u.scheduler_op.cmd = XEN_DOMCTL_SCHEDOP_putinfo;
    op.u.scheduler_op.u.credit.weight = weight;
    op.u.scheduler_op.u.credit.cap = cap;
    return domctl(&op);
}

/* Nanoseconds a VCPU of dom has run, or 0 if that cannot be read. */
static inline uint64_t vcpu_cpu_time(domid_t dom, unsigned int vcpu)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_getvcpuinfo, dom);
    op.u.getvcpuinfo.vcpu = vcpu;
    return domctl(&op) ? 0 : op.u.getvcpuinfo.cpu_time;
}

static inline uint64_t dom_cpu_time(domid_t dom)
{
    return vcpu_cpu_time(dom, 0);
}

/* getdomaininfo flags of dom, or ~0 once it is gone. */
static inline uint32_t domu_flags(domid_t dom)
{
    struct xen_domctl_getdomaininfo info;
    domid_t found;

    if ( dom_info(dom, &info, &found) || found != dom )
        return ~0U;
    return info.flags;
}

/* Sleep until port is pending (it is cleared) or 'until' (system time). */
static inline void sb_wait_port(evtchn_port_t port, uint64_t until)
{
    struct sched_poll p = { .nr_ports = 1, .timeout = until };

    set_xen_guest_handle(p.ports, &port);
    HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

/*
 * Wait up to 'ns' for the domU to shut down, waking on VIRQ_DOM_EXC (its
 * port dom_exc): the reason, or -1 on a timeout.  *told says whether the
 * VIRQ was seen.
 */
static inline int domu_wait_shutdown(const struct domu *u,
                                     evtchn_port_t dom_exc, uint64_t ns,
                                     bool *told)
{
    uint64_t end = sys_now() + ns;

    for ( ;; )
    {
        uint32_t flags = domu_flags(u->id);

        if ( port_test_and_clear(dom_exc) )
            *told = true;
        if ( flags != ~0U && (flags & XEN_DOMINF_shutdown) )
        {
            /*
             * The flag can show before the VIRQ is raised (on Xen it is
             * set first): give the VIRQ until the deadline to follow.
             */
            if ( !*told )
            {
                sb_wait_port(dom_exc, end);
                *told = port_test_and_clear(dom_exc);
            }
            return (flags >> XEN_DOMINF_shutdownshift) &
                   XEN_DOMINF_shutdownmask;
        }
        if ( sys_now() >= end )
            return -1;
        sb_wait_port(dom_exc, end);
    }
}

/* Replace 'from' with 'to' in line (to no longer than from). */
static inline void sb_replace(char *line, const char *from, const char *to)
{
    char *at = strstr(line, from);
    size_t lf = strlen(from), lt = strlen(to);

    if ( !at )
        return;
    memcpy(at, to, lt);
    memmove(at + lt, at + lf, strlen(at + lf) + 1);
}

/*
 * Print what the domU wrote to its console, a line at a time under "dN| ".
 * Its own verdict lines are reworded, so that the runner reading our
 * console takes only dom0's for the result.  Returns whether 'want'
 * appeared in the output.
 */
static inline bool domu_show_console(const struct domu *u, const char *want)
{
    static char text[2048 + 1];
    struct xencons_interface *c;
    char line[160];
    size_t n = 0, len = 0;
    bool seen;

    c = sb_map(u->id, u->mfn[u->nr_img + SB_CONS]);
    if ( !c )
    {
        printf("d%u: cannot map the console ring\n", u->id);
        return false;
    }
    for ( XENCONS_RING_IDX i = c->out_cons;
          i != c->out_prod && n < sizeof(text) - 1; i++ )
        text[n++] = c->out[MASK_XENCONS_IDX(i, c->out)];
    text[n] = '\0';
    sb_unmap();
    seen = want && strstr(text, want);

    for ( size_t i = 0; i <= n; i++ )
    {
        if ( i < n && text[i] != '\n' )
        {
            if ( len < sizeof(line) - 1 )
                line[len++] = text[i];
            continue;
        }
        line[len] = '\0';
        if ( len )
        {
            sb_replace(line, "Test result:", "result");
            sb_replace(line, "hvtest:", "lib:");
            printf("d%u| %s\n", u->id, line);
        }
        len = 0;
    }
    return seen;
}

/* Destroy dom and wait (up to ~2 s) until it is gone: 0 or an error. */
static inline long domu_destroy(domid_t dom)
{
    long rc = dom_destroy(dom);

    for ( unsigned int i = 0; !rc && i < 200 && domu_flags(dom) != ~0U; i++ )
        sleep_ns(10000000);
    return rc ? rc : domu_flags(dom) == ~0U ? 0 : -EBUSY;
}

#endif /* SCHED_BUILD_H */
