/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xenstore wire protocol: a 16-byte header then len payload bytes, over
 * a Unix socket or the shared ring page at start_info.store_mfn.
 */
#ifndef _XS_WIRE_H
#define _XS_WIRE_H

/* xsd_sockmsg.type */
enum xsd_sockmsg_type
{
    XS_CONTROL,             /* 0: was XS_DEBUG */
#define XS_DEBUG XS_CONTROL
    XS_DIRECTORY,
    XS_READ,
    XS_GET_PERMS,
    XS_WATCH,
    XS_UNWATCH,
    XS_TRANSACTION_START,
    XS_TRANSACTION_END,
    XS_INTRODUCE,
    XS_RELEASE,
    XS_GET_DOMAIN_PATH,
    XS_WRITE,
    XS_MKDIR,
    XS_RM,
    XS_SET_PERMS,
    XS_WATCH_EVENT,         /* unsolicited, from the server */
    XS_ERROR,               /* reply carrying an error name */
    XS_IS_DOMAIN_INTRODUCED,
    XS_RESUME,
    XS_SET_TARGET,
    /* 20 was XS_RESTRICT, now unused. */
    XS_RESET_WATCHES = XS_SET_TARGET + 2,
    XS_DIRECTORY_PART,
    XS_TYPE_COUNT,          /* number of types defined so far */
    XS_INVALID = 0xffff     /* never sent; for "no type" internally */
};

/* Legacy write modes. */
#define XS_WRITE_NONE        "NONE"
#define XS_WRITE_CREATE      "CREATE"
#define XS_WRITE_CREATE_EXCL "CREATE|EXCL"

/* Errors travel as the errno's name in an XS_ERROR reply. */
struct xsd_errors
{
    int errnum;
    const char *errstring;
};

#ifdef EINVAL
#define XSD_ERROR(x) { x, #x }
/* The first entry is what clients assume for an unknown name. */
static const struct xsd_errors xsd_errors[]
#if defined(__GNUC__)
__attribute__((unused))
#endif
    = {
    XSD_ERROR(EINVAL),
    XSD_ERROR(EACCES),
    XSD_ERROR(EEXIST),
    XSD_ERROR(EISDIR),
    XSD_ERROR(ENOENT),
    XSD_ERROR(ENOMEM),
    XSD_ERROR(ENOSPC),
    XSD_ERROR(EIO),
    XSD_ERROR(ENOTEMPTY),
    XSD_ERROR(ENOSYS),
    XSD_ERROR(EROFS),
    XSD_ERROR(EBUSY),
    XSD_ERROR(EAGAIN),
    XSD_ERROR(EISCONN),
    XSD_ERROR(E2BIG),
    XSD_ERROR(EPERM),
};
#endif

struct xsd_sockmsg
{
    uint32_t type;          /* XS_* */
    uint32_t req_id;        /* echoed in the reply */
    uint32_t tx_id;         /* transaction, 0 for none */
    uint32_t len;           /* payload bytes that follow */
};

/* Fields of an XS_WATCH_EVENT payload, NUL-separated. */
enum xs_watch_type
{
    XS_WATCH_PATH = 0,
    XS_WATCH_TOKEN
};

/* The shared ring page between a domain and the xenstore server. */
#define XENSTORE_RING_SIZE 1024
typedef uint32_t XENSTORE_RING_IDX;
#define MASK_XENSTORE_IDX(idx) ((idx) & (XENSTORE_RING_SIZE - 1))

struct xenstore_domain_interface {
    char req[XENSTORE_RING_SIZE];   /* requests to the server */
    char rsp[XENSTORE_RING_SIZE];   /* replies and watch events */
    XENSTORE_RING_IDX req_cons, req_prod;
    XENSTORE_RING_IDX rsp_cons, rsp_prod;
    uint32_t server_features;       /* XENSTORE_SERVER_FEATURE_* */
    uint32_t connection;            /* XENSTORE_CONNECTED / _RECONNECT */
    uint32_t error;                 /* XENSTORE_ERROR_* */
};

/* Largest payload in either direction. */
#define XENSTORE_PAYLOAD_MAX 4096

/* Path limits, without the terminating NUL. */
#define XENSTORE_ABS_PATH_MAX 3072
#define XENSTORE_REL_PATH_MAX 2048

/* The server can reset the ring when the guest asks (connection). */
#define XENSTORE_SERVER_FEATURE_RECONNECTION 1
/* The server reports ring errors in the error field. */
#define XENSTORE_SERVER_FEATURE_ERROR        2

#define XENSTORE_CONNECTED 0
#define XENSTORE_RECONNECT 1

#define XENSTORE_ERROR_NONE    0
#define XENSTORE_ERROR_COMM    1 /* bad ring contents */
#define XENSTORE_ERROR_RINGIDX 2 /* indices out of range */
#define XENSTORE_ERROR_PROTO   3 /* protocol violation */

#endif /* _XS_WIRE_H */
