/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of the ELF loader: header checks, Xen notes, refusals,
 * hostile and truncated images, loading through a page-granular callback. */

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <hv/errno.h>
#include <hv/libelf.h>
#include "builder/elf-image.h"

#define LINUX_BASE      0xffffffff80000000ULL
#define LINUX_KSTART    0xffffffff81000000ULL

/* Parse an image built from spec; returns elf_init's or elf_xen_parse's rc. */
struct parsed {
    uint8_t *img;
    size_t size;
    struct elf_binary elf;
    struct elf_dom_parms parms;
    int init_rc;
    int rc;
};

static void parse_image(struct parsed *p)
{
    p->init_rc = elf_init(&p->elf, p->img, p->size);
    p->rc = p->init_rc ? p->init_rc : elf_xen_parse(&p->elf, &p->parms);
}

static void parse_spec(struct parsed *p, const struct ti_spec *s)
{
    p->img = ti_build(s, &p->size);
    parse_image(p);
}

static void done(struct parsed *p)
{
    free(p->img);
    p->img = NULL;
}

static Elf64_Phdr *phdr(struct parsed *p, unsigned int i)
{
    return (Elf64_Phdr *)(p->img + sizeof(Elf64_Ehdr)) + i;
}

static Elf64_Ehdr *ehdr(struct parsed *p)
{
    return (Elf64_Ehdr *)p->img;
}

/* The refusal has this errno and its message contains this text. */
static void expect_err(const struct parsed *p, int rc, const char *text)
{
    CU_ASSERT_EQUAL(p->rc, rc);
    if ( !strstr(p->elf.err, text) )
    {
        fprintf(stderr, "\n  message '%s' lacks '%s'\n", p->elf.err, text);
        CU_FAIL("unexpected error message");
    }
}

static void test_linux_notes(void)
{
    struct ti_spec s;
    struct parsed p;
    const struct elf_dom_parms *d = &p.parms;

    ti_linux(&s);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.elf.nr_load, 2);
    CU_ASSERT_EQUAL(p.elf.pstart, 0x1000000);
    CU_ASSERT_EQUAL(p.elf.pend, 0x1008000);
    CU_ASSERT_STRING_EQUAL(d->guest_os, "linux");
    CU_ASSERT_STRING_EQUAL(d->guest_ver, "2.6");
    CU_ASSERT_STRING_EQUAL(d->xen_ver, "xen-3.0");
    CU_ASSERT_STRING_EQUAL(d->loader, "generic");
    CU_ASSERT_EQUAL(d->pae, ELF_PAE_EXTCR3);
    CU_ASSERT_FALSE(d->bsd_symtab);
    CU_ASSERT_TRUE(d->unmapped_initrd);
    CU_ASSERT_TRUE(d->suspend_cancel);
    CU_ASSERT_EQUAL(d->virt_base, LINUX_BASE);
    CU_ASSERT_EQUAL(d->elf_paddr_offset, 0);
    CU_ASSERT_EQUAL(d->virt_entry, 0xffffffff81000100ULL);
    CU_ASSERT_EQUAL(d->virt_hypercall, 0xffffffff81001000ULL);
    CU_ASSERT_EQUAL(d->virt_hv_start_low, 0xffff800000000000ULL);
    CU_ASSERT_EQUAL(d->p2m_base, 0x8000000000ULL);
    CU_ASSERT_EQUAL(d->phys_entry, 0x1000200);
    CU_ASSERT_EQUAL(d->l1_mfn_valid_mask, 1);
    CU_ASSERT_EQUAL(d->l1_mfn_valid_value, 1);
    /* FEATURES: bits 0 (required) and 4; SUPPORTED_FEATURES adds 11, 15. */
    CU_ASSERT_EQUAL(d->f_supported[0], 0x8811);
    CU_ASSERT_EQUAL(d->f_required[0], 0x1);
    CU_ASSERT_TRUE(elf_xen_feature_get(11, d->f_supported));
    CU_ASSERT_FALSE(elf_xen_feature_get(3, d->f_supported));
    CU_ASSERT_FALSE(elf_xen_feature_get(1000, d->f_supported));
    /* Every Xen note but INFO, BSD_SYMTAB; the GNU note is not counted. */
    CU_ASSERT_EQUAL(d->notes_present, 0x7ffff & ~(1U << 0) & ~(1U << 11));
    CU_ASSERT_TRUE(elf_xen_note_present(d, 17));
    CU_ASSERT_FALSE(elf_xen_note_present(d, 11));
    CU_ASSERT_FALSE(elf_xen_note_present(d, 99));
    CU_ASSERT_EQUAL(d->virt_offset, LINUX_BASE);
    CU_ASSERT_EQUAL(p.elf.virt_offset, LINUX_BASE);
    CU_ASSERT_EQUAL(d->virt_kstart, LINUX_KSTART);
    CU_ASSERT_EQUAL(d->virt_kend, LINUX_KSTART + 0x8000);
    CU_ASSERT_EQUAL(elf_xen_dom0_check(&p.elf, d), 0);
    done(&p);
}

