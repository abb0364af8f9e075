/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV domain builder over the fake hypervisor.  Each built domain is
 * checked the way Xen would use it: the p2m the guest sees matches the
 * hypervisor's M2P, the page tables (pinned, so validated) map the whole
 * start-of-day area with table frames read-only, start_info and VCPU 0
 * point where the layout says, the kernel's bytes and zeroed .bss are in
 * place.  Refused images must leave no domain, frame or mapping behind.
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <CUnit/Basic.h>

#include "xenctrl.h"
#include "xcbuild.h"
#include "fake/fake.h"
#include "builder/elf-image.h"

#define MEM_KIB     (64 * 1024)

static struct fake_hv *hv;
static xc_interface *xch;
static char tmpdir[256];
static unsigned int nr_files;

static void setup(void)
{
    struct fake_config cfg = { .nr_frames = 40960, .nr_cpus = 2 };

    hv = fake_hv_create(&cfg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
    xch = xc_interface_open(NULL, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xch);
}

static void teardown(void)
{
    xc_interface_close(xch);
    fake_hv_destroy(hv);
}

/* A file of the test's own in tmpdir; its name in a static buffer. */
static const char *put_file(const void *buf, size_t len)
{
    static char path[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/f%u", tmpdir, nr_files++);
    f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(buf, 1, len, f), len);
    fclose(f);
    return path;
}

static uint8_t *slurp(const char *path, size_t *len)
{
    struct stat st;
    uint8_t *buf;
    FILE *f = fopen(path, "rb");

    if ( !f )
        return NULL;
    if ( fstat(fileno(f), &st) || !(buf = malloc(st.st_size + 1)) )
    {
        fclose(f);
        return NULL;
    }
    *len = fread(buf, 1, st.st_size, f);
    fclose(f);
    return buf;
}

/* Compressors, as a kernel build would pack the payload. */
enum pack { PACK_NONE, PACK_GZIP, PACK_XZ, PACK_ZSTD };

static uint8_t *pack(enum pack how, const uint8_t *in, size_t len,
                     size_t *outlen)
{
    size_t room = len + len / 2 + 4096;
    uint8_t *out = malloc(room);
    z_stream z;
    size_t pos = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    switch ( how )
    {
    case PACK_NONE:
        memcpy(out, in, len);
        *outlen = len;
        break;
    case PACK_GZIP:
        memset(&z, 0, sizeof(z));
        CU_ASSERT_EQUAL_FATAL(deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8,
                                           Z_DEFAULT_STRATEGY), Z_OK);
        z.next_in = (uint8_t *)in;
        z.avail_in = (uInt)len;
        z.next_out = out;
        z.avail_out = (uInt)room;
        CU_ASSERT_EQUAL(deflate(&z, Z_FINISH), Z_STREAM_END);
        *outlen = z.total_out;
        deflateEnd(&z);
        break;
    case PACK_XZ:
        CU_ASSERT_EQUAL(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL,
                                                in, len, out, &pos, room),
                        LZMA_OK);
        *outlen = pos;
        break;
    case PACK_ZSTD:
        *outlen = ZSTD_compress(out, room, in, len, 3);
        CU_ASSERT_FALSE(ZSTD_isError(*outlen));
        break;
    }
    return out;
}

/*
 * A bzImage around a payload: one setup sector after the boot sector,
 * boot protocol 2.15, the payload right after, then its unpacked size as
 * the kernel build appends it.
 */
static uint8_t *bzimage(const uint8_t *payload, size_t plen, size_t *len)
{
    size_t off = 2 * 512;
    uint8_t *img = calloc(1, off + plen + 4);

    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    img[0x1f1] = 1;
    memcpy(img + 0x202, "HdrS", 4);
    img[0x206] = 0x0f;
    img[0x207] = 0x02;
    memcpy(img + 0x24c, &(uint32_t){ (uint32_t)plen }, 4);
    memcpy(img + off, payload, plen);
    *len = off + plen + 4;
    return img;
}

/* The domain's p2m as the hypervisor knows it (its M2P), by PFN. */
static uint64_t *m2p_p2m(uint32_t domid, uint64_t nr_pages)
{
    uint64_t *p2m = calloc(nr_pages, sizeof(*p2m)), mfn;
    struct fake_frame *f;

    CU_ASSERT_PTR_NOT_NULL_FATAL(p2m);
    for ( mfn = FAKE_MFN_BASE; mfn < FAKE_MFN_BASE + hv->cfg.nr_frames;
          mfn++ )
    {
        f = fake_frame_info(hv, mfn);
        if ( f->owner == domid && f->gpfn < nr_pages )
            p2m[f->gpfn] = mfn;
    }
    return p2m;
}

