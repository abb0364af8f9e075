/* SPDX-License-Identifier: GPL-2.0-only */
/* A domain's configuration, read from libvirt domain XML (type='xen', a
 * PV guest booted from a kernel file), validated and written as JSON. */
#ifndef DOMCFG_H
#define DOMCFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Lifecycle actions, in libvirt's spelling (domcfg_action_name()). */
enum domcfg_action
{
    DOMCFG_DESTROY,
    DOMCFG_RESTART,
    DOMCFG_PRESERVE,
    DOMCFG_RENAME_RESTART,
    DOMCFG_COREDUMP_DESTROY,     /* on_crash only */
    DOMCFG_COREDUMP_RESTART,     /* on_crash only */
};

struct domcfg_disk
{
    char *target;                /* guest name: xvda, xvdb, ... */
    char *source;                /* file or block device in dom0 */
    char *format;                /* always "raw" for now */
    bool readonly;
};

struct domcfg_nic
{
    char mac[18];                /* aa:bb:cc:dd:ee:ff, lower case */
    bool has_mac;                /* false until given or generated */
    char *bridge;
};

struct domain_config
{
    char *name;
    uint8_t uuid[16];
    bool has_uuid;               /* false until given or generated */
    uint64_t memory_kib;         /* at boot: currentMemory, else memory */
    uint64_t max_memory_kib;     /* memory */
    unsigned int vcpus;
    char *kernel;
    char *initrd;                /* NULL when absent */
    char *cmdline;               /* NULL when absent */
    enum domcfg_action on_poweroff, on_reboot, on_crash;
    bool console;                /* a PV console was asked for */
    struct domcfg_disk *disks;
    unsigned int nr_disks;
    struct domcfg_nic *nics;
    unsigned int nr_nics;
};

/* Bounds the parser enforces. */
#define DOMCFG_NAME_MAX        64
#define DOMCFG_MIN_MEMORY_KIB  4096
#define DOMCFG_MAX_VCPUS       128
#define DOMCFG_FILE_MAX        (1024 * 1024)

/* Room for any message the parser writes ("FILE:LINE: <element> ..."). */
#define DOMCFG_ERR_MAX         512

/*
 * Read and validate the domain XML in @path.  Touches no file but @path.
 * On success returns 0 and a configuration for domcfg_free(); on failure
 * returns a negative errno value and a one-line message in @err, which
 * starts with "@path:LINE: " when the fault has a place in the file.
 */
int domcfg_load_file(const char *path, struct domain_config **cfgp,
                     char *err, size_t errlen);

/* The same for a document already in memory; @name stands for the file. */
int domcfg_load_buffer(const char *buf, size_t len, const char *name,
                       struct domain_config **cfgp, char *err, size_t errlen);

void domcfg_free(struct domain_config *cfg);

/* Fill @buf with @len random bytes; 0 or a negative errno value. */
typedef int domcfg_random_fn(void *buf, size_t len);

/* Random bytes from /dev/urandom. */
int domcfg_random_urandom(void *buf, size_t len);

/*
 * Give a UUID (RFC 4122 version 4) and MAC addresses (Xen's OUI 00:16:3e)
 * to a configuration that lacks them, from @rnd (NULL: /dev/urandom).
 */
int domcfg_fill_random(struct domain_config *cfg, domcfg_random_fn *rnd,
                       char *err, size_t errlen);

/*
 * The configuration as JSON (keys in the order of the manual), in a buffer
 * to free(); 0 or a negative errno value.
 */
int domcfg_to_json(const struct domain_config *cfg, char **jsonp);

/*
 * A size in libvirt's notation: decimal @text in @unit (NULL or "" means
 * KiB), rounded up to whole KiB.  0 or -EINVAL (bad number or unit),
 * -ERANGE (too large).
 */
int domcfg_parse_size(const char *text, const char *unit, uint64_t *kibp);

/* The units domcfg_parse_size() accepts, for messages and help. */
#define DOMCFG_UNITS "b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T, TiB"

/* 32 hex digits, optionally in the 8-4-4-4-12 grouping; 0 or -EINVAL. */
int domcfg_parse_uuid(const char *text, uint8_t uuid[16]);

/* 8-4-4-4-12 lower-case form, NUL-terminated, into @out[37]. */
void domcfg_format_uuid(const uint8_t uuid[16], char out[37]);

/* libvirt's word for @action. */
const char *domcfg_action_name(enum domcfg_action action);

#endif /* DOMCFG_H */
