/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Streaming an ELF kernel into the guest.  The image arrives once, front
 * to back (from a decompressor, usually), and is never held whole: each
 * chunk's bytes go straight to the guest pages of the PT_LOAD segments
 * they belong to, and the bytes of PT_NOTE segments are kept aside.  Once
 * the stream is done the notes are parsed by the hypervisor's own libelf,
 * over a skeleton image: the ELF and program headers plus the notes, with
 * the loadable segments' file contents left out.
 *
 * A segment's guest page is (p_paddr - PADDR_OFFSET) >> 12, and the notes
 * that could set PADDR_OFFSET only arrive with the stream (Linux keeps
 * them in the middle of its text).  The load assumes the default, 0; a
 * kernel whose notes say otherwise is streamed a second time.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"

#define HEAD_MAX    (64 * 1024)     /* ELF and program headers in here */
#define NOTES_MAX   (64 * 1024)
#define CHUNK       (256 * 1024)
#define MAX_PHDRS   64

struct range
{
    uint64_t off, filesz;       /* in the file */
    uint64_t paddr, memsz;      /* loads only */
    uint8_t *copy;              /* notes only: their bytes */
};

struct elf_image
{
    uint8_t head[HEAD_MAX];
    size_t head_len;
    Elf64_Ehdr eh;
    Elf64_Phdr ph[MAX_PHDRS];
    struct range load[MAX_PHDRS], note[MAX_PHDRS];
    unsigned int nr_load, nr_note;
    uint64_t end;               /* the last byte anything needs */
    uint64_t notes_len;
    bool misplaced;             /* bytes fell outside the domain */
};

static int read_more(struct build *b, struct img_stream *s,
                     struct elf_image *im, size_t upto)
{
    ssize_t n;

    if ( upto <= im->head_len )
        return 0;
    n = img_read(s, im->head + im->head_len, upto - im->head_len);
    if ( n < 0 )
        return build_fail(b, (int)n, "kernel %s: %s", b->cfg->kernel,
                          s->err[0] ? s->err : "reading");
    im->head_len += (size_t)n;
    if ( im->head_len < upto )
        return build_bad_image(b, "kernel %s: the ELF image ends after %zu "
                               "bytes, inside its headers", b->cfg->kernel,
                               im->head_len);
    return 0;
}

static int check_ehdr(struct build *b, const Elf64_Ehdr *eh)
{
    const char *k = b->cfg->kernel;

    if ( memcmp(eh->e_ident, ELFMAG, SELFMAG) )
        return build_bad_image(b, "kernel %s: no ELF image inside", k);
    if ( eh->e_ident[EI_CLASS] != ELFCLASS64 )
        return build_bad_image(b, "kernel %s: a 32-bit ELF image; only "
                               "64-bit PV kernels are built", k);
    if ( eh->e_ident[EI_DATA] != ELFDATA2LSB )
        return build_bad_image(b, "kernel %s: a big-endian ELF image", k);
    if ( eh->e_machine != EM_X86_64 )
        return build_bad_image(b, "kernel %s: ELF machine %u is not x86-64",
                               k, eh->e_machine);
    if ( eh->e_type != ET_EXEC )
        return build_bad_image(b, "kernel %s: ELF type %u is not an "
                               "executable", k, eh->e_type);
    if ( eh->e_phentsize != sizeof(Elf64_Phdr) || !eh->e_phnum ||
         eh->e_phnum > MAX_PHDRS )
        return build_bad_image(b, "kernel %s: %u program headers of %u "
                               "bytes (1 to %u of %zu expected)", k,
                               eh->e_phnum, eh->e_phentsize, MAX_PHDRS,
                               sizeof(Elf64_Phdr));
    if ( eh->e_phoff < sizeof(*eh) ||
         eh->e_phoff > HEAD_MAX - (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) )
        return build_bad_image(b, "kernel %s: program headers at %#llx are "
                               "not near the start of the image", k,
                               (unsigned long long)eh->e_phoff);
    return 0;
}