/* The L1 entry mapping va through the tree at l4, or 0. */
static uint64_t walk(uint64_t l4, uint64_t va)
{
    uint64_t mfn = l4, e = 0;
    int level;

    for ( level = 4; level >= 1; level-- )
    {
        const uint64_t *t = fake_frame_ptr(hv, mfn);

        if ( !t )
            return 0;
        e = t[(va >> (12 + 9 * (level - 1))) & 511];
        if ( !(e & 1) )
            return 0;
        mfn = (e & 0x000ffffffffff000ULL) >> 12;
    }
    return e;
}

static void *guest_page(const uint64_t *p2m, uint64_t pfn)
{
    return fake_frame_ptr(hv, p2m[pfn]);
}

static void check_tables(const struct xc_pv_build_info *i,
                         const uint64_t *p2m)
{
    uint64_t va, pfn, e, bad = 0;

    for ( va = i->v_start; va < i->v_end; va += 4096 )
    {
        pfn = (va - i->v_start) >> 12;
        e = walk(i->l4_mfn, va);
        if ( !e || (e >> 12 & 0xffffffffffULL) != p2m[pfn] )
            bad++;
        else if ( !!(e & 2) !=
                  !(pfn >= i->pt_pfn && pfn < i->pt_pfn + i->nr_pt_frames) )
            bad++;
        if ( pfn >= i->pt_pfn && pfn < i->pt_pfn + i->nr_pt_frames &&
             fake_frame_info(hv, p2m[pfn])->type == FT_NONE )
            bad++;
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(walk(i->l4_mfn, i->v_end), 0);
    CU_ASSERT_EQUAL(walk(i->l4_mfn, i->v_start - 4096), 0);
    CU_ASSERT_EQUAL(fake_frame_info(hv, i->l4_mfn)->type, FT_L4);
    CU_ASSERT_TRUE(fake_frame_info(hv, i->l4_mfn)->pinned);
}

/* The list the guest reads: at p2m_va, through its own tables. */
static void check_p2m_list(const struct xc_pv_build_info *i,
                           const uint64_t *p2m)
{
    uint64_t pfn, e, bad = 0;

    for ( pfn = 0; pfn < i->nr_pages; pfn++ )
    {
        uint64_t va = i->p2m_va + pfn * 8;
        const uint64_t *page;

        e = walk(i->l4_mfn, va);
        page = e ? fake_frame_ptr(hv, e >> 12 & 0xffffffffffULL) : NULL;
        if ( !page || page[(va & 4095) / 8] != p2m[pfn] )
            bad++;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void check_start(uint32_t domid, const struct xc_pv_build_info *i,
                        const uint64_t *p2m, const char *cmdline,
                        uint64_t mem_kib)
{
    struct fake_domain *d = fake_domain(hv, domid);
    const struct start_info *si = guest_page(p2m, i->start_info_pfn);
    const vcpu_guest_context_t *c = &d->vcpus[0].ctxt;
    const struct shared_info *sh = fake_frame_ptr(hv, d->shared_info_mfn);
    const grant_entry_v1_t *gt = fake_frame_ptr(hv, d->gnttab_mfn);

    CU_ASSERT_STRING_EQUAL(si->magic, "xen-3.0-x86_64");
    CU_ASSERT_EQUAL(si->nr_pages, i->nr_pages);
    CU_ASSERT_EQUAL(si->shared_info, d->shared_info_mfn << 12);
    CU_ASSERT_EQUAL(si->store_mfn, p2m[i->store_pfn]);
    CU_ASSERT_EQUAL(si->console.domU.mfn, p2m[i->console_pfn]);
    CU_ASSERT_EQUAL(si->store_evtchn, i->store_evtchn);
    CU_ASSERT_EQUAL(si->console.domU.evtchn, i->console_evtchn);
    CU_ASSERT_EQUAL(d->ports[si->store_evtchn].state, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(d->ports[si->console.domU.evtchn].state,
                    EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(si->pt_base, i->v_start + (i->pt_pfn << 12));
    CU_ASSERT_EQUAL(si->nr_pt_frames, i->nr_pt_frames);
    CU_ASSERT_EQUAL(si->mfn_list, i->p2m_va);
    CU_ASSERT_EQUAL(si->first_p2m_pfn, i->first_p2m_pfn);
    CU_ASSERT_EQUAL(si->nr_p2m_frames, i->nr_p2m_frames);
    CU_ASSERT_EQUAL(si->mod_len, i->initrd_len);
    if ( i->initrd_len )
    {
        CU_ASSERT_EQUAL(!!(si->flags & SIF_MOD_START_PFN),
                        i->initrd_unmapped);
        CU_ASSERT_EQUAL(si->mod_start, i->initrd_unmapped ? i->initrd_pfn :
                        i->v_start + (i->initrd_pfn << 12));
    }
    CU_ASSERT_FALSE(si->flags & (SIF_PRIVILEGED | SIF_INITDOMAIN));
    CU_ASSERT_STRING_EQUAL((const char *)si->cmd_line,
                           cmdline ? cmdline : "");

    CU_ASSERT_TRUE(d->vcpus[0].online);
    CU_ASSERT_EQUAL(c->user_regs.rip, i->virt_entry);
    CU_ASSERT_EQUAL(c->user_regs.rsp, i->v_start + ((i->stack_pfn + 1) << 12));
    CU_ASSERT_EQUAL(c->user_regs.rsi, i->start_info_va);
    CU_ASSERT_EQUAL(c->user_regs.cs, FLAT_KERNEL_CS);
    CU_ASSERT_EQUAL(c->user_regs.ss, FLAT_KERNEL_SS);
    CU_ASSERT_EQUAL(c->kernel_sp, c->user_regs.rsp);
    CU_ASSERT(c->user_regs.rflags & 0x200);
    CU_ASSERT_EQUAL(c->ctrlreg[3], i->l4_mfn << 12);
    CU_ASSERT_EQUAL(c->flags, VGCF_in_kernel | VGCF_online);
    CU_ASSERT_FALSE(d->vcpus[1].online);

    CU_ASSERT_EQUAL(sh->vcpu_info[0].evtchn_upcall_mask, 1);
    CU_ASSERT_EQUAL(sh->vcpu_info[31].evtchn_upcall_mask, 1);
    CU_ASSERT_EQUAL(gt[GNTTAB_RESERVED_XENSTORE].frame, p2m[i->store_pfn]);
    CU_ASSERT_EQUAL(gt[GNTTAB_RESERVED_CONSOLE].frame, p2m[i->console_pfn]);
    CU_ASSERT_EQUAL(((const uint8_t *)guest_page(p2m, i->store_pfn))[0], 0);
    CU_ASSERT_EQUAL(i->nr_pages, mem_kib / 4);
    CU_ASSERT_EQUAL(d->memmap_kib, mem_kib);
    CU_ASSERT_EQUAL(d->max_pages, (mem_kib + XC_PV_MAXMEM_SLACK_KIB) / 4);
    CU_ASSERT(d->pause_count > 0);
}

/* Build the kernel (and initrd) into a new domain; 0 or the domid. */
static uint32_t create(const char *kernel, const char *initrd,
                       const char *cmdline, uint64_t mem_kib,
                       struct xc_pv_build_info *info)
{
    struct xc_pv_domain_spec spec = {
        .handle = { 1, 2, 3, 4 },
        .memory_kib = mem_kib,
        .max_memory_kib = mem_kib,
        .vcpus = 2,
        .kernel = kernel,
        .initrd = initrd,
        .cmdline = cmdline,
    };
    uint32_t domid = 0;

    if ( xc_pv_domain_create(xch, &spec, &domid, info) )
        return 0;
    return domid;
}

/* Build and check everything that does not depend on the kernel. */
static uint32_t build_mem(const char *kernel, const char *initrd,
                          const char *cmdline, uint64_t mem_kib,
                          struct xc_pv_build_info *info, uint64_t **p2mp)
{
    uint32_t domid = create(kernel, initrd, cmdline, mem_kib, info);
    uint64_t *p2m;

    if ( !domid )
        fprintf(stderr, "\n  build failed: %s\n",
                xc_get_last_error(xch)->message);
    CU_ASSERT_NOT_EQUAL_FATAL(domid, 0);
    CU_ASSERT_EQUAL(fake_nr_mappings(hv), 0);
    p2m = m2p_p2m(domid, info->nr_pages);
    check_tables(info, p2m);
    check_p2m_list(info, p2m);
    check_start(domid, info, p2m, cmdline, mem_kib);
    *p2mp = p2m;
    return domid;
}

static uint32_t build_and_check(const char *kernel, const char *initrd,
                                const char *cmdline,
                                struct xc_pv_build_info *info,
                                uint64_t **p2mp)
{
    return build_mem(kernel, initrd, cmdline, MEM_KIB, info, p2mp);
}

/* The guest's byte at guest-physical address gpa. */
static uint8_t guest_byte(const uint64_t *p2m, uint64_t gpa)
{
    return ((const uint8_t *)guest_page(p2m, gpa >> 12))[gpa & 4095];
}

/*
 * Segments of a synthetic kernel: file bytes, then zeroes to memsz; the
 * hypercall page (skip_pfn) holds the hypervisor's stubs instead.
 */
static void check_ti_segments(const struct ti_spec *s, const uint64_t *p2m,
                              uint64_t paddr_offset, uint64_t skip_pfn)
{
    unsigned int i;
    uint64_t off, gpa, bad = 0;

    for ( i = 0; i < s->nr_segs; i++ )
    {
        const struct ti_seg *g = &s->segs[i];

        for ( off = 0; off < g->memsz; off++ )
        {
            gpa = g->paddr - paddr_offset + off;
            if ( gpa >> 12 != skip_pfn &&
                 guest_byte(p2m, gpa) !=
                 (off < g->filesz ? ti_seg_byte(g, off) : 0) )
                bad++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Pages a domain's start leaves with junk: bss and tails must be zero. */
static void dirty_free_memory(void)
{
    size_t f;

    for ( f = 0; f < hv->cfg.nr_frames; f++ )
        if ( fake_frame_info(hv, FAKE_MFN_BASE + f)->owner == DOMID_INVALID )
            memset(fake_frame_ptr(hv, FAKE_MFN_BASE + f), 0xa5, 64);
}

static void test_synthetic_linux(void)
{
    static const char initrd_data[] = "an initramfs, of sorts";
    struct xc_pv_build_info info;
    struct ti_spec spec;
    uint8_t *img;
    uint64_t *p2m;
    size_t len;
    char kernel[512], initrd[512];
    uint32_t domid;

    ti_linux(&spec);
    img = ti_build(&spec, &len);
    snprintf(kernel, sizeof(kernel), "%s", put_file(img, len));
    snprintf(initrd, sizeof(initrd), "%s", put_file(initrd_data,
                                                    sizeof(initrd_data)));
    dirty_free_memory();
    domid = build_and_check(kernel, initrd, "console=hvc0 root=/dev/xvda",
                            &info, &p2m);
    CU_ASSERT_STRING_EQUAL(info.image_format, "ELF");
    CU_ASSERT_STRING_EQUAL(info.guest_os, "linux");
    CU_ASSERT_EQUAL(info.virt_base, 0xffffffff80000000ULL);
    CU_ASSERT_EQUAL(info.virt_entry, 0xffffffff81000100ULL);
    CU_ASSERT_EQUAL(info.p2m_va, 0x8000000000ULL);
    CU_ASSERT(info.first_p2m_pfn >= (info.v_end - info.v_start) >> 12);
    CU_ASSERT_TRUE(info.initrd_unmapped);
    CU_ASSERT_EQUAL(info.initrd_pfn, (info.v_end - info.v_start) >> 12);
    CU_ASSERT_EQUAL(memcmp(guest_page(p2m, info.initrd_pfn), initrd_data,
                           sizeof(initrd_data)), 0);
    check_ti_segments(&spec, p2m, 0, info.hypercall_page_pfn);
    /* The hypercall page got Xen's stubs. */
    CU_ASSERT_EQUAL(info.hypercall_page_pfn, 0x1001);
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->hypercall_mfn, p2m[0x1001]);
    /* The p2m's own tables are not in the area: nothing maps them. */
    CU_ASSERT_EQUAL(info.nr_p2m_frames, 32 + 3);
    free(p2m);
    free(img);

    CU_ASSERT_EQUAL(xc_domain_unpause(xch, domid), 0);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    CU_ASSERT_EQUAL(fake_nr_domains(hv), 1);
}

/* A kernel whose PADDR_OFFSET is not 0 is streamed twice. */
static void test_paddr_offset(void)
{
    struct xc_pv_build_info info;
    struct ti_spec spec;
    uint8_t *img;
    uint64_t *p2m;
    size_t len, i;

    ti_linux(&spec);
    for ( i = 0; i < spec.nr_notes; i++ )
        if ( spec.notes[i].type == 4 )      /* PADDR_OFFSET */
            memcpy(spec.notes[i].desc, &(uint64_t){ 0x800000 }, 8);
    for ( i = 0; i < spec.nr_notes; i++ )
        if ( spec.notes[i].type == 3 )      /* VIRT_BASE */
            memcpy(spec.notes[i].desc,
                   &(uint64_t){ 0xffffffff80800000ULL }, 8);
    img = ti_build(&spec, &len);
    build_and_check(put_file(img, len), NULL, NULL, &info, &p2m);
    CU_ASSERT_EQUAL(info.virt_kstart, 0xffffffff80800000ULL + 0x800000);
    CU_ASSERT_EQUAL(info.hypercall_page_pfn, 0x801);
    check_ti_segments(&spec, p2m, 0x800000, 0x801);
    free(p2m);
    free(img);
}

static const char *guest_elf(void)
{
    static char path[512];
    const char *top = getenv("top_builddir");

    snprintf(path, sizeof(path), "%s/tests/guests/hello.elf",
             top ? top : ".");
    if ( access(path, R_OK) )
    {
        fprintf(stderr, "\n  SKIP: %s not built\n", path);
        return NULL;
    }
    return path;
}

/* Every PT_LOAD of a real ELF file, byte for byte, and its .bss zero. */
static void check_elf_segments(const uint8_t *img, size_t len,
                               const uint64_t *p2m)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
    uint64_t off, bad = 0;
    unsigned int i;

    CU_ASSERT_FATAL(len >= sizeof(*eh));
    for ( i = 0; i < eh->e_phnum; i++ )
    {
        const Elf64_Phdr *ph = (const Elf64_Phdr *)(img + eh->e_phoff) + i;

        if ( ph->p_type != PT_LOAD )
            continue;
        for ( off = 0; off < ph->p_memsz; off++ )
            if ( guest_byte(p2m, ph->p_paddr + off) !=
                 (off < ph->p_filesz ? img[ph->p_offset + off] : 0) )
                bad++;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* hello.elf as itself and packed every way the builder unpacks. */
static void build_guest(enum pack how, bool as_bzimage, const char *format)
{
    struct xc_pv_build_info info;
    const char *path = guest_elf();
    uint8_t *elf, *packed, *bz = NULL;
    size_t len, plen, bzlen;
    uint64_t *p2m;
    uint32_t domid;

    if ( !path )
        return;
    elf = slurp(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(elf);
    packed = pack(how, elf, len, &plen);
    if ( as_bzimage )
        bz = bzimage(packed, plen, &bzlen);
    dirty_free_memory();
    domid = build_and_check(put_file(bz ? bz : packed, bz ? bzlen : plen),
                            NULL, "hello", &info, &p2m);
    CU_ASSERT_STRING_EQUAL(info.image_format, format);
    CU_ASSERT_EQUAL(info.virt_base, 0xffffffff80000000ULL);
    /* No INIT_P2M: the list is inside the area, mapped with it. */
    CU_ASSERT_EQUAL(info.nr_p2m_frames, 0);
    CU_ASSERT(info.p2m_va >= info.virt_kend && info.p2m_va < info.v_end);
    check_elf_segments(elf, len, p2m);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);
    free(bz);
    free(packed);
    free(elf);
}

static void test_guest_elf(void)
{
    build_guest(PACK_NONE, false, "ELF");
}

static void test_guest_gzip(void)
{
    build_guest(PACK_GZIP, false, "gzip");
}

static void test_guest_bz_gzip(void)
{
    build_guest(PACK_GZIP, true, "bzImage/gzip");
}

static void test_guest_bz_xz(void)
{
    build_guest(PACK_XZ, true, "bzImage/xz");
}

static void test_guest_bz_zstd(void)
{
    build_guest(PACK_ZSTD, true, "bzImage/zstd");
}

/* Superpages refused: the builder falls back to single pages. */
static void test_no_superpages(void)
{
    hv->cfg.no_superpages = true;
    build_guest(PACK_NONE, false, "ELF");
}

/* Debian's kernel: an xz bzImage that Xen's xl needs 320 MiB to unpack. */
static void test_debian_bzimage(void)
{
    const char *cache = getenv("REF_CACHE");
    struct xc_pv_build_info info;
    char path[512];
    uint64_t *p2m;
    uint32_t domid;

    snprintf(path, sizeof(path), "%s/linux/vmlinuz", cache ? cache : "");
    if ( !cache || access(path, R_OK) )
    {
        fprintf(stderr, "\n  SKIP: no %s\n", path);
        return;
    }
    domid = build_mem(path, NULL, "console=hvc0", 128 * 1024, &info, &p2m);
    CU_ASSERT_PTR_NOT_NULL(strstr(info.image_format, "bzImage/"));
    CU_ASSERT_STRING_EQUAL(info.guest_os, "linux");
    CU_ASSERT_EQUAL(info.virt_base, 0xffffffff80000000ULL);
    CU_ASSERT_EQUAL(info.p2m_va, 0x8000000000ULL);
    CU_ASSERT(info.virt_kend - info.virt_kstart > 32 * 1024 * 1024);
    /* Linux's first instruction is at its entry, not a zero page. */
    CU_ASSERT_NOT_EQUAL(*(const uint64_t *)
                        ((const uint8_t *)guest_page(p2m,
                            (info.virt_entry - info.virt_base) >> 12) +
                         (info.virt_entry & 4095)), 0);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);
}

/*
 * A refusal: the message names the fault, and nothing stays behind (no
 * domain, no frame, no mapping).
 */
static void refused(const char *kernel, const char *initrd, uint64_t mem,
                    const char *want, int want_errno)
{
    size_t free_before = hv->free_frames;
    struct xc_pv_build_info info;
    const char *msg;

    errno = 0;
    CU_ASSERT_EQUAL(create(kernel, initrd, NULL, mem, &info), 0);
    CU_ASSERT_EQUAL(errno, want_errno);
    msg = xc_get_last_error(xch)->message;
    if ( !strstr(msg, want) )
        fprintf(stderr, "\n  message '%s' lacks '%s'\n", msg, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, want));
    CU_ASSERT_EQUAL(fake_nr_domains(hv), 1);
    CU_ASSERT_EQUAL(hv->free_frames, free_before);
    CU_ASSERT_EQUAL(fake_nr_mappings(hv), 0);
}

static void test_refuse_files(void)
{
    static const char junk[] = "this is not a kernel at all";
    struct ti_spec spec;
    uint8_t *img;
    size_t len;
    char kernel[512];

    refused("/nonexistent/vmlinuz", NULL, MEM_KIB,
            "kernel /nonexistent/vmlinuz: No such file", ENOENT);
    refused(put_file(junk, sizeof(junk)), NULL, MEM_KIB,
            "neither an ELF image, a bzImage nor a compressed ELF", ENOEXEC);
    ti_linux(&spec);
    img = ti_build(&spec, &len);
    snprintf(kernel, sizeof(kernel), "%s", put_file(img, len));
    refused(kernel, "/nonexistent/initrd", MEM_KIB,
            "initrd /nonexistent/initrd: No such file", ENOENT);
    refused(kernel, put_file("", 0), MEM_KIB, "empty", EINVAL);
    free(img);
}

static void test_refuse_images(void)
{
    struct ti_spec spec;
    uint8_t *img, *bad;
    size_t len, plen;

    /* Cut inside a segment. */
    ti_linux(&spec);
    img = ti_build(&spec, &len);
    refused(put_file(img, ti_seg_offset(&spec, 1) + 16), NULL, MEM_KIB,
            "ends at", ENOEXEC);
    free(img);

    /* No Xen notes at all. */
    ti_init(&spec);
    spec.e_entry = 0xffffffff80000000ULL;
    ti_add_seg(&spec, 0x200000, 0x1000, 0x1000);
    img = ti_build(&spec, &len);
    refused(put_file(img, len), NULL, MEM_KIB, "no PT_NOTE", ENOEXEC);
    free(img);

    /* Notes that libelf refuses: a kernel for another hypervisor. */
    ti_linux(&spec);
    memcpy(spec.notes[3].desc, "xen-2.0", 8);
    img = ti_build(&spec, &len);
    refused(put_file(img, len), NULL, MEM_KIB, "not for xen-3.0", ENOEXEC);
    free(img);

    /* A 32-bit ELF. */
    ti_linux(&spec);
    spec.ei_class = ELFCLASS32;
    img = ti_build(&spec, &len);
    refused(put_file(img, len), NULL, MEM_KIB, "ELF", ENOEXEC);
    free(img);

    /* A corrupt gzip payload. */
    ti_linux(&spec);
    img = ti_build(&spec, &len);
    bad = pack(PACK_GZIP, img, len, &plen);
    memset(bad + plen / 2, 0x55, 32);
    refused(put_file(bad, plen), NULL, MEM_KIB, "gzip", EINVAL);
    free(bad);
    free(img);

    /* bzip2 is not unpacked. */
    refused(put_file("BZh91AY&SY", 10), NULL, MEM_KIB, "bzip2", ENOEXEC);
}

static void test_refuse_memory(void)
{
    struct ti_spec spec;
    uint8_t *img;
    size_t len;
    char kernel[512];

    ti_linux(&spec);
    img = ti_build(&spec, &len);
    snprintf(kernel, sizeof(kernel), "%s", put_file(img, len));
    /* The kernel sits at 16 MiB: 8 MiB cannot hold it. */
    refused(kernel, NULL, 8 * 1024, "do not fit the domain's 8192 KiB",
            ENOMEM);
    /* More than the machine has. */
    refused(kernel, NULL, 200 * 1024, "could be allocated", ENOMEM);
    free(img);
}

/* A failure at each late step must still leave nothing behind. */
static void test_refuse_midway(void)
{
    static const int steps[] = { XEN_DOMCTL_setvcpucontext,
                                 XEN_DOMCTL_max_mem,
                                 XEN_DOMCTL_hypercall_init };
    struct ti_spec spec;
    uint8_t *img;
    size_t len, i;
    char kernel[512];

    ti_linux(&spec);
    img = ti_build(&spec, &len);
    snprintf(kernel, sizeof(kernel), "%s", put_file(img, len));
    for ( i = 0; i < sizeof(steps) / sizeof(steps[0]); i++ )
    {
        hv->fail_domctl = steps[i];
        hv->fail_errno = EIO;
        refused(kernel, NULL, MEM_KIB, "domain", EIO);
    }
    hv->fail_domctl = -1;
    hv->fail_populate_after = 100;
    refused(kernel, NULL, MEM_KIB, "could be allocated", ENOMEM);
    hv->fail_populate_after = 0;
    free(img);
}

static void test_cmdline_too_long(void)
{
    char cmdline[1100];
    struct xc_pv_domain_spec s = { .memory_kib = MEM_KIB,
                                   .max_memory_kib = MEM_KIB, .vcpus = 1,
                                   .kernel = "/dev/null" };
    uint32_t domid;

    memset(cmdline, 'x', sizeof(cmdline) - 1);
    cmdline[sizeof(cmdline) - 1] = '\0';
    s.cmdline = cmdline;
    CU_ASSERT_EQUAL(xc_pv_domain_create(xch, &s, &domid, NULL), -1);
    CU_ASSERT_EQUAL(errno, E2BIG);
    CU_ASSERT_PTR_NOT_NULL(strstr(xc_get_last_error(xch)->message,
                                  "command line of 1099 bytes"));
    CU_ASSERT_EQUAL(fake_nr_domains(hv), 1);
}

/* Entries (".elf") and leftovers (".tmp.*") in the kernel cache. */
static unsigned int cache_files(const char *dir, const char *what,
                                char *name, size_t len)
{
    unsigned int n = 0;
    struct dirent *de;
    DIR *d = opendir(dir);

    if ( !d )
        return 0;
    while ( (de = readdir(d)) )
    {
        size_t l = strlen(de->d_name);
        bool tmp = !strncmp(de->d_name, ".tmp.", 5);

        if ( !strcmp(what, "tmp") ? !tmp :
             (tmp || l < 4 || strcmp(de->d_name + l - 4, ".elf")) )
            continue;
        n++;
        if ( name )
            snprintf(name, len, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    return n;
}

static void cache_clear(const char *dir)
{
    struct dirent *de;
    char path[1024];
    DIR *d = opendir(dir);

    while ( d && (de = readdir(d)) )
    {
        if ( !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") )
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
        unlink(path);
    }
    if ( d )
        closedir(d);
    rmdir(dir);
}

/* hello.elf in an xz bzImage; the first build keeps it, later ones use it. */
static void test_kernel_cache(void)
{
    struct xc_pv_build_info info;
    const char *path = guest_elf();
    uint8_t *elf, *packed, *bz, *changed, *bad;
    size_t len, plen, bzlen, blen;
    char dir[512], entry[1024], kernel[512];
    const Elf64_Phdr *ph;
    uint64_t *p2m, gpa;
    uint32_t domid;

    if ( !path )
        return;
    elf = slurp(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(elf);
    packed = pack(PACK_XZ, elf, len, &plen);
    bz = bzimage(packed, plen, &bzlen);
    snprintf(dir, sizeof(dir), "%s/kcache", tmpdir);
    setenv("LIBCTL_KERNEL_CACHE", dir, 1);
    snprintf(kernel, sizeof(kernel), "%s", put_file(bz, bzlen));

    /* Cold: unpacked, checked, kept. */
    domid = build_and_check(kernel, NULL, "hello", &info, &p2m);
    check_elf_segments(elf, len, p2m);
    CU_ASSERT_STRING_EQUAL(info.image_format, "bzImage/xz");
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);
    CU_ASSERT_EQUAL_FATAL(cache_files(dir, "elf", entry, sizeof(entry)), 1);
    CU_ASSERT_EQUAL(cache_files(dir, "tmp", NULL, 0), 0);

    /* Warm: the entry is what is loaded (a marked copy shows it). */
    changed = slurp(entry, &blen);
    CU_ASSERT_PTR_NOT_NULL_FATAL(changed);
    CU_ASSERT_EQUAL(blen, len);
    CU_ASSERT_EQUAL(memcmp(changed, elf, len), 0);
    ph = (const Elf64_Phdr *)(elf + ((const Elf64_Ehdr *)elf)->e_phoff);
    while ( ph->p_type != PT_LOAD || !ph->p_filesz )
        ph++;
    changed[ph->p_offset + ph->p_filesz - 1] ^= 0xff;
    gpa = ph->p_paddr + ph->p_filesz - 1;
    CU_ASSERT_EQUAL(rename(put_file(changed, blen), entry), 0);
    domid = build_and_check(kernel, NULL, "hello", &info, &p2m);
    CU_ASSERT_EQUAL(guest_byte(p2m, gpa), changed[ph->p_offset +
                                                  ph->p_filesz - 1]);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);

    /* The same bytes in another file are another key: unpacked afresh. */
    domid = build_and_check(put_file(bz, bzlen), NULL, "hello", &info,
                            &p2m);
    check_elf_segments(elf, len, p2m);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);
    CU_ASSERT_EQUAL(cache_files(dir, "elf", NULL, 0), 2);

    /* A corrupt stream is refused and leaves nothing in the cache. */
    bad = malloc(bzlen);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
    memcpy(bad, bz, bzlen);
    memset(bad + bzlen - 64, 0x55, 16);     /* the xz index and footer */
    refused(put_file(bad, bzlen), NULL, MEM_KIB, "xz data is corrupt",
            EINVAL);
    CU_ASSERT_EQUAL(cache_files(dir, "elf", NULL, 0), 2);
    CU_ASSERT_EQUAL(cache_files(dir, "tmp", NULL, 0), 0);

    /* An image larger than the bound is not kept. */
    setenv("LIBCTL_KERNEL_CACHE_MAX", "0", 1);
    domid = build_and_check(put_file(bz, bzlen), NULL, "hello", &info,
                            &p2m);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);
    CU_ASSERT_EQUAL(cache_files(dir, "elf", NULL, 0), 2);
    unsetenv("LIBCTL_KERNEL_CACHE_MAX");

    /* Off: nothing read or written. */
    cache_clear(dir);
    setenv("LIBCTL_KERNEL_CACHE", "off", 1);
    domid = build_and_check(kernel, NULL, "hello", &info, &p2m);
    check_elf_segments(elf, len, p2m);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    free(p2m);
    CU_ASSERT_EQUAL(access(dir, F_OK), -1);

    unsetenv("LIBCTL_KERNEL_CACHE");
    free(bad);
    free(changed);
    free(bz);
    free(packed);
    free(elf);
}

static CU_TestInfo tests[] = {
    { "synthetic Linux-like kernel, initrd", test_synthetic_linux },
    { "PADDR_OFFSET: second pass", test_paddr_offset },
    { "hello.elf", test_guest_elf },
    { "hello.elf, gzip", test_guest_gzip },
    { "hello.elf in a bzImage, gzip", test_guest_bz_gzip },
    { "hello.elf in a bzImage, xz", test_guest_bz_xz },
    { "hello.elf in a bzImage, zstd", test_guest_bz_zstd },
    { "without superpages", test_no_superpages },
    { "Debian's bzImage", test_debian_bzimage },
    { "refused: files", test_refuse_files },
    { "refused: images", test_refuse_images },
    { "refused: memory", test_refuse_memory },
    { "refused: failures midway", test_refuse_midway },
    { "refused: long command line", test_cmdline_too_long },
    { "kernel cache", test_kernel_cache },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "builder", NULL, NULL, setup, teardown, tests },
    CU_SUITE_INFO_NULL,
};

int main(void)
{
    const char *t = getenv("TMPDIR");
    unsigned int failed;

    snprintf(tmpdir, sizeof(tmpdir), "%s/test-libctl-build.XXXXXX",
             t ? t : "/tmp");
    if ( !mkdtemp(tmpdir) )
        return 99;
    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    if ( CU_register_suites(suites) != CUE_SUCCESS )
        return 99;
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    while ( nr_files-- )
    {
        char path[512];

        snprintf(path, sizeof(path), "%s/f%u", tmpdir, nr_files);
        unlink(path);
    }
    rmdir(tmpdir);
    return failed ? 1 : 0;
}
