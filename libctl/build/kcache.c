/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unpacked kernels kept between builds.  Unpacking a compressed kernel is
 * most of a build's time, and operators start many guests from one
 * kernel: the ELF bytes one build unpacks are kept in a directory, and a
 * later build of the same file reads them instead.
 *
 * An entry is named by a keyed hash of the file's identity (device,
 * inode, size, change and modification times) and of all its bytes: a
 * file changed in place, replaced, or with different contents never
 * finds another's entry.  The key is a random secret kept in the
 * directory (root's own), so nobody can craft a kernel that collides with
 * another's entry.  An entry is written under a temporary name and only
 * renamed into place once its build checked the whole stream, so a
 * corrupt or refused kernel is never kept.  The directory is bounded:
 * the least recently used entries go when it grows past its limit.
 *
 * Environment (the library does nothing without it; vmctl sets it):
 *   LIBCTL_KERNEL_CACHE      the directory; unset, empty or "off": none
 *   LIBCTL_KERNEL_CACHE_MAX  its bound in MiB (default 256)
 * Any trouble with the cache only costs the time it would have saved.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"

#define KEY_FILE        ".key"
#define DEFAULT_MAX_MIB 256
#define HASH_CHUNK      (1024 * 1024)
#define STALE_SECONDS   3600

/* Two independent 64-bit lanes, each seeded from the secret. */
struct khash
{
    uint64_t h[4];
};

static inline uint64_t rotl(uint64_t v, unsigned int r)
{
    return (v << r) | (v >> (64 - r));
}

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v * 0x9e3779b97f4a7c15ULL;
    h = rotl(h, 29) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
}

/* Whole words, four lanes interleaved: cheap under emulation. */
static void khash_words(struct khash *k, const uint64_t *w, size_t n)
{
    size_t i;

    for ( i = 0; i + 4 <= n; i += 4 )
    {
        k->h[0] = mix(k->h[0], w[i]);
        k->h[1] = mix(k->h[1], w[i + 1]);
        k->h[2] = mix(k->h[2], w[i + 2]);
        k->h[3] = mix(k->h[3], w[i + 3]);
    }
    for ( ; i < n; i++ )
        k->h[i & 3] = mix(k->h[i & 3], w[i]);
}

static void khash_final(const struct khash *k, char out[KCACHE_NAME_LEN])
{
    uint64_t a = mix(mix(k->h[0], k->h[1]), rotl(k->h[2], 17) ^ k->h[3]);
    uint64_t b = mix(mix(k->h[3], k->h[2]), rotl(k->h[1], 23) ^ k->h[0]);

    snprintf(out, KCACHE_NAME_LEN, "%016llx%016llx.elf",
             (unsigned long long)a, (unsigned long long)b);
}

const char *kcache_dir(void)
{
    const char *d = getenv("LIBCTL_KERNEL_CACHE");

    if ( !d || !*d || !strcmp(d, "off") || d[0] != '/' )
        return NULL;
    return d;
}

static uint64_t max_bytes(void)
{
    const char *m = getenv("LIBCTL_KERNEL_CACHE_MAX");
    char *end;
    unsigned long long v;

    if ( !m || !*m )
        return (uint64_t)DEFAULT_MAX_MIB << 20;
    v = strtoull(m, &end, 10);
    if ( *end )
        return (uint64_t)DEFAULT_MAX_MIB << 20;
    return (uint64_t)v << 20;
}

/* The directory, made if need be; only ours and closed to others. */
static int open_dir(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;
    size_t i;
    int fd;

    if ( strlen(dir) >= sizeof(path) )
        return -1;
    snprintf(path, sizeof(path), "%s", dir);
    for ( i = 1; path[i]; i++ )
        if ( path[i] == '/' )
        {
            path[i] = '\0';
            mkdir(path, 0755);
            path[i] = '/';
        }
    mkdir(path, 0700);
    fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if ( fd < 0 )
        return -1;
    if ( fstat(fd, &st) || st.st_uid != geteuid() || (st.st_mode & 077) )
    {
        close(fd);
        return -1;
    }
    return fd;
}

