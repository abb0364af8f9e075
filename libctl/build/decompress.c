/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Decoders for compressed kernels, each reading its compressed input in
 * small chunks from the file and handing out plain bytes on demand, so
 * the unpacked image is never held whole.  Each stops at the end of its
 * first stream: a bzImage payload carries the unpacked size after it.
 */
#include <errno.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "build.h"

#define IN_CHUNK    (128 * 1024)

/* Refill s->inbuf from the file; 0 when the compressed bytes are done. */
static ssize_t refill(struct img_stream *s)
{
    size_t want = IN_CHUNK;
    ssize_t n;

    if ( s->in_pos >= s->in_end )
        return 0;
    if ( want > s->in_end - s->in_pos )
        want = (size_t)(s->in_end - s->in_pos);
    n = pread(s->fd, s->inbuf, want, (off_t)s->in_pos);
    if ( n < 0 )
        return -errno;
    if ( n == 0 )
        return -EIO;            /* the file shrank under us */
    s->in_pos += (uint64_t)n;
    s->in_len = (size_t)n;
    return n;
}

static int alloc_inbuf(struct img_stream *s)
{
    s->inbuf = malloc(IN_CHUNK);
    return s->inbuf ? 0 : -ENOMEM;
}

/* gzip, through zlib. */
static int gz_init(struct img_stream *s)
{
    z_stream *z = calloc(1, sizeof(*z));

    if ( !z || alloc_inbuf(s) )
    {
        free(z);
        return -ENOMEM;
    }
    if ( inflateInit2(z, 16 + MAX_WBITS) != Z_OK )
    {
        free(z);
        return -ENOMEM;
    }
    s->state = z;
    return 0;
}

static ssize_t gz_read(struct img_stream *s, void *buf, size_t len)
{
    z_stream *z = s->state;
    ssize_t n;
    int rc;

    z->next_out = buf;
    z->avail_out = (uInt)len;
    while ( z->avail_out )
    {
        if ( !z->avail_in )
        {
            n = refill(s);
            if ( n < 0 )
                return n;
            if ( !n )
                break;
            z->next_in = s->inbuf;
            z->avail_in = (uInt)n;
        }
        rc = inflate(z, Z_NO_FLUSH);
        if ( rc == Z_STREAM_END )
        {
            s->ended = true;
            break;
        }
        if ( rc != Z_OK && rc != Z_BUF_ERROR )
        {
            snprintf(s->err, sizeof(s->err), "gzip data is corrupt (%s)",
                     z->msg ? z->msg : "inflate failed");
            return -EINVAL;
        }
    }
    return (ssize_t)(len - z->avail_out);
}

static void gz_fini(struct img_stream *s)
{
    if ( s->state )
        inflateEnd(s->state);
    free(s->state);
}

/* xz and legacy lzma, through liblzma. */
static int lz_init_common(struct img_stream *s, bool alone)
{
    lzma_stream *l = calloc(1, sizeof(*l));
    lzma_stream init = LZMA_STREAM_INIT;
    lzma_ret rc;

    if ( !l || alloc_inbuf(s) )
    {
        free(l);
        return -ENOMEM;
    }
    *l = init;
    rc = alone ? lzma_alone_decoder(l, UINT64_MAX)
               : lzma_stream_decoder(l, UINT64_MAX, 0);
    if ( rc != LZMA_OK )
    {
        free(l);
        return -ENOMEM;
    }
    s->state = l;
    return 0;
}

static int xz_init(struct img_stream *s)
{
    return lz_init_common(s, false);
}

static int lzma_init(struct img_stream *s)
{
    return lz_init_common(s, true);
}

