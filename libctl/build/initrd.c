/* SPDX-License-Identifier: GPL-2.0-only */
/* The initrd, copied as it is (the kernel unpacks it) from its file into
 * the pages the layout gave it, a chunk at a time. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

#define CHUNK   (256 * 1024)

/* Its size, before anything is built: a missing file fails early. */
int initrd_size(struct build *b)
{
    struct stat st;

    b->initrd_len = 0;
    if ( !b->cfg->initrd )
        return 0;
    if ( stat(b->cfg->initrd, &st) )
        return build_fail(b, -errno, "initrd %s", b->cfg->initrd);
    if ( !S_ISREG(st.st_mode) )
        return build_fail(b, -EINVAL, "initrd %s: not a regular file",
                          b->cfg->initrd);
    if ( !st.st_size )
        return build_fail(b, -EINVAL, "initrd %s: empty", b->cfg->initrd);
    b->initrd_len = (uint64_t)st.st_size;
    return 0;
}

int initrd_load(struct build *b)
{
    uint64_t gpa = b->layout.initrd_pfn << XC_PAGE_SHIFT, done = 0;
    uint8_t *buf = NULL;
    ssize_t n;
    int fd, rc = -1;

    if ( !b->initrd_len )
        return 0;
    fd = open(b->cfg->initrd, O_RDONLY | O_CLOEXEC);
    if ( fd < 0 )
        return build_fail(b, -errno, "initrd %s", b->cfg->initrd);
    buf = malloc(CHUNK);
    if ( !buf )
    {
        build_fail(b, -ENOMEM, "initrd %s", b->cfg->initrd);
        goto out;
    }
    while ( done < b->initrd_len )
    {
        n = read(fd, buf, CHUNK);
        if ( n < 0 )
        {
            build_fail(b, -errno, "initrd %s", b->cfg->initrd);
            goto out;
        }
        if ( n == 0 || (uint64_t)n > b->initrd_len - done )
        {
            build_fail(b, -EIO, "initrd %s: changed size while loading",
                       b->cfg->initrd);
            goto out;
        }
        if ( gmem_write(b, gpa + done, buf, (size_t)n) )
            goto out;
        done += (uint64_t)n;
    }
    /* The rest of its last page reads as zeroes. */
    rc = gmem_zero(b, gpa + done,
                   ((done + XC_PAGE_SIZE - 1) & XC_PAGE_MASK) - done);
 out:
    free(buf);
    close(fd);
    return rc;
}