/* The directory's secret, made at its first use. */
static int read_secret(int dirfd, uint64_t key[4])
{
    struct stat st;
    ssize_t n;
    int fd;

    fd = openat(dirfd, KEY_FILE, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if ( fd < 0 && errno == ENOENT )
    {
        char tmp[32];

        if ( getrandom(key, 4 * sizeof(*key), 0) !=
             (ssize_t)(4 * sizeof(*key)) )
            return -1;
        snprintf(tmp, sizeof(tmp), ".key.%ld", (long)getpid());
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                    0600);
        if ( fd < 0 )
            return -1;
        n = write(fd, key, 4 * sizeof(*key));
        close(fd);
        /* A racing build may have made one first: use whichever won. */
        if ( n != (ssize_t)(4 * sizeof(*key)) ||
             linkat(dirfd, tmp, dirfd, KEY_FILE, 0) )
        {
            unlinkat(dirfd, tmp, 0);
            if ( errno != EEXIST )
                return -1;
        }
        else
        {
            unlinkat(dirfd, tmp, 0);
            return 0;
        }
        fd = openat(dirfd, KEY_FILE, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    }
    if ( fd < 0 )
        return -1;
    n = -1;
    if ( !fstat(fd, &st) && st.st_uid == geteuid() && !(st.st_mode & 077) )
        n = read(fd, key, 4 * sizeof(*key));
    close(fd);
    return n == (ssize_t)(4 * sizeof(*key)) ? 0 : -1;
}

/* The entry name for the open kernel file; -1 if it cannot be had. */
static int entry_name(int dirfd, int fd, const struct stat *st,
                      char name[KCACHE_NAME_LEN])
{
    uint64_t key[4], id[8], *buf;
    struct khash k;
    uint64_t pos = 0;
    ssize_t n;
    unsigned int i;

    if ( read_secret(dirfd, key) )
        return -1;
    for ( i = 0; i < 4; i++ )
        k.h[i] = key[i];
    id[0] = (uint64_t)st->st_dev;
    id[1] = (uint64_t)st->st_ino;
    id[2] = (uint64_t)st->st_size;
    id[3] = (uint64_t)st->st_mtim.tv_sec;
    id[4] = (uint64_t)st->st_mtim.tv_nsec;
    id[5] = (uint64_t)st->st_ctim.tv_sec;
    id[6] = (uint64_t)st->st_ctim.tv_nsec;
    id[7] = 0x6b63616368650001ULL;      /* the entry format */
    khash_words(&k, id, 8);

    buf = malloc(HASH_CHUNK);
    if ( !buf )
        return -1;
    while ( pos < (uint64_t)st->st_size )
    {
        n = pread(fd, buf, HASH_CHUNK, (off_t)pos);
        if ( n <= 0 )
            break;
        /* A short tail is padded with zeros: the size is in the key. */
        memset((uint8_t *)buf + n, 0, (size_t)((8 - (n & 7)) & 7));
        khash_words(&k, buf, ((size_t)n + 7) / 8);
        pos += (uint64_t)n;
    }
    free(buf);
    if ( pos != (uint64_t)st->st_size )
        return -1;
    khash_final(&k, name);
    return 0;
}

int kcache_open(struct img_stream *s, const struct stat *st)
{
    const char *dir = kcache_dir();
    struct stat est;
    int fd;

    s->cache_dirfd = -1;
    s->cache_tmpfd = -1;
    if ( !dir )
        return -1;
    s->cache_dirfd = open_dir(dir);
    if ( s->cache_dirfd < 0 )
        return -1;
    if ( entry_name(s->cache_dirfd, s->fd, st, s->cache_name) )
        goto off;
    fd = openat(s->cache_dirfd, s->cache_name,
                O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if ( fd >= 0 )
    {
        if ( !fstat(fd, &est) && S_ISREG(est.st_mode) && est.st_size > 0 )
        {
            /* Recently used: the bound evicts the oldest first. */
            futimens(fd, NULL);
            close(s->fd);
            s->fd = fd;
            s->in_end = (uint64_t)est.st_size;
            close(s->cache_dirfd);
            s->cache_dirfd = -1;
            return 0;
        }
        close(fd);
    }
    /* A miss: what the decoder hands out is written aside. */
    snprintf(s->cache_tmp, sizeof(s->cache_tmp), ".tmp.%ld.%s",
             (long)getpid(), s->cache_name);
    s->cache_tmpfd = openat(s->cache_dirfd, s->cache_tmp,
                            O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
                            O_CLOEXEC, 0600);
    if ( s->cache_tmpfd >= 0 )
        return 1;
 off:
    close(s->cache_dirfd);
    s->cache_dirfd = -1;
    return -1;
}

void kcache_tee(struct img_stream *s, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    ssize_t n;

    while ( s->cache_tmpfd >= 0 && len )
    {
        n = write(s->cache_tmpfd, p, len);
        if ( n <= 0 )
        {
            kcache_abandon(s);  /* a full disk: just no entry */
            return;
        }
        p += n;
        len -= (size_t)n;
    }
}

void kcache_abandon(struct img_stream *s)
{
    if ( s->cache_tmpfd >= 0 )
    {
        close(s->cache_tmpfd);
        unlinkat(s->cache_dirfd, s->cache_tmp, 0);
    }
    s->cache_tmpfd = -1;
    if ( s->cache_dirfd >= 0 )
        close(s->cache_dirfd);
    s->cache_dirfd = -1;
}

/* Drop the least recently used entries until the rest fit max. */
static void trim(int dirfd, uint64_t max)
{
    for ( ;; )
    {
        char oldest[KCACHE_NAME_LEN + 64] = "";
        struct timespec when = { 0, 0 };
        uint64_t total = 0;
        struct dirent *de;
        struct stat st;
        DIR *d;
        int fd = dup(dirfd);

        if ( fd < 0 || !(d = fdopendir(fd)) )
        {
            if ( fd >= 0 )
                close(fd);
            return;
        }
        rewinddir(d);
        while ( (de = readdir(d)) )
        {
            size_t l = strlen(de->d_name);

            /* Leftovers of builds that died half way. */
            if ( !strncmp(de->d_name, ".tmp.", 5) &&
                 !fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) &&
                 st.st_mtim.tv_sec < time(NULL) - STALE_SECONDS )
                unlinkat(dirfd, de->d_name, 0);
            if ( de->d_name[0] == '.' || l < 4 ||
                 strcmp(de->d_name + l - 4, ".elf") ||
                 l >= sizeof(oldest) ||
                 fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) ||
                 !S_ISREG(st.st_mode) )
                continue;
            total += (uint64_t)st.st_size;
            if ( !oldest[0] || st.st_mtim.tv_sec < when.tv_sec ||
                 (st.st_mtim.tv_sec == when.tv_sec &&
                  st.st_mtim.tv_nsec < when.tv_nsec) )
            {
                when = st.st_mtim;
                snprintf(oldest, sizeof(oldest), "%s", de->d_name);
            }
        }
        closedir(d);
        if ( total <= max || !oldest[0] || unlinkat(dirfd, oldest, 0) )
            return;
    }
}

void kcache_commit(struct img_stream *s)
{
    uint64_t max = max_bytes();

    if ( s->cache_tmpfd < 0 )
        return;
    close(s->cache_tmpfd);
    s->cache_tmpfd = -1;
    if ( !s->ended || s->out_pos > max ||
         renameat(s->cache_dirfd, s->cache_tmp, s->cache_dirfd,
                  s->cache_name) )
        unlinkat(s->cache_dirfd, s->cache_tmp, 0);
    else
        trim(s->cache_dirfd, max);
    close(s->cache_dirfd);
    s->cache_dirfd = -1;
}