/* Numeric notes are read per their size; odd sizes read as 0 like Xen. */
static void test_numeric_sizes(void)
{
    static const struct { unsigned int size; uint64_t val, expect; } c[] = {
        { 1, 0x1000080, 0x80 },
        { 2, 0x1000080, 0x0080 },
        { 4, 0x1000080, 0x1000080 },
        { 8, 0x1000080, 0x1000080 },
        { 3, 0x1000080, 0 },
    };
    unsigned int i;

    for ( i = 0; i < sizeof(c) / sizeof(c[0]); i++ )
    {
        struct ti_spec s;
        struct parsed p;

        ti_init(&s);
        ti_add_seg(&s, 0x0, 0x100, 0x2000000);
        ti_note_str(&s, 5, "xen-3.0");
        ti_note_str(&s, 8, "generic");
        ti_note_num(&s, 14, c[i].val, c[i].size);  /* SUSPEND_CANCEL */
        ti_note_num(&s, 4, c[i].val, c[i].size);   /* PADDR_OFFSET */
        ti_note_num(&s, 3, c[i].val, c[i].size);   /* VIRT_BASE */
        ti_note_num(&s, 1, c[i].val + 0x10, 4);    /* ENTRY */
        parse_spec(&p, &s);
        /* Base and offset cancel out: VAs equal paddrs plus nothing. */
        CU_ASSERT_EQUAL(p.parms.virt_base, c[i].expect);
        CU_ASSERT_EQUAL(p.parms.elf_paddr_offset, c[i].expect);
        CU_ASSERT_EQUAL(p.parms.suspend_cancel, c[i].expect != 0);
        if ( c[i].expect & 0xfff )
            expect_err(&p, -EINVAL, "not page-aligned");
        else
            CU_ASSERT_EQUAL(p.rc, 0);
        done(&p);
    }
}

/* Without VIRT_BASE, PADDR_OFFSET, ENTRY: 0, 0 and e_entry. */
static void test_defaults(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_init(&s);
    s.e_entry = 0x401000;
    ti_add_seg(&s, 0x400000, 0x2000, 0x3000);
    ti_note_str(&s, 6, "linux");
    ti_note_str(&s, 5, "xen-3.0.4");
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.parms.virt_base, 0);
    CU_ASSERT_EQUAL(p.parms.elf_paddr_offset, 0);
    CU_ASSERT_EQUAL(p.parms.virt_entry, 0x401000);
    CU_ASSERT_EQUAL(p.parms.virt_hypercall, ELF_UNSET_ADDR);
    CU_ASSERT_EQUAL(p.parms.p2m_base, ELF_UNSET_ADDR);
    CU_ASSERT_EQUAL(p.parms.virt_hv_start_low, ELF_UNSET_ADDR);
    CU_ASSERT_EQUAL(p.parms.phys_entry, ELF_UNSET_ADDR32);
    CU_ASSERT_EQUAL(p.parms.pae, ELF_PAE_NO);
    CU_ASSERT_EQUAL(p.parms.virt_kstart, 0x400000);
    CU_ASSERT_EQUAL(p.parms.virt_kend, 0x403000);
    CU_ASSERT_FALSE(p.parms.unmapped_initrd);
    /* No SUPPORTED_FEATURES note: nothing to hold against dom0. */
    CU_ASSERT_EQUAL(elf_xen_dom0_check(&p.elf, &p.parms), 0);
    done(&p);
}

/* Old kernels put __PAGE_OFFSET in p_paddr and say so in PADDR_OFFSET. */
static void test_paddr_offset(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_init(&s);
    ti_add_seg(&s, 0xffffffff80200000ULL, 0x1000, 0x1000);
    ti_note_str(&s, 8, "generic");
    ti_note_str(&s, 5, "xen-3.0");
    ti_note_num(&s, 3, 0xffffffff80000000ULL, 8);
    ti_note_num(&s, 4, 0xffffffff80000000ULL, 8);
    ti_note_num(&s, 1, 0xffffffff80200010ULL, 8);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.parms.virt_offset, 0);
    CU_ASSERT_EQUAL(p.parms.virt_kstart, 0xffffffff80200000ULL);
    done(&p);
}