/* Sort the program headers into loads and notes, with their checks. */
static int classify(struct build *b, struct elf_image *im)
{
    const char *k = b->cfg->kernel;
    unsigned int i;

    b->pstart = UINT64_MAX;
    b->pend = 0;
    for ( i = 0; i < im->eh.e_phnum; i++ )
    {
        const Elf64_Phdr *p = &im->ph[i];
        struct range *r;

        if ( p->p_type != PT_LOAD && p->p_type != PT_NOTE )
            continue;
        if ( p->p_type == PT_LOAD && !(p->p_flags & (PF_R | PF_W | PF_X)) )
            continue;
        if ( p->p_offset + p->p_filesz < p->p_offset )
            return build_bad_image(b, "kernel %s: segment %u wraps the "
                                   "file", k, i);
        if ( p->p_type == PT_NOTE )
        {
            if ( !p->p_filesz )
                continue;
            if ( p->p_filesz > NOTES_MAX - im->notes_len )
                return build_bad_image(b, "kernel %s: over %u bytes of "
                                       "ELF notes", k, NOTES_MAX);
            r = &im->note[im->nr_note++];
            im->notes_len += p->p_filesz;
            r->copy = calloc(1, p->p_filesz);
            if ( !r->copy )
                return build_fail(b, -ENOMEM, "kernel %s: notes", k);
        }
        else
        {
            if ( p->p_filesz > p->p_memsz )
                return build_bad_image(b, "kernel %s: segment %u has more "
                                       "file bytes than memory bytes", k, i);
            if ( p->p_paddr + p->p_memsz < p->p_paddr )
                return build_bad_image(b, "kernel %s: segment %u wraps the "
                                       "address space", k, i);
            r = &im->load[im->nr_load++];
            r->paddr = p->p_paddr;
            r->memsz = p->p_memsz;
            if ( p->p_paddr < b->pstart )
                b->pstart = p->p_paddr;
            if ( p->p_paddr + p->p_memsz > b->pend )
                b->pend = p->p_paddr + p->p_memsz;
        }
        r->off = p->p_offset;
        r->filesz = p->p_filesz;
        if ( r->off + r->filesz > im->end )
            im->end = r->off + r->filesz;
    }
    if ( !im->nr_load )
        return build_bad_image(b, "kernel %s: no loadable segment", k);
    if ( !im->nr_note )
        return build_bad_image(b, "kernel %s: no PT_NOTE segment, so no Xen "
                               "ELF notes: not a Xen PV kernel", k);
    if ( b->pend - b->pstart > b->nr_pages * XC_PAGE_SIZE )
        return build_fail(b, -ENOMEM, "kernel %s: its segments span %llu "
                          "KiB, more than the domain's %llu KiB of memory",
                          k, (unsigned long long)((b->pend - b->pstart) >> 10),
                          (unsigned long long)(b->nr_pages << 2));
    return 0;
}

static int read_headers(struct build *b, struct img_stream *s,
                        struct elf_image *im)
{
    int rc = read_more(b, s, im, sizeof(Elf64_Ehdr));

    if ( rc )
        return rc;
    memcpy(&im->eh, im->head, sizeof(im->eh));
    rc = check_ehdr(b, &im->eh);
    if ( !rc )
        rc = read_more(b, s, im, im->eh.e_phoff +
                       (size_t)im->eh.e_phnum * sizeof(Elf64_Phdr));
    if ( rc )
        return rc;
    memcpy(im->ph, im->head + im->eh.e_phoff,
           im->eh.e_phnum * sizeof(Elf64_Phdr));
    return classify(b, im);
}

/* Send the file bytes [off, off + len) where they belong. */
static int dispatch(struct build *b, struct elf_image *im, uint64_t off,
                    const uint8_t *buf, size_t len, bool notes)
{
    uint64_t limit = b->nr_pages * XC_PAGE_SIZE, lo, hi, gpa;
    unsigned int i;

    for ( i = 0; notes && i < im->nr_note; i++ )
    {
        const struct range *r = &im->note[i];

        lo = off > r->off ? off : r->off;
        hi = off + len < r->off + r->filesz ? off + len : r->off + r->filesz;
        if ( lo < hi )
            memcpy(r->copy + (lo - r->off), buf + (lo - off), hi - lo);
    }
    for ( i = 0; i < im->nr_load; i++ )
    {
        const struct range *r = &im->load[i];

        lo = off > r->off ? off : r->off;
        hi = off + len < r->off + r->filesz ? off + len : r->off + r->filesz;
        if ( lo >= hi )
            continue;
        gpa = r->paddr + (lo - r->off) - b->paddr_offset;
        if ( r->paddr < b->paddr_offset || gpa > limit ||
             hi - lo > limit - gpa )
        {
            im->misplaced = true;
            continue;
        }
        if ( gmem_write(b, gpa, buf + (lo - off), hi - lo) )
            return -1;
    }
    return 0;
}

