/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for vmstored's engine tests: clients without a transport whose
 * replies the test takes from the queue, written as compact strings
 * (NULs as '|', errors as "!ENAME").
 */
#ifndef VMSTORED_UTIL_H
#define VMSTORED_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "conn.h"
#include "vmstored.h"

/* A client of domain domid (0: privileged, like a dom0 socket). */
struct conn *tv_client(struct vms *v, unsigned int domid);

/* Send one message of raw bytes; conn_input's result. */
long tv_send_raw(struct conn *c, uint32_t type, uint32_t req_id,
                 uint32_t tx, const void *body, size_t len);

/* The reply to req_id, or NULL; watch events stay queued. */
struct msg *tv_reply(struct conn *c, uint32_t req_id);
/* A message as a string: body NULs as '|', errors "!ENAME". */
char *tv_str(const struct msg *m);

/*
 * Send type with the NULL-terminated strings as arguments (each with its
 * NUL) and return the reply as tv_str does ("" if there was none).
 */
char *tv_do(struct conn *c, uint32_t type, uint32_t tx, ...);
/* Same with a raw payload. */
char *tv_do_raw(struct conn *c, uint32_t type, uint32_t tx,
                const void *body, size_t len);

/* WRITE value (no NUL of its own) at path. */
char *tv_write(struct conn *c, uint32_t tx, const char *path,
               const char *value);

/* The next queued watch event "path|token|", or NULL. */
char *tv_event(struct conn *c);
/* Queued watch events. */
unsigned int tv_nevents(const struct conn *c);
/* Drop all queued watch events. */
void tv_drain(struct conn *c);

/* Start a transaction and return its id (0 on failure). */
uint32_t tv_start(struct conn *c);

/* CUnit check that a request's reply is exactly 'want'. */
#define TV_EXPECT(want, c, type, tx, ...)                                   \
    do {                                                                    \
        char *got_ = tv_do((c), (type), (tx), __VA_ARGS__, (char *)NULL);   \
        CU_ASSERT_STRING_EQUAL(got_, (want));                               \
        if ( strcmp(got_, (want)) )                                         \
            fprintf(stderr, "\n  %s:%d: got '%s', want '%s'\n",             \
                    __FILE__, __LINE__, got_, (want));                      \
        free(got_);                                                         \
    } while ( 0 )

/* CUnit check of a WRITE's reply. */
#define TV_WRITE(want, c, tx, path, value)                                  \
    do {                                                                    \
        char *got_ = tv_write((c), (tx), (path), (value));                  \
        CU_ASSERT_STRING_EQUAL(got_, (want));                               \
        if ( strcmp(got_, (want)) )                                         \
            fprintf(stderr, "\n  %s:%d: got '%s', want '%s'\n",             \
                    __FILE__, __LINE__, got_, (want));                      \
        free(got_);                                                         \
    } while ( 0 )

/* CUnit check of the next watch event ("path|token|"). */
#define TV_EVENT(want, c)                                                   \
    do {                                                                    \
        char *got_ = tv_event(c);                                           \
        CU_ASSERT_PTR_NOT_NULL(got_);                                       \
        if ( got_ )                                                         \
        {                                                                   \
            CU_ASSERT_STRING_EQUAL(got_, (want));                           \
            if ( strcmp(got_, (want)) )                                     \
                fprintf(stderr, "\n  %s:%d: event '%s', want '%s'\n",     \
                        __FILE__, __LINE__, got_, (want));                  \
        }                                                                   \
        else                                                                \
            fprintf(stderr, "\n  %s:%d: no event, want '%s'\n",            \
                    __FILE__, __LINE__, (want));                            \
        free(got_);                                                         \
    } while ( 0 )

/* Run CUnit suites: { name, tests[] } pairs, NULL-terminated. */
struct tv_test
{
    const char *name;
    void (*fn)(void);
};
int tv_run(const char *suite, const struct tv_test *tests);

#endif /* VMSTORED_UTIL_H */