static void test_pae_and_strings(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_linux(&s);
    ti_note_str(&s, 9, "yes,bimodal");
    ti_note_str(&s, 7, "a-very-long-guest-version-string");
    ti_note_str(&s, 11, "yes");
    /* Not NUL-terminated: the payload's size bounds the string. */
    ti_note_raw(&s, "Xen", 6, "linuxy", 6);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.parms.pae, ELF_PAE_BIMODAL);
    CU_ASSERT_STRING_EQUAL(p.parms.guest_ver, "a-very-long-gue");
    CU_ASSERT_STRING_EQUAL(p.parms.guest_os, "linuxy");
    CU_ASSERT_TRUE(p.parms.bsd_symtab);
    done(&p);
}

static void test_features(void)
{
    static const struct {
        const char *str;
        int rc;
        uint32_t sup, req;
    } c[] = {
        { "writable_page_tables", 0, 0x1, 0 },
        { "!dom0|!auto_translated_physmap", 0, 0x804, 0x804 },
        { "|||hvm_callback_vector||", 0, 0x100, 0 },
        { "no_such_feature|writable_descriptor_tables", 0, 0x2, 0 },
        { "!no_such_feature", -EINVAL, 0, 0 },
        { "!", -EINVAL, 0, 0 },
        { "supervisor_mode_kernel|pae_pgdir_above_4gb", 0, 0x18, 0 },
        { "dom0x", 0, 0, 0 },
        { "", 0, 0, 0 },
    };
    unsigned int i;

    for ( i = 0; i < sizeof(c) / sizeof(c[0]); i++ )
    {
        struct ti_spec s;
        struct parsed p;

        ti_init(&s);
        ti_add_seg(&s, 0x100000, 0x1000, 0x1000);
        s.e_entry = 0x100000;
        ti_note_str(&s, 8, "generic");
        ti_note_str(&s, 5, "xen-3.0");
        ti_note_str(&s, 10, c[i].str);
        parse_spec(&p, &s);
        CU_ASSERT_EQUAL(p.rc, c[i].rc);
        if ( !c[i].rc )
        {
            CU_ASSERT_EQUAL(p.parms.f_supported[0], c[i].sup);
            CU_ASSERT_EQUAL(p.parms.f_required[0], c[i].req);
        }
        else
            CU_ASSERT_PTR_NOT_NULL(strstr(p.elf.err, "unknown feature"));
        done(&p);
    }
}

static void test_dom0_check(void)
{
    struct ti_spec s;
    struct parsed p;
    unsigned int i;

    /* SUPPORTED_FEATURES without XENFEAT_dom0. */
    ti_linux(&s);
    ti_note_num(&s, 17, 0x1, 4);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.parms.f_supported[0], 0x8811);    /* ORed in */
    done(&p);

    ti_linux(&s);
    for ( i = 0; i < s.nr_notes; i++ )
        if ( s.notes[i].type == 17 )
            s.notes[i].desc[1] = 0;     /* 0x8801 -> 0x0001 */
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    CU_ASSERT_EQUAL(elf_xen_dom0_check(&p.elf, &p.parms), -EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(p.elf.err, "dom0"));
    done(&p);

    ti_linux(&s);
    ti_note_str(&s, 10, "!supervisor_mode_kernel");
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    CU_ASSERT_EQUAL(elf_xen_dom0_check(&p.elf, &p.parms), -EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(p.elf.err, "supervisor_mode_kernel"));
    done(&p);
}

/* Notes found through SHT_NOTE when no PT_NOTE exists, or PT_NOTE is bad. */
static void test_section_notes(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_linux(&s);
    s.notes_in_section = true;
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.elf.shnum, 2);
    CU_ASSERT_EQUAL(p.parms.virt_base, LINUX_BASE);
    done(&p);

    /* A PT_NOTE with p_offset 0 is skipped (and no section: refused). */
    ti_linux(&s);
    s.note_phdr_offset_zero = true;
    parse_spec(&p, &s);
    expect_err(&p, -EINVAL, "no Xen ELF notes");
    done(&p);
}

