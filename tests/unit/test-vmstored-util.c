/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers for vmstored's engine tests (vmstored-util.h). */
#include <CUnit/Basic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "vmstored-util.h"

static uint32_t next_req = 100;

struct conn *tv_client(struct vms *v, unsigned int domid)
{
    struct conn *c = conn_new(v, NULL, NULL, -1, NULL);

    if ( !c )
        return NULL;
    c->who.domid = domid;
    c->who.privileged = domid == 0;
    snprintf(c->home, sizeof("/local/domain/65535"), "/local/domain/%u",
             domid);
    return c;
}

long tv_send_raw(struct conn *c, uint32_t type, uint32_t req_id,
                 uint32_t tx, const void *body, size_t len)
{
    struct xsd_sockmsg hdr = {
        .type = type, .req_id = req_id, .tx_id = tx, .len = len,
    };
    long rc = conn_input(c, &hdr, sizeof(hdr));

    if ( rc < 0 || !len )
        return rc;
    return conn_input(c, body, len);
}

struct msg *tv_reply(struct conn *c, uint32_t req_id)
{
    struct msg **pp, *m;

    for ( pp = &c->out; (m = *pp); pp = &m->next )
        if ( !m->event && m->hdr.req_id == req_id )
        {
            *pp = m->next;
            if ( c->out_tail == m )
            {
                struct msg *t = c->out;

                while ( t && t->next )
                    t = t->next;
                c->out_tail = t;
            }
            c->nout--;
            m->next = NULL;
            return m;
        }
    return NULL;
}

char *tv_str(const struct msg *m)
{
    char *s;
    size_t i;

    if ( !m )
        return strdup("");
    s = malloc(m->hdr.len + 2);
    if ( m->hdr.type == XS_ERROR )
    {
        s[0] = '!';
        memcpy(s + 1, m->body, m->hdr.len);
        s[m->hdr.len] = '\0';   /* drop the NUL after the name */
        return s;
    }
    for ( i = 0; i < m->hdr.len; i++ )
        s[i] = m->body[i] ? m->body[i] : '|';
    s[m->hdr.len] = '\0';
    return s;
}

char *tv_do_raw(struct conn *c, uint32_t type, uint32_t tx,
                const void *body, size_t len)
{
    uint32_t id = next_req++;
    struct msg *m;
    char *s;

    tv_send_raw(c, type, id, tx, body, len);
    m = tv_reply(c, id);
    s = tv_str(m);
    free(m);
    return s;
}

char *tv_do(struct conn *c, uint32_t type, uint32_t tx, ...)
{
    char buf[XENSTORE_PAYLOAD_MAX * 2];
    size_t len = 0;
    const char *arg;
    va_list ap;

    va_start(ap, tx);
    while ( (arg = va_arg(ap, const char *)) )
    {
        size_t n = strlen(arg) + 1;

        if ( len + n > sizeof(buf) )
            break;
        memcpy(buf + len, arg, n);
        len += n;
    }
    va_end(ap);
    return tv_do_raw(c, type, tx, buf, len);
}

char *tv_write(struct conn *c, uint32_t tx, const char *path,
               const char *value)
{
    size_t lp = strlen(path) + 1, lv = strlen(value);
    char *buf = malloc(lp + lv + 1), *s;

    memcpy(buf, path, lp);
    memcpy(buf + lp, value, lv);
    s = tv_do_raw(c, XS_WRITE, tx, buf, lp + lv);
    free(buf);
    return s;
}

char *tv_event(struct conn *c)
{
    struct msg **pp, *m;
    char *s;

    for ( pp = &c->out; (m = *pp); pp = &m->next )
        if ( m->event )
        {
            *pp = m->next;
            if ( c->out_tail == m )
            {
                struct msg *t = c->out;

                while ( t && t->next )
                    t = t->next;
                c->out_tail = t;
            }
            c->nout--;
            s = tv_str(m);
            free(m);
            return s;
        }
    return NULL;
}

unsigned int tv_nevents(const struct conn *c)
{
    const struct msg *m;
    unsigned int n = 0;

    for ( m = c->out; m; m = m->next )
        n += m->event;
    return n;
}

void tv_drain(struct conn *c)
{
    char *e;

    while ( (e = tv_event(c)) )
        free(e);
}

uint32_t tv_start(struct conn *c)
{
    char *s = tv_do(c, XS_TRANSACTION_START, 0, "", (char *)NULL);
    uint32_t id = s[0] >= '1' && s[0] <= '9' ? strtoul(s, NULL, 10) : 0;

    free(s);
    return id;
}

int tv_run(const char *suite, const struct tv_test *tests)
{
    CU_pSuite s;
    unsigned int failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    s = CU_add_suite(suite, NULL, NULL);
    for ( ; s && tests->name; tests++ )
        CU_add_test(s, tests->name, tests->fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