/* Zero each segment's memory beyond its file bytes (its .bss). */
static int zero_tails(struct build *b, struct elf_image *im)
{
    uint64_t limit = b->nr_pages * XC_PAGE_SIZE, gpa, len;
    unsigned int i;

    for ( i = 0; i < im->nr_load; i++ )
    {
        const struct range *r = &im->load[i];

        gpa = r->paddr + r->filesz - b->paddr_offset;
        len = r->memsz - r->filesz;
        if ( !len )
            continue;
        if ( r->paddr < b->paddr_offset || gpa > limit || len > limit - gpa )
        {
            im->misplaced = true;
            continue;
        }
        if ( gmem_zero(b, gpa, len) )
            return -1;
    }
    return 0;
}

/*
 * A plain ELF file (an uncompressed kernel, or an unpacked one from the
 * cache) is not streamed: each segment is read straight into the
 * guest's mapped pages, a window at a time, with no bounce buffer.
 */
static int read_at(struct build *b, struct img_stream *s, void *p,
                   uint64_t len, uint64_t off)
{
    ssize_t n;

    while ( len )
    {
        n = pread(s->fd, p, len, (off_t)off);
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n < 0 )
            return build_fail(b, -errno, "kernel %s: reading the image",
                              b->cfg->kernel);
        if ( n == 0 )
            return build_bad_image(b, "kernel %s: the ELF image ends at "
                                   "%llu bytes, but its segments reach "
                                   "%llu", b->cfg->kernel,
                                   (unsigned long long)off,
                                   (unsigned long long)(off + len));
        p = (uint8_t *)p + n;
        off += (uint64_t)n;
        len -= (uint64_t)n;
    }
    return 0;
}

static int load_direct(struct build *b, struct img_stream *s,
                       struct elf_image *im, bool notes)
{
    uint64_t limit = b->nr_pages * XC_PAGE_SIZE, gpa, done, len;
    unsigned int i;
    void *p;

    im->misplaced = false;
    for ( i = 0; notes && i < im->nr_note; i++ )
        if ( read_at(b, s, im->note[i].copy, im->note[i].filesz,
                     im->note[i].off) )
            return -1;
    for ( i = 0; i < im->nr_load; i++ )
    {
        const struct range *r = &im->load[i];

        gpa = r->paddr - b->paddr_offset;
        if ( r->paddr < b->paddr_offset || gpa > limit ||
             r->filesz > limit - gpa )
        {
            im->misplaced = true;
            continue;
        }
        for ( done = 0; done < r->filesz; done += len )
        {
            len = r->filesz - done;
            p = gmem_span(b, gpa + done, &len);
            if ( !p || read_at(b, s, p, len, r->off + done) )
                return -1;
        }
    }
    s->out_pos = im->end;
    return zero_tails(b, im);
}

/* One pass over the stream, from just after the headers already read. */
static int load_pass(struct build *b, struct img_stream *s,
                     struct elf_image *im, bool notes)
{
    uint8_t *buf = NULL;
    ssize_t n = 0;
    int rc = -1;

    if ( !s->dec )
        return load_direct(b, s, im, notes);
    im->misplaced = false;
    if ( dispatch(b, im, 0, im->head, im->head_len, notes) )
        goto out;
    buf = malloc(CHUNK);
    if ( !buf )
    {
        build_fail(b, -ENOMEM, "kernel %s", b->cfg->kernel);
        goto out;
    }
    while ( s->out_pos < im->end )
    {
        uint64_t off = s->out_pos;
        size_t want = CHUNK;

        if ( want > im->end - off )
            want = (size_t)(im->end - off);
        n = img_read(s, buf, want);
        if ( n < 0 )
        {
            build_fail(b, (int)n, "kernel %s: %s", b->cfg->kernel,
                       s->err[0] ? s->err : "reading the image");
            goto out;
        }
        if ( n == 0 )
        {
            build_bad_image(b, "kernel %s: the ELF image ends at %llu "
                            "bytes, but its segments reach %llu",
                            b->cfg->kernel, (unsigned long long)off,
                            (unsigned long long)im->end);
            goto out;
        }
        if ( dispatch(b, im, off, buf, (size_t)n, notes) )
            goto out;
    }
    /*
     * Read what is left of a compressed stream (section headers, symbols)
     * for its integrity check: a corrupt image must not boot.
     */
    while ( notes && s->dec && (n = img_read(s, buf, CHUNK)) > 0 )
        continue;
    if ( n < 0 )
    {
        build_fail(b, (int)n, "kernel %s: %s", b->cfg->kernel,
                   s->err[0] ? s->err : "reading the image");
        goto out;
    }
    rc = zero_tails(b, im);
 out:
    free(buf);
    return rc;
}