static void test_refuse_ident(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_linux(&s);
    p.img = ti_build(&s, &p.size);
    p.img[1] = 'e';
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "not an ELF image (bad magic)");
    p.img[1] = 'E';
    p.img[EI_CLASS] = ELFCLASS32;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "32-bit kernels are not supported");
    p.img[EI_CLASS] = 3;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "unknown ELF class 3");
    p.img[EI_CLASS] = ELFCLASS64;
    p.img[EI_DATA] = ELFDATA2MSB;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "big-endian");
    p.img[EI_DATA] = ELFDATA2LSB;
    ehdr(&p)->e_machine = EM_386;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "wrong ELF machine 3 (i386)");
    ehdr(&p)->e_machine = EM_AARCH64;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "wrong ELF machine 183");
    ehdr(&p)->e_machine = EM_X86_64;
    ehdr(&p)->e_type = ET_DYN;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "not an executable");
    ehdr(&p)->e_type = ET_EXEC;
    parse_image(&p);
    CU_ASSERT_EQUAL(p.rc, 0);
    done(&p);

    p.img = NULL;
    p.size = 100;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "bad magic");
}

static void test_refuse_phdrs(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_linux(&s);
    p.img = ti_build(&s, &p.size);

    ehdr(&p)->e_phentsize = 32;
    parse_image(&p);
    expect_err(&p, -EINVAL, "program header size 32");
    ehdr(&p)->e_phentsize = sizeof(Elf64_Phdr);
    ehdr(&p)->e_phnum = 0;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "no PT_LOAD");
    ehdr(&p)->e_phnum = 0xffff;
    parse_image(&p);
    expect_err(&p, -EINVAL, "truncated file: 65535 program headers");
    ehdr(&p)->e_phnum = 3;
    ehdr(&p)->e_phoff = ~0ULL - 8;
    parse_image(&p);
    expect_err(&p, -EINVAL, "truncated file");
    ehdr(&p)->e_phoff = sizeof(Elf64_Ehdr);
    ehdr(&p)->e_shnum = 1;
    ehdr(&p)->e_shentsize = sizeof(Elf64_Shdr);
    ehdr(&p)->e_shoff = p.size - 8;
    parse_image(&p);
    expect_err(&p, -EINVAL, "truncated file: 1 section headers");
    ehdr(&p)->e_shentsize = 40;
    parse_image(&p);
    expect_err(&p, -EINVAL, "section header size 40");
    ehdr(&p)->e_shnum = 0;

    phdr(&p, 1)->p_filesz = 0x6000;
    parse_image(&p);
    expect_err(&p, -EINVAL, "truncated file: segment 1");
    phdr(&p, 1)->p_filesz = 0x1234;
    phdr(&p, 1)->p_memsz = 0x1000;
    parse_image(&p);
    expect_err(&p, -EINVAL, "file size 0x1234 above memory size 0x1000");
    phdr(&p, 1)->p_memsz = 0x5000;
    phdr(&p, 1)->p_offset = ~0ULL - 0x100;
    parse_image(&p);
    expect_err(&p, -EINVAL, "truncated file: segment 1");
    phdr(&p, 1)->p_offset = ti_seg_offset(&s, 1);
    phdr(&p, 1)->p_paddr = ~0ULL - 0x1000;
    parse_image(&p);
    expect_err(&p, -EINVAL, "wraps the address space");
    phdr(&p, 1)->p_paddr = 0x1003000;

    /* Only non-loadable segments: PT_LOAD without rights, PT_NOTE. */
    phdr(&p, 0)->p_flags = 0;
    phdr(&p, 1)->p_type = PT_GNU_STACK;
    parse_image(&p);
    expect_err(&p, -ENOEXEC, "no loadable PT_LOAD");
    done(&p);
}

/* Refusals by the Xen note checks, one spec tweak each. */
static void test_refuse_notes(void)
{
    static const struct {
        uint32_t type;
        const char *str;
        uint64_t num;
        const char *msg;
    } c[] = {
        { 8, "netbsd", 0, NULL },
        { 5, "xen-2.0", 0, "built for 'xen-2.0', not for xen-3.0" },
        { 5, "", 0, "not for xen-3.0" },
        { 1, NULL, 0xffffffff81008000ULL, "entry point 0xffffffff81008000" },
        { 1, NULL, 0xffffffff80fff000ULL, "entry point" },
        { 2, NULL, 0xffffffff81100000ULL, "HYPERCALL_PAGE 0xffffffff811" },
        { 2, NULL, 0xffffffff81001800ULL, "HYPERCALL_PAGE 0xffffffff81001800 "
                                          "is not page-aligned" },
        { 3, NULL, 0xffffffff80000800ULL, "VIRT_BASE 0xffffffff80000800 is "
                                          "not page-aligned" },
        { 4, NULL, 0x2000000, "VIRT_BASE 0xffffffff80000000 is above the "
                              "kernel start 0xffffffff7f000000" },
        { 15, NULL, 0xffffffff81004000ULL, "INIT_P2M 0xffffffff81004000" },
        { 10, "!writable_page_tables|!foo", 0, "unknown feature 'foo'" },
    };
    unsigned int i;

    for ( i = 0; i < sizeof(c) / sizeof(c[0]); i++ )
    {
        struct ti_spec s;
        struct parsed p;

        ti_linux(&s);
        if ( c[i].str )
            ti_note_str(&s, c[i].type, c[i].str);
        else
            ti_note_num(&s, c[i].type, c[i].num, 8);
        if ( c[i].type == 8 )
            ti_note_str(&s, 6, "netbsd");
        parse_spec(&p, &s);
        expect_err(&p, -EINVAL, c[i].msg ? c[i].msg :
                   "neither for the generic loader nor Linux "
                   "(LOADER 'netbsd', GUEST_OS 'netbsd')");
        done(&p);
    }
}

