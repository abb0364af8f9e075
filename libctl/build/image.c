/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A kernel file as the bytes of its ELF image: the file itself, the
 * payload of a Linux bzImage (boot protocol 2.08 and later name it in the
 * setup header), or a whole file compressed with one of the decoders.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

/* The x86 boot protocol's setup header (offsets into the file). */
#define BZ_SETUP_SECTS      0x1f1
#define BZ_HDRS_MAGIC       0x202   /* "HdrS" */
#define BZ_VERSION          0x206
#define BZ_PAYLOAD_OFFSET   0x248
#define BZ_PAYLOAD_LENGTH   0x24c
#define BZ_HEADER_END       0x250

#define SNIFF_LEN           1024

static uint32_t le(const uint8_t *p, unsigned int n)
{
    uint32_t v = 0;

    while ( n-- )
        v = (v << 8) | p[n];
    return v;
}

/* The payload's place in a bzImage, or a message why there is none. */
static int bzimage_payload(struct build *b, const char *path,
                           const uint8_t *h, uint64_t size,
                           uint64_t *off, uint64_t *len)
{
    unsigned int sects = h[BZ_SETUP_SECTS] ? h[BZ_SETUP_SECTS] : 4;
    unsigned int version = le(h + BZ_VERSION, 2);

    if ( version < 0x208 )
        return build_bad_image(b, "kernel %s: bzImage boot protocol "
                               "%u.%02u is older than 2.08 and does not "
                               "locate its payload", path, version >> 8,
                               version & 0xff);
    *off = (uint64_t)(sects + 1) * 512 + le(h + BZ_PAYLOAD_OFFSET, 4);
    *len = le(h + BZ_PAYLOAD_LENGTH, 4);
    if ( !*len || *off > size || *len > size - *off )
        return build_bad_image(b, "kernel %s: bzImage payload [%#llx, "
                               "+%#llx) lies outside the %llu-byte file",
                               path, (unsigned long long)*off,
                               (unsigned long long)*len,
                               (unsigned long long)size);
    return 0;
}

/* Start a decoder on [off, off + len) of the file. */
static int start_decoder(struct build *b, const char *path,
                         struct img_stream *s, uint64_t off, uint64_t len,
                         const char *what)
{
    uint8_t magic[8] = { 0 };
    const char *unsupported;
    ssize_t n = pread(s->fd, magic, sizeof(magic), (off_t)off);
    int rc;

    if ( n < 0 )
        return build_fail(b, -errno, "kernel %s", path);
    s->dec = img_decoder_for(magic, (size_t)n, &unsupported);
    if ( !s->dec && unsupported )
        return build_bad_image(b, "kernel %s: %s is %s-compressed, which "
                               "this builder does not unpack (gzip, xz, "
                               "lzma and zstd are supported)", path, what,
                               unsupported);
    if ( !s->dec )
        return build_bad_image(b, "kernel %s: %s has no known compression "
                               "format (magic %02x %02x %02x %02x)", path,
                               what, magic[0], magic[1], magic[2], magic[3]);
    s->in_pos = off;
    s->in_end = off + len;
    rc = s->dec->init(s);
    if ( rc )
    {
        s->dec = NULL;
        return build_fail(b, rc, "kernel %s: starting the %s decoder",
                          path, what);
    }
    return 0;
}