/* Headers and notes only: what libelf needs to read the Xen notes. */
static int parse_notes(struct build *b, struct elf_image *im)
{
    size_t ph_len = im->eh.e_phnum * sizeof(Elf64_Phdr);
    size_t len = sizeof(Elf64_Ehdr) + ph_len + im->notes_len, at;
    struct elf_binary elf;
    Elf64_Ehdr *eh;
    Elf64_Phdr *ph;
    uint8_t *skel;
    unsigned int i, n = 0;
    int rc;

    skel = calloc(1, len);
    if ( !skel )
        return build_fail(b, -ENOMEM, "kernel %s: notes", b->cfg->kernel);
    eh = (Elf64_Ehdr *)skel;
    ph = (Elf64_Phdr *)(skel + sizeof(*eh));
    *eh = im->eh;
    eh->e_phoff = sizeof(*eh);
    eh->e_shoff = 0;
    eh->e_shnum = 0;
    eh->e_shstrndx = 0;
    memcpy(ph, im->ph, ph_len);
    at = sizeof(*eh) + ph_len;
    for ( i = 0; i < im->eh.e_phnum; i++ )
    {
        if ( ph[i].p_type == PT_NOTE && ph[i].p_filesz )
        {
            memcpy(skel + at, im->note[n++].copy, ph[i].p_filesz);
            ph[i].p_offset = at;
            at += ph[i].p_filesz;
        }
        else
        {
            ph[i].p_offset = 0;
            ph[i].p_filesz = 0;
        }
    }

    rc = elf_init(&elf, skel, len);
    if ( !rc )
        rc = elf_xen_parse(&elf, &b->parms);
    if ( rc )
        build_bad_image(b, "kernel %s: %s", b->cfg->kernel, elf.err);
    free(skel);
    return rc ? -1 : 0;
}

/* What Xen's tools refuse in notes libelf accepts. */
static int check_features(struct build *b)
{
    const struct elf_dom_parms *p = &b->parms;
    unsigned int i;

    if ( elf_xen_feature_get(XENFEAT_auto_translated_physmap,
                             p->f_required) )
        return build_bad_image(b, "kernel %s: requires an auto-translated "
                               "physmap; PV kernels with it are not "
                               "supported", b->cfg->kernel);
    for ( i = 0; i < ELF_XENFEAT_WORDS; i++ )
        if ( p->f_required[i] & ~p->f_supported[i] )
            return build_bad_image(b, "kernel %s: requires features "
                                   "%#x it does not list as supported",
                                   b->cfg->kernel,
                                   p->f_required[i] & ~p->f_supported[i]);
    return 0;
}

static void free_image(struct elf_image *im)
{
    unsigned int i;

    for ( i = 0; i < im->nr_note; i++ )
        free(im->note[i].copy);
    free(im);
}

int elf_stream_load(struct build *b)
{
    struct img_stream *s = NULL;
    struct elf_image *im;
    int rc = -1;

    im = calloc(1, sizeof(*im));
    if ( !im )
        return build_fail(b, -ENOMEM, "kernel %s", b->cfg->kernel);
    if ( img_open(b, b->cfg->kernel, &s) )
        goto out;
    snprintf(b->info->image_format, sizeof(b->info->image_format), "%s",
             s->format);
    if ( read_headers(b, s, im) )
        goto out;

    b->paddr_offset = 0;
    if ( load_pass(b, s, im, true) || parse_notes(b, im) ||
         check_features(b) )
        goto out;
    /* The whole stream is read and checked: later builds may reuse it. */
    kcache_commit(s);

    if ( b->parms.elf_paddr_offset != b->paddr_offset )
    {
        img_close(s);
        s = NULL;
        b->paddr_offset = b->parms.elf_paddr_offset;
        im->head_len = 0;
        if ( img_open(b, b->cfg->kernel, &s) ||
             read_more(b, s, im, im->eh.e_phoff +
                       im->eh.e_phnum * sizeof(Elf64_Phdr)) ||
             load_pass(b, s, im, false) )
            goto out;
    }
    if ( im->misplaced )
    {
        build_fail(b, -ENOMEM, "kernel %s: segments at physical "
                   "[%#llx, %#llx) do not fit the domain's %llu KiB",
                   b->cfg->kernel, (unsigned long long)b->pstart,
                   (unsigned long long)b->pend,
                   (unsigned long long)(b->nr_pages << 2));
        goto out;
    }
    rc = 0;
 out:
    img_close(s);
    free_image(im);
    return rc;
}