static void test_refuse_addresses(void)
{
    struct ti_spec s;
    struct parsed p;

    /* PADDR_OFFSET without VIRT_BASE. */
    ti_init(&s);
    ti_add_seg(&s, 0x100000, 0x10, 0x10);
    s.e_entry = 0x100000;
    ti_note_str(&s, 8, "generic");
    ti_note_str(&s, 5, "xen-3.0");
    ti_note_num(&s, 4, 0, 8);
    parse_spec(&p, &s);
    expect_err(&p, -EINVAL, "PADDR_OFFSET is set but VIRT_BASE is not");
    done(&p);

    /* A kernel in the hypervisor's range. */
    ti_init(&s);
    ti_add_seg(&s, 0x1000, 0x10, 0x10);
    s.e_entry = 0xffff804000001000ULL;
    ti_note_str(&s, 8, "generic");
    ti_note_str(&s, 5, "xen-3.0");
    ti_note_num(&s, 3, 0xffff804000000000ULL, 8);
    parse_spec(&p, &s);
    expect_err(&p, -EINVAL, "overlaps the hypervisor's range");
    done(&p);

    /* Ending exactly at the hypervisor's start is fine. */
    ti_init(&s);
    ti_add_seg(&s, 0x1000, 0x10, 0x7ffffffff000ULL - 0x1000);
    s.e_entry = 0xffff000000001000ULL;
    ti_note_str(&s, 8, "generic");
    ti_note_str(&s, 5, "xen-3.0");
    ti_note_num(&s, 3, 0xffff000000000000ULL, 8);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL(p.rc, 0);
    CU_ASSERT_EQUAL(p.parms.virt_kend, 0xffff7ffffffff000ULL);
    done(&p);

    /* The kernel range wraps past 2^64. */
    ti_init(&s);
    ti_add_seg(&s, 0x1f0000, 0x10, 0x20000);
    s.e_entry = 0xfffffffffff00000ULL;
    ti_note_str(&s, 8, "generic");
    ti_note_str(&s, 5, "xen-3.0");
    ti_note_num(&s, 3, 0xffffffffffe00000ULL, 8);
    parse_spec(&p, &s);
    expect_err(&p, -EINVAL, "wraps the address space");
    done(&p);
}

static void test_no_xen_notes(void)
{
    struct ti_spec s;
    struct parsed p;

    ti_init(&s);
    ti_add_seg(&s, 0x100000, 0x10, 0x10);
    parse_spec(&p, &s);
    expect_err(&p, -EINVAL, "no Xen ELF notes: not a Xen PV kernel");
    done(&p);

    ti_note_raw(&s, "GNU", 1, "abcd", 4);
    ti_note_raw(&s, "Xenx", 6, "linux", 6);
    ti_note_raw(&s, "XEN", 6, "linux", 6);
    parse_spec(&p, &s);
    expect_err(&p, -EINVAL, "no Xen ELF notes");
    done(&p);

    /* elf_xen_parse after a failed elf_init. */
    p.img = NULL;
    p.size = 0;
    CU_ASSERT_NOT_EQUAL(elf_init(&p.elf, NULL, 0), 0);
    CU_ASSERT_EQUAL(elf_xen_parse(&p.elf, &p.parms), -EINVAL);
}

/* Rewrite note n's header fields inside a built image. */
static void set_note_sizes(struct parsed *p, const struct ti_spec *s,
                           unsigned int n, uint32_t namesz, uint32_t descsz)
{
    uint64_t off = ti_notes_offset(s);
    unsigned int i;
    Elf64_Nhdr *h;

    for ( i = 0; i < n; i++ )
    {
        h = (Elf64_Nhdr *)(p->img + off);
        off += sizeof(*h) + ((h->n_namesz + 3) & ~3U) +
               ((h->n_descsz + 3) & ~3U);
    }
    h = (Elf64_Nhdr *)(p->img + off);
    h->n_namesz = namesz;
    h->n_descsz = descsz;
}