static ssize_t lz_read(struct img_stream *s, void *buf, size_t len)
{
    lzma_stream *l = s->state;
    lzma_ret rc;
    ssize_t n;

    l->next_out = buf;
    l->avail_out = len;
    while ( l->avail_out )
    {
        if ( !l->avail_in )
        {
            n = refill(s);
            if ( n < 0 )
                return n;
            if ( !n )
                break;
            l->next_in = s->inbuf;
            l->avail_in = (size_t)n;
        }
        rc = lzma_code(l, LZMA_RUN);
        if ( rc == LZMA_STREAM_END )
        {
            s->ended = true;
            break;
        }
        if ( rc != LZMA_OK )
        {
            snprintf(s->err, sizeof(s->err), "%s data is corrupt "
                     "(liblzma error %d)", s->dec->name, (int)rc);
            return rc == LZMA_MEM_ERROR ? -ENOMEM : -EINVAL;
        }
    }
    return (ssize_t)(len - l->avail_out);
}

static void lz_fini(struct img_stream *s)
{
    if ( s->state )
        lzma_end(s->state);
    free(s->state);
}

/* zstd: kernels are packed with long windows, so allow the largest. */
struct zs
{
    ZSTD_DStream *ds;
    ZSTD_inBuffer in;
    bool done;
};

static int zs_init(struct img_stream *s)
{
    struct zs *z = calloc(1, sizeof(*z));

    if ( !z || alloc_inbuf(s) )
    {
        free(z);
        return -ENOMEM;
    }
    z->ds = ZSTD_createDStream();
    if ( !z->ds || ZSTD_isError(ZSTD_initDStream(z->ds)) ||
         ZSTD_isError(ZSTD_DCtx_setParameter(z->ds, ZSTD_d_windowLogMax,
                                             31)) )
    {
        ZSTD_freeDStream(z->ds);
        free(z);
        return -ENOMEM;
    }
    s->state = z;
    return 0;
}

static ssize_t zs_read(struct img_stream *s, void *buf, size_t len)
{
    struct zs *z = s->state;
    ZSTD_outBuffer out = { buf, len, 0 };
    size_t rc;
    ssize_t n;

    while ( out.pos < out.size && !z->done )
    {
        if ( z->in.pos == z->in.size )
        {
            n = refill(s);
            if ( n < 0 )
                return n;
            if ( !n )
                break;
            z->in.src = s->inbuf;
            z->in.size = (size_t)n;
            z->in.pos = 0;
        }
        rc = ZSTD_decompressStream(z->ds, &out, &z->in);
        if ( ZSTD_isError(rc) )
        {
            snprintf(s->err, sizeof(s->err), "zstd data is corrupt (%s)",
                     ZSTD_getErrorName(rc));
            return -EINVAL;
        }
        if ( !rc )
            z->done = s->ended = true;  /* the end of the first frame */
    }
    return (ssize_t)out.pos;
}

static void zs_fini(struct img_stream *s)
{
    struct zs *z = s->state;

    if ( z )
        ZSTD_freeDStream(z->ds);
    free(z);
}

static const struct img_decoder decoders[] = {
    { "gzip", gz_init, gz_read, gz_fini },
    { "xz", xz_init, lz_read, lz_fini },
    { "lzma", lzma_init, lz_read, lz_fini },
    { "zstd", zs_init, zs_read, zs_fini },
};

const struct img_decoder *img_decoder_for(const uint8_t *m, size_t len,
                                          const char **unsupported)
{
    *unsupported = NULL;
    if ( len >= 2 && m[0] == 0x1f && (m[1] == 0x8b || m[1] == 0x9e) )
        return &decoders[0];
    if ( len >= 6 && !memcmp(m, "\xfd" "7zXZ\0", 6) )
        return &decoders[1];
    if ( len >= 3 && m[0] == 0x5d && m[1] == 0 && m[2] == 0 )
        return &decoders[2];
    if ( len >= 4 && !memcmp(m, "\x28\xb5\x2f\xfd", 4) )
        return &decoders[3];
    if ( len >= 3 && !memcmp(m, "BZh", 3) )
        *unsupported = "bzip2";
    else if ( len >= 4 && !memcmp(m, "\x02\x21\x4c\x18", 4) )
        *unsupported = "lz4";
    else if ( len >= 4 && !memcmp(m, "\x89LZO", 4) )
        *unsupported = "lzo";
    return NULL;
}