int img_open(struct build *b, const char *path, struct img_stream **sp)
{
    uint8_t head[SNIFF_LEN] = { 0 };
    struct img_stream *s;
    struct stat st;
    uint64_t off = 0, len = 0;
    ssize_t n;
    int rc = -1;

    *sp = NULL;
    s = calloc(1, sizeof(*s));
    if ( !s )
        return build_fail(b, -ENOMEM, "kernel %s", path);
    s->cache_dirfd = s->cache_tmpfd = -1;
    s->fd = open(path, O_RDONLY | O_CLOEXEC);
    if ( s->fd < 0 )
    {
        build_fail(b, -errno, "kernel %s", path);
        goto out;
    }
    if ( fstat(s->fd, &st) )
    {
        build_fail(b, -errno, "kernel %s", path);
        goto out;
    }
    if ( !S_ISREG(st.st_mode) )
    {
        build_bad_image(b, "kernel %s: not a regular file", path);
        goto out;
    }
    n = pread(s->fd, head, sizeof(head), 0);
    if ( n < 0 )
    {
        build_fail(b, -errno, "kernel %s", path);
        goto out;
    }

    if ( n >= 4 && !memcmp(head, "\177ELF", 4) )
    {
        s->in_end = (uint64_t)st.st_size;
        snprintf(s->format, sizeof(s->format), "ELF");
        rc = 0;
    }
    else if ( n >= BZ_HEADER_END && !memcmp(head + BZ_HDRS_MAGIC, "HdrS", 4) )
    {
        rc = bzimage_payload(b, path, head, (uint64_t)st.st_size, &off,
                             &len);
        if ( !rc )
            rc = start_decoder(b, path, s, off, len, "the bzImage payload");
        if ( !rc )
            snprintf(s->format, sizeof(s->format), "bzImage/%s",
                     s->dec->name);
    }
    else
    {
        const char *unsupported;

        if ( !img_decoder_for(head, (size_t)n, &unsupported) &&
             !unsupported )
        {
            build_bad_image(b, "kernel %s: neither an ELF image, a "
                            "bzImage nor a compressed ELF", path);
            goto out;
        }
        rc = start_decoder(b, path, s, 0, (uint64_t)st.st_size, "the file");
        if ( !rc )
            snprintf(s->format, sizeof(s->format), "%s", s->dec->name);
    }
    /* An unpacked copy from an earlier build spares the decoder. */
    if ( !rc && s->dec && kcache_open(s, &st) == 0 )
    {
        s->dec->fini(s);
        s->dec = NULL;
    }
 out:
    if ( rc )
    {
        img_close(s);
        return -1;
    }
    *sp = s;
    return 0;
}

ssize_t img_read(struct img_stream *s, void *buf, size_t len)
{
    size_t done = 0;
    ssize_t n;

    while ( done < len )
    {
        if ( s->dec )
        {
            n = s->dec->read(s, (uint8_t *)buf + done, len - done);
            if ( n > 0 )
                kcache_tee(s, (uint8_t *)buf + done, (size_t)n);
        }
        else
        {
            size_t want = len - done;

            if ( s->out_pos >= s->in_end )
                break;
            if ( want > s->in_end - s->out_pos )
                want = (size_t)(s->in_end - s->out_pos);
            n = pread(s->fd, (uint8_t *)buf + done, want,
                      (off_t)s->out_pos);
            if ( n < 0 )
                n = -errno;
        }
        if ( n < 0 )
            return n;
        if ( n == 0 )
            break;
        done += (size_t)n;
        s->out_pos += (uint64_t)n;
    }
    return (ssize_t)done;
}

int img_skip(struct img_stream *s, uint64_t pos)
{
    uint8_t buf[16384];
    ssize_t n;

    if ( pos < s->out_pos )
        return -ESPIPE;
    if ( !s->dec )
    {
        s->out_pos = pos;
        return 0;
    }
    while ( s->out_pos < pos )
    {
        size_t want = sizeof(buf);

        if ( want > pos - s->out_pos )
            want = (size_t)(pos - s->out_pos);
        n = img_read(s, buf, want);
        if ( n < 0 )
            return (int)n;
        if ( n == 0 )
            return -ENODATA;
    }
    return 0;
}

void img_close(struct img_stream *s)
{
    if ( !s )
        return;
    kcache_abandon(s);
    if ( s->dec )
        s->dec->fini(s);
    if ( s->fd >= 0 )
        close(s->fd);
    free(s->inbuf);
    free(s);
}