static void test_hostile_note_sizes(void)
{
    static const struct { uint32_t namesz, descsz; } c[] = {
        { 0xffffffff, 4 }, { 4, 0xffffffff }, { 0xfffffffd, 0xfffffffd },
        { 0x7fffffff, 0x7fffffff }, { 4, 0x10000 }, { 0x1000, 0 },
    };
    struct ti_spec s;
    struct parsed p;
    unsigned int i;

    for ( i = 0; i < sizeof(c) / sizeof(c[0]); i++ )
    {
        ti_linux(&s);
        p.img = ti_build(&s, &p.size);
        set_note_sizes(&p, &s, 3, c[i].namesz, c[i].descsz);
        parse_image(&p);
        expect_err(&p, -EINVAL, "overruns its region");
        done(&p);
    }

    /* The last note's payload ends the region exactly, padding missing. */
    ti_linux(&s);
    ti_note_raw(&s, "Xen", 16, "\1", 1);    /* MOD_START_PFN, 1 byte */
    p.img = ti_build(&s, &p.size);
    phdr(&p, 2)->p_filesz -= 3;
    parse_image(&p);
    CU_ASSERT_EQUAL(p.rc, 0);
    CU_ASSERT_TRUE(p.parms.unmapped_initrd);
    /* One byte fewer: the payload overruns. */
    phdr(&p, 2)->p_filesz -= 1;
    parse_image(&p);
    expect_err(&p, -EINVAL, "overruns its region");
    /* Trailing bytes too short for a note header are ignored. */
    phdr(&p, 2)->p_filesz -= 8;
    parse_image(&p);
    CU_ASSERT_EQUAL(p.rc, 0);
    done(&p);

    /* Zero-sized payloads: strings empty, numbers 0. */
    ti_linux(&s);
    ti_note_raw(&s, "Xen", 7, "", 0);
    ti_note_raw(&s, "Xen", 13, "", 0);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL(p.rc, 0);
    CU_ASSERT_STRING_EQUAL(p.parms.guest_ver, "");
    CU_ASSERT_EQUAL(p.parms.l1_mfn_valid_mask, 1);  /* kept: bad size */
    done(&p);

    /* 4-byte L1_MFN_VALID pair. */
    ti_linux(&s);
    ti_note_raw(&s, "Xen", 13, "\3\0\0\0\2\0\0\0", 8);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL(p.parms.l1_mfn_valid_mask, 3);
    CU_ASSERT_EQUAL(p.parms.l1_mfn_valid_value, 2);
    done(&p);
}

/* Many PT_NOTE headers aimed at one region cannot make unbounded work. */
static void test_note_bomb(void)
{
    struct ti_spec s;
    struct parsed p;
    unsigned int i;

    ti_init(&s);
    ti_add_seg(&s, 0x100000, 0x10, 0x10);
    for ( i = 0; i < TI_MAX_NOTES; i++ )
        ti_note_raw(&s, "GNU", 1, "", 0);
    p.img = ti_build(&s, &p.size);
    /* 40 notes per region; make 2000 headers point at it: 80000 notes. */
    {
        size_t nsize = sizeof(Elf64_Ehdr) + 2000 * sizeof(Elf64_Phdr) +
                       p.size;
        uint8_t *big = calloc(1, nsize);
        Elf64_Phdr *ph = (Elf64_Phdr *)(big + sizeof(Elf64_Ehdr));
        Elf64_Phdr note = *phdr(&p, 1), load = *phdr(&p, 0);
        uint64_t shift = 2000 * sizeof(Elf64_Phdr);

        memcpy(big, p.img, sizeof(Elf64_Ehdr));
        memcpy(big + sizeof(Elf64_Ehdr) + shift, p.img + sizeof(Elf64_Ehdr),
               p.size - sizeof(Elf64_Ehdr));
        note.p_offset += shift;
        load.p_offset += shift;
        ph[0] = load;
        for ( i = 1; i < 2000; i++ )
            ph[i] = note;
        ((Elf64_Ehdr *)big)->e_phnum = 2000;
        free(p.img);
        p.img = big;
        p.size = nsize;
    }
    parse_image(&p);
    expect_err(&p, -EINVAL, "too many ELF notes");
    done(&p);
}

/* A fake guest address space for elf_load(). */
struct sink {
    uint64_t base;
    size_t size;
    uint8_t *mem;
    unsigned int calls;
    bool crossed;
    uint64_t fail_va;       /* return NULL for the page holding this VA */
};

