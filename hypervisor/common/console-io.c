/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console_io: the privileged domain's console on the hypervisor's serial
 * line.  Output goes out raw (no prefix), as Xen does for its hardware
 * domain, because dom0's console may be interactive.  A long write
 * continues between chunks with the rest of the buffer.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/continuation.h>
#include <public/xen.h>

#define CONSOLE_CHUNK 128

static long console_guest_write(guest_va_t buffer, unsigned int count)
{
    char buf[CONSOLE_CHUNK];
    bool first = true;

    while ( count > 0 )
    {
        unsigned int n = MIN(count, (unsigned int)sizeof(buf));

        if ( !first && hypercall_preempt_check() )
            return hypercall_continue(__HYPERVISOR_console_io,
                                      CONSOLEIO_write, count, buffer);
        first = false;

        /* What was copied before a fault has been written: as on Xen. */
        if ( copy_from_guest(buf, buffer, n) )
            return -EFAULT;
        console_write(buf, n);
        buffer += n;
        count -= n;
    }
    return 0;
}

static long console_guest_read(guest_va_t buffer, unsigned int count)
{
    char buf[CONSOLE_CHUNK];
    long done = 0;

    /* The result is a count or an error: keep the two apart. */
    if ( count > 0x7fffffffU )
        return -E2BIG;

    while ( done < count )
    {
        size_t n = console_input_read(buf, MIN(sizeof(buf),
                                               (size_t)(count - done)));

        if ( n == 0 )
            break;
        if ( copy_to_guest(buffer + done, buf, n) )
            return -EFAULT;
        done += n;
    }
    return done;
}

long do_console_io(unsigned int cmd, unsigned int count, guest_va_t buffer)
{
    if ( !current_domain()->is_privileged )
        return -EPERM;

    switch ( cmd )
    {
    case CONSOLEIO_write:
        return console_guest_write(buffer, count);
    case CONSOLEIO_read:
        return console_guest_read(buffer, count);
    }
    return -ENOSYS;
}
