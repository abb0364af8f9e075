/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * States a split driver's frontend and backend publish in their xenstore
 * "state" nodes while they connect and disconnect.
 */
#ifndef _XEN_PUBLIC_IO_XENBUS_H
#define _XEN_PUBLIC_IO_XENBUS_H

enum xenbus_state {
    XenbusStateUnknown       = 0,
    XenbusStateInitialising  = 1,
    XenbusStateInitWait      = 2, /* backend waits for frontend details */
    XenbusStateInitialised   = 3, /* frontend details written */
    XenbusStateConnected     = 4,
    XenbusStateClosing       = 5,
    XenbusStateClosed        = 6,
    XenbusStateReconfiguring = 7,
    XenbusStateReconfigured  = 8
};
typedef enum xenbus_state XenbusState;

#endif /* _XEN_PUBLIC_IO_XENBUS_H */