static void *sink_ptr(void *opaque, uint64_t va, size_t len)
{
    struct sink *k = opaque;

    k->calls++;
    if ( len == 0 || len > 4096 || (va & 0xfff) + len > 4096 )
        k->crossed = true;
    if ( (va >> 12) == (k->fail_va >> 12) )
        return NULL;
    if ( va < k->base || va - k->base > k->size ||
         len > k->size - (va - k->base) )
        return NULL;
    return k->mem + (va - k->base);
}

static void sink_init(struct sink *k, uint64_t base, size_t size)
{
    memset(k, 0, sizeof(*k));
    k->base = base;
    k->size = size;
    k->mem = malloc(size);
    memset(k->mem, 0xaa, size);
    k->fail_va = ~0ULL;     /* the last page: never used here */
}

static void check_segment(const struct sink *k, const struct ti_seg *g,
                          uint64_t va)
{
    const uint8_t *m = k->mem + (va - k->base);
    uint64_t i, bad = 0;

    for ( i = 0; i < g->filesz; i++ )
        bad += m[i] != ti_seg_byte(g, i);
    for ( ; i < g->memsz; i++ )
        bad += m[i] != 0;
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_load(void)
{
    struct ti_spec s;
    struct parsed p;
    struct sink k;

    ti_linux(&s);
    /* Unaligned start, spanning several pages, file bytes ending mid-page. */
    s.segs[0].paddr = 0x1000234;
    s.segs[0].filesz = 0x2345;
    s.segs[0].memsz = 0x2345;
    ti_note_num(&s, 1, LINUX_KSTART + 0x300, 8);
    parse_spec(&p, &s);
    CU_ASSERT_EQUAL_FATAL(p.rc, 0);
    sink_init(&k, LINUX_KSTART, 0x10000);
    CU_ASSERT_EQUAL(elf_load(&p.elf, sink_ptr, &k), 0);
    CU_ASSERT_FALSE(k.crossed);
    check_segment(&k, &s.segs[0], LINUX_KSTART + 0x234);
    check_segment(&k, &s.segs[1], LINUX_KSTART + 0x3000);
    /* Bytes outside the segments are untouched. */
    CU_ASSERT_EQUAL(k.mem[0x233], 0xaa);
    CU_ASSERT_EQUAL(k.mem[0x234 + 0x2345], 0xaa);
    CU_ASSERT_EQUAL(k.mem[0x8000], 0xaa);
    /*
     * Chunks: seg 0 [0x234, 0x2579) = 3 pages; seg 1 file [0x3000, 0x4234)
     * = 2, bss [0x4234, 0x8000) = 4.
     */
    CU_ASSERT_EQUAL(k.calls, 9);

    /* A refused page stops the load with -EFAULT. */
    k.fail_va = LINUX_KSTART + 0x5000;
    CU_ASSERT_EQUAL(elf_load(&p.elf, sink_ptr, &k), -EFAULT);
    k.fail_va = LINUX_KSTART + 0x1000;
    CU_ASSERT_EQUAL(elf_load(&p.elf, sink_ptr, &k), -EFAULT);
    CU_ASSERT_EQUAL(elf_load(&p.elf, NULL, &k), -EINVAL);
    free(k.mem);
    done(&p);

    /* Not initialised: nothing to load. */
    CU_ASSERT_NOT_EQUAL(elf_init(&p.elf, "junk", 4), 0);
    CU_ASSERT_EQUAL(elf_load(&p.elf, sink_ptr, &k), -EINVAL);
}

/* Load without elf_xen_parse: at p_paddr. A zero-size PT_LOAD is fine. */
static void test_load_physical(void)
{
    struct ti_spec s;
    struct parsed p;
    struct sink k;

    ti_init(&s);
    ti_add_seg(&s, 0x7ff, 0x1802, 0x2801);
    ti_add_seg(&s, 0x5000, 0, 0);
    p.img = ti_build(&s, &p.size);
    CU_ASSERT_EQUAL_FATAL(elf_init(&p.elf, p.img, p.size), 0);
    sink_init(&k, 0, 0x6000);
    CU_ASSERT_EQUAL(elf_load(&p.elf, sink_ptr, &k), 0);
    CU_ASSERT_FALSE(k.crossed);
    check_segment(&k, &s.segs[0], 0x7ff);
    CU_ASSERT_EQUAL(k.mem[0x7fe], 0xaa);
    CU_ASSERT_EQUAL(k.mem[0x3000], 0xaa);
    free(k.mem);
    done(&p);
}

/* Every shorter prefix of a valid image is refused, and never crashes. */
static void test_truncated(void)
{
    struct ti_spec specs[2];
    unsigned int n, accepted_short = 0;

    ti_linux(&specs[0]);
    ti_linux(&specs[1]);
    specs[1].notes_in_section = true;
    for ( n = 0; n < 2; n++ )
    {
        size_t size, len;
        uint8_t *img = ti_build(&specs[n], &size);

        for ( len = 0; len < size; len++ )
        {
            /* Exact-size copy, so an overread is caught by the sanitizer. */
            uint8_t *copy = malloc(len ? len : 1);
            struct elf_binary elf;
            struct elf_dom_parms parms;

            memcpy(copy, img, len);
            if ( !elf_init(&elf, copy, len) &&
                 !elf_xen_parse(&elf, &parms) )
                accepted_short++;
            CU_ASSERT(strlen(elf.err) > 0);
            free(copy);
        }
        free(img);
    }
    CU_ASSERT_EQUAL(accepted_short, 0);
}

/* Random corruption of a valid image: any outcome but a crash. */
static void test_fuzz(void)
{
    struct ti_spec s;
    size_t size;
    uint8_t *img, *copy;
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    unsigned int iter, ok = 0;

    ti_linux(&s);
    img = ti_build(&s, &size);
    copy = malloc(size);
    for ( iter = 0; iter < 20000; iter++ )
    {
        struct elf_binary elf;
        struct elf_dom_parms parms;
        unsigned int flips, i;

        memcpy(copy, img, size);
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
        flips = 1 + seed % 4;
        for ( i = 0; i < flips; i++ )
        {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
            /* Mostly the headers and notes, where the parsing happens. */
            copy[(seed >> 8) % (iter & 1 ? size : 0x400)] ^=
                (uint8_t)(1u << (seed % 8)) | (uint8_t)(seed >> 40);
        }
        if ( !elf_init(&elf, copy, size) && !elf_xen_parse(&elf, &parms) )
        {
            uint64_t span = parms.virt_kend - parms.virt_kstart;
            struct sink k;

            ok++;
            /* Whatever was accepted loads only inside its own range. */
            if ( span && span <= 0x100000 )
            {
                sink_init(&k, parms.virt_kstart, span);
                CU_ASSERT_EQUAL(elf_load(&elf, sink_ptr, &k), 0);
                CU_ASSERT_FALSE(k.crossed);
                free(k.mem);
            }
        }
    }
    CU_ASSERT(ok > 0);
    free(copy);
    free(img);
}

/* Xen's own multiboot image is a 32-bit ELF: a real-file refusal. */
static void test_reference_xen(void)
{
    const char *cache = getenv("REF_CACHE");
    char path[4096];
    struct elf_binary elf;
    uint8_t *img;
    long size;
    FILE *f;

    if ( !cache || !*cache )
        return;
    snprintf(path, sizeof(path), "%s/xen/xen-4.17.elf", cache);
    f = fopen(path, "rb");
    if ( !f )
        return;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    img = malloc(size > 0 ? size : 1);
    CU_ASSERT_EQUAL_FATAL(fread(img, 1, size, f), (size_t)size);
    fclose(f);
    CU_ASSERT_EQUAL(elf_init(&elf, img, size), -ENOEXEC);
    CU_ASSERT_STRING_EQUAL(elf.err, "32-bit kernels are not supported");
    free(img);
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "Linux-like notes", test_linux_notes },
        { "numeric note sizes", test_numeric_sizes },
        { "defaults", test_defaults },
        { "PADDR_OFFSET", test_paddr_offset },
        { "PAE and strings", test_pae_and_strings },
        { "FEATURES", test_features },
        { "dom0 check", test_dom0_check },
        { "SHT_NOTE fallback", test_section_notes },
        { "refuse: identification", test_refuse_ident },
        { "refuse: program headers", test_refuse_phdrs },
        { "refuse: note checks", test_refuse_notes },
        { "refuse: addresses", test_refuse_addresses },
        { "refuse: no Xen notes", test_no_xen_notes },
        { "hostile note sizes", test_hostile_note_sizes },
        { "note bomb", test_note_bomb },
        { "load by VA", test_load },
        { "load by paddr", test_load_physical },
        { "truncated images", test_truncated },
        { "fuzz", test_fuzz },
        { "Xen 4.17's image", test_reference_xen },
    };
    CU_pSuite suite;
    unsigned int i, failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("libelf", NULL, NULL);
    for ( i = 0; suite && i < sizeof(tests) / sizeof(tests[0]); i++ )
        if ( !CU_add_test(suite, tests[i].name, tests[i].fn) )
            suite = NULL;
    if ( !suite )
    {
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
