/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV builder's insides.  One struct build follows a domain from
 * empty to runnable; each file does one step of it:
 *   image.c      kernel file -> byte stream (ELF, bzImage, compressed)
 *   kcache.c     unpacked kernels kept between builds
 *   decompress.c gzip / xz / lzma / zstd streams through Debian's libs
 *   guest-mem.c  populate memory, the p2m, windows onto guest frames
 *   elf-load.c   stream ELF segments into the guest, parse the notes
 *   initrd.c     the initrd, copied in as it is
 *   pagetables.c bootstrap page tables for the start-of-day area
 *   start.c      start_info, shared_info, initial VCPU context
 *   build.c      the steps in order; xc_pv_build/xc_pv_domain_create
 */
#ifndef LIBCTL_BUILD_H
#define LIBCTL_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "private.h"
#include "xcbuild.h"

#include <hv/libelf.h>
#include <hv/dom0-layout.h>

/* A kernel image as a stream of the bytes of its ELF file. */
struct img_stream;
struct stat;

#define KCACHE_NAME_LEN     40      /* 32 hex digits, ".elf", NUL */

struct img_decoder
{
    const char *name;           /* "gzip", "xz", ... */
    int (*init)(struct img_stream *s);
    /* Up to len bytes; 0 at the end of the compressed stream; -errno. */
    ssize_t (*read)(struct img_stream *s, void *buf, size_t len);
    void (*fini)(struct img_stream *s);
};

struct img_stream
{
    const struct img_decoder *dec;  /* NULL: the file's own bytes */
    int fd;
    uint64_t in_pos, in_end;    /* compressed bytes still to read */
    uint8_t *inbuf;
    size_t in_len;
    void *state;                /* the decoder's */
    uint64_t out_pos;           /* bytes of the ELF delivered so far */
    bool ended;                 /* the decoder saw its stream's end */
    char format[16];
    char err[160];              /* why a read failed */
    /* kcache.c: the directory, and the entry being written on a miss. */
    int cache_dirfd, cache_tmpfd;
    char cache_name[KCACHE_NAME_LEN];
    char cache_tmp[KCACHE_NAME_LEN + 32];
};

/* Sniff the file: ELF, bzImage, or a compressed ELF.  -errno, msg in b. */
struct build;
int img_open(struct build *b, const char *path, struct img_stream **sp);
/* Fill buf fully unless the image ends: bytes read, or -errno. */
ssize_t img_read(struct img_stream *s, void *buf, size_t len);
/* Skip forward to out_pos == pos. */
int img_skip(struct img_stream *s, uint64_t pos);
void img_close(struct img_stream *s);

/* The decoders compiled in (decompress.c); NULL for unknown magic. */
const struct img_decoder *img_decoder_for(const uint8_t *magic, size_t len,
                                          const char **unsupported);

/*
 * kcache.c: unpacked kernels kept between builds.  kcache_open() on an
 * open compressed kernel: 0 when an entry replaced s->fd (a plain ELF of
 * in_end bytes now), 1 when the decoded bytes will be kept (kcache_tee),
 * -1 with no cache.  kcache_commit() keeps them once the build checked
 * the whole stream; kcache_abandon() drops them.
 */
const char *kcache_dir(void);
int kcache_open(struct img_stream *s, const struct stat *st);
void kcache_tee(struct img_stream *s, const void *buf, size_t len);
void kcache_commit(struct img_stream *s);
void kcache_abandon(struct img_stream *s);

/* A few MFN windows onto the guest's memory (guest-mem.c). */
#define GMEM_WINDOW_PAGES   1024
#define GMEM_NR_WINDOWS     2

struct gmem_window
{
    uint64_t pfn;               /* first PFN */
    size_t n;
    uint8_t *p;                 /* NULL when unused */
    unsigned long stamp;
};

struct build
{
    xc_interface *xch;
    const struct xc_pv_build_config *cfg;
    struct xc_pv_build_info *info;
    uint32_t domid;

    uint64_t nr_pages;
    xen_pfn_t *p2m;             /* PFN -> MFN */
    struct gmem_window win[GMEM_NR_WINDOWS];
    unsigned long stamp;

    struct elf_dom_parms parms;
    uint64_t pstart, pend;      /* span of the loadable segments */
    uint64_t paddr_offset;      /* what the load assumed */
    uint64_t initrd_len;
    struct dom0_layout layout;
    uint64_t shared_info_mfn;
};

/* Record a failure: "kernel FILE: ..." etc.  Always -1. */
int build_fail(struct build *b, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int build_bad_image(struct build *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* guest-mem.c */
int gmem_populate(struct build *b);
/* Host pointer to a guest page, mapped writable; NULL (recorded). */
void *gmem_page(struct build *b, uint64_t pfn);
/* Host pointer to gpa; *len shrinks to what is mapped after it. */
void *gmem_span(struct build *b, uint64_t gpa, uint64_t *len);
/* Copy/zero bytes at a guest-physical byte address. */
int gmem_write(struct build *b, uint64_t gpa, const void *src, size_t len);
int gmem_zero(struct build *b, uint64_t gpa, uint64_t len);
/* Drop every window (before pinning: no writable mappings may stay). */
void gmem_unmap_all(struct build *b);
void gmem_fini(struct build *b);

/* elf-load.c: stream the kernel in and parse its notes. */
int elf_stream_load(struct build *b);

/* initrd.c */
int initrd_size(struct build *b);
int initrd_load(struct build *b);

/* pagetables.c, start.c */
int build_pagetables(struct build *b);
int build_p2m_list(struct build *b);
int build_start_info(struct build *b);
int build_shared_info(struct build *b);
int build_vcpu0(struct build *b);

#endif /* LIBCTL_BUILD_H */
