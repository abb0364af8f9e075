/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of libdomcfg: the XML corpus under tests/data/domcfg (valid
 * files against their JSON, malformed ones against their exact message),
 * size units, UUIDs and the identities drawn at random. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/Basic.h>
#include <libxml/parser.h>

#include "domcfg.h"

static char corpus[4096];

/* Counting bytes (0, 1, 2, ...) stand in for /dev/urandom. */
static unsigned char next_byte;

static int counting_random(void *buf, size_t len)
{
    unsigned char *p = buf;

    while ( len-- )
        *p++ = next_byte++;
    return 0;
}

static int failing_random(void *buf, size_t len)
{
    (void)buf, (void)len;
    return -EIO;
}

/* The whole of @path, NUL-terminated, to free(); NULL if unreadable. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf = NULL;
    size_t len = 0, n;

    if ( !f )
        return NULL;
    for ( ;; )
    {
        char *grown = realloc(buf, len + 4097);

        if ( !grown )
        {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        n = fread(buf + len, 1, 4096, f);
        len += n;
        buf[len] = '\0';
        if ( n < 4096 )
            break;
    }
    fclose(f);
    return buf;
}

/* Names of the *.xml files in @dir, sorted, NULL-terminated. */
static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **xml_files(const char *dir, size_t *nrp)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL, **grown;
    size_t nr = 0, len;

    if ( !d )
        return NULL;
    while ( (e = readdir(d)) )
    {
        len = strlen(e->d_name);
        if ( len < 5 || strcmp(e->d_name + len - 4, ".xml") )
            continue;
        grown = realloc(names, (nr + 2) * sizeof(*names));
        if ( !grown )
            break;
        names = grown;
        names[nr++] = strdup(e->d_name);
        names[nr] = NULL;
    }
    closedir(d);
    if ( names )
        qsort(names, nr, sizeof(*names), by_name);
    *nrp = nr;
    return names;
}

static void free_names(char **names)
{
    size_t i;

    for ( i = 0; names && names[i]; i++ )
        free(names[i]);
    free(names);
}

/* "NAME.xml" to "NAME@ext" in @buf. */
static const char *sidecar(const char *xml, const char *ext, char *buf,
                           size_t len)
{
    snprintf(buf, len, "%.*s%s", (int)(strlen(xml) - 4), xml, ext);
    return buf;
}

/*
 * Run in the corpus folder itself so that messages carry the short file
 * names the .err files expect.
 */
static int enter(const char *sub, char *cwd, size_t len)
{
    char dir[4200];

    if ( !getcwd(cwd, len) )
        return -1;
    snprintf(dir, sizeof(dir), "%s/%s", corpus, sub);
    return chdir(dir);
}

static void test_valid_corpus(void)
{
    char cwd[4096], json_name[256], err[DOMCFG_ERR_MAX];
    struct domain_config *cfg;
    char **names, *want, *got;
    size_t i, nr = 0;

    CU_ASSERT_FATAL(enter("valid", cwd, sizeof(cwd)) == 0);
    names = xml_files(".", &nr);
    CU_ASSERT(nr >= 7);
    for ( i = 0; i < nr; i++ )
    {
        cfg = NULL;
        got = NULL;
        next_byte = 0;
        want = slurp(sidecar(names[i], ".json", json_name,
                             sizeof(json_name)));
        if ( domcfg_load_file(names[i], &cfg, err, sizeof(err)) ||
             domcfg_fill_random(cfg, counting_random, err, sizeof(err)) ||
             domcfg_to_json(cfg, &got) )
        {
            fprintf(stderr, "\n%s: refused: %s\n", names[i], err);
            CU_FAIL("a valid file was refused");
        }
        else if ( !want || strcmp(want, got) )
        {
            fprintf(stderr, "\n%s: JSON differs; got:\n%s", names[i], got);
            CU_FAIL("JSON differs from the .json file");
        }
        else
            CU_PASS("valid file");
        free(want);
        free(got);
        domcfg_free(cfg);
    }
    free_names(names);
    CU_ASSERT(chdir(cwd) == 0);
}

static void test_invalid_corpus(void)
{
    char cwd[4096], err_name[256], err[DOMCFG_ERR_MAX], got[600];
    struct domain_config *cfg;
    char **names, *want;
    size_t i, nr = 0;
    int rc;

    CU_ASSERT_FATAL(enter("invalid", cwd, sizeof(cwd)) == 0);
    names = xml_files(".", &nr);
    CU_ASSERT(nr >= 80);
    for ( i = 0; i < nr; i++ )
    {
        cfg = NULL;
        want = slurp(sidecar(names[i], ".err", err_name, sizeof(err_name)));
        rc = domcfg_load_file(names[i], &cfg, err, sizeof(err));
        /* As vmctl prints it. */
        snprintf(got, sizeof(got), "vmctl: %s\n", err);
        if ( rc != -EINVAL || cfg )
        {
            fprintf(stderr, "\n%s: accepted or wrong error (%d)\n",
                    names[i], rc);
            CU_FAIL("a malformed file was not refused with -EINVAL");
        }
        else if ( !want || strcmp(want, got) )
        {
            fprintf(stderr, "\n%s: message differs; got:\n%s", names[i],
                    got);
            CU_FAIL("message differs from the .err file");
        }
        else
            CU_PASS("malformed file");
        free(want);
        domcfg_free(cfg);
    }
    free_names(names);
    CU_ASSERT(chdir(cwd) == 0);
}

static void test_units(void)
{
    static const struct
    {
        const char *text, *unit;
        int rc;
        uint64_t kib;
    } cases[] = {
        { "1", NULL, 0, 1 },
        { "1", "", 0, 1 },
        { "1024", "b", 0, 1 },
        { "1025", "bytes", 0, 2 },
        { "1", "b", 0, 1 },
        { "1024000", "KB", 0, 1000000 },
        { "1", "KB", 0, 1 },
        { "7", "k", 0, 7 },
        { "7", "KiB", 0, 7 },
        { "1", "MB", 0, 977 },
        { "128", "M", 0, 131072 },
        { "128", "MiB", 0, 131072 },
        { "1", "GB", 0, 976563 },
        { "2", "G", 0, 2097152 },
        { "2", "GiB", 0, 2097152 },
        { "1", "TB", 0, 976562500 },
        { "1", "T", 0, 1073741824 },
        { "3", "TiB", 0, 3221225472ull },
        { "0", "MiB", 0, 0 },
        { "007", NULL, 0, 7 },
        /* The largest sizes, and one more. */
        { "18446744073709551615", NULL, 0, UINT64_MAX },
        { "18446744073709551616", NULL, -ERANGE, 0 },
        { "18446744073709551615", "b", 0, 18014398509481984ull },
        { "17179869184", "TiB", -ERANGE, 0 },
        { "17179869183", "TiB", 0, 18446744072635809792ull },
        { "18446744073709552", "KB", -ERANGE, 0 },
        { "", NULL, -EINVAL, 0 },
        { "-1", NULL, -EINVAL, 0 },
        { "+1", NULL, -EINVAL, 0 },
        { "1.5", "GiB", -EINVAL, 0 },
        { "0x10", NULL, -EINVAL, 0 },
        { " 1", NULL, -EINVAL, 0 },
        { "1", "kb", -EINVAL, 0 },
        { "1", "kib", -EINVAL, 0 },
        { "1", "m", -EINVAL, 0 },
        { "1", "PiB", -EINVAL, 0 },
        { "1", "B", -EINVAL, 0 },
    };
    uint64_t kib;
    size_t i;
    int rc;

    for ( i = 0; i < sizeof(cases) / sizeof(cases[0]); i++ )
    {
        kib = 0;
        rc = domcfg_parse_size(cases[i].text, cases[i].unit, &kib);
        CU_ASSERT_EQUAL(rc, cases[i].rc);
        if ( !rc )
            CU_ASSERT_EQUAL(kib, cases[i].kib);
        if ( rc != cases[i].rc || (!rc && kib != cases[i].kib) )
            fprintf(stderr, "\nsize '%s' '%s': rc %d kib %llu\n",
                    cases[i].text, cases[i].unit ? cases[i].unit : "(null)",
                    rc, (unsigned long long)kib);
    }
}

static void test_uuid_text(void)
{
    static const uint8_t want[16] = {
        0x3e, 0x3f, 0xce, 0x45, 0x4f, 0x53, 0x4f, 0xa7,
        0xbb, 0x32, 0x11, 0xf3, 0x41, 0x68, 0xb8, 0x2b,
    };
    static const char *const bad[] = {
        "", "3e3fce45-4f53-4fa7-bb32-11f34168b82",
        "3e3fce45-4f53-4fa7-bb32-11f34168b82b0",
        "3e3fce45+4f53-4fa7-bb32-11f34168b82b",
        "3e3fce4-54f53-4fa7-bb32-11f34168b82b",
        "3e3fce454f534fa7bb3211f34168b82g",
        "{3e3fce45-4f53-4fa7-bb32-11f34168b8}",
        "3e3fce45 4f53 4fa7 bb32 11f34168b82b",
    };
    uint8_t uuid[16];
    char text[37];
    size_t i;

    CU_ASSERT_EQUAL(domcfg_parse_uuid("3e3fce45-4f53-4fa7-bb32-11f34168b82b",
                                      uuid), 0);
    CU_ASSERT(!memcmp(uuid, want, 16));
    memset(uuid, 0, sizeof(uuid));
    CU_ASSERT_EQUAL(domcfg_parse_uuid("3E3FCE454F534FA7BB3211F34168B82B",
                                      uuid), 0);
    CU_ASSERT(!memcmp(uuid, want, 16));
    domcfg_format_uuid(uuid, text);
    CU_ASSERT_STRING_EQUAL(text, "3e3fce45-4f53-4fa7-bb32-11f34168b82b");

    for ( i = 0; i < sizeof(bad) / sizeof(bad[0]); i++ )
    {
        memcpy(uuid, want, 16);
        CU_ASSERT_EQUAL(domcfg_parse_uuid(bad[i], uuid), -EINVAL);
        /* A refused text leaves the output alone. */
        CU_ASSERT(!memcmp(uuid, want, 16));
    }
}

static const char minimal_xml[] =
    "<domain type='xen'><name>m</name><memory unit='MiB'>16</memory>"
    "<os><type>linux</type><kernel>/k</kernel></os>"
    "<devices><interface type='bridge'><source bridge='br0'/></interface>"
    "</devices></domain>";

static void test_defaults(void)
{
    struct domain_config *cfg = NULL;
    char err[DOMCFG_ERR_MAX];
    char *json = NULL;

    CU_ASSERT_FATAL(domcfg_load_buffer(minimal_xml, strlen(minimal_xml),
                                       "m.xml", &cfg, err, sizeof(err)) == 0);
    CU_ASSERT_EQUAL(cfg->vcpus, 1);
    CU_ASSERT_EQUAL(cfg->memory_kib, 16384);
    CU_ASSERT_EQUAL(cfg->max_memory_kib, 16384);
    CU_ASSERT_EQUAL(cfg->on_poweroff, DOMCFG_DESTROY);
    CU_ASSERT_EQUAL(cfg->on_reboot, DOMCFG_RESTART);
    CU_ASSERT_EQUAL(cfg->on_crash, DOMCFG_DESTROY);
    CU_ASSERT_PTR_NULL(cfg->initrd);
    CU_ASSERT_PTR_NULL(cfg->cmdline);
    CU_ASSERT_FALSE(cfg->console);
    CU_ASSERT_EQUAL(cfg->nr_disks, 0);
    CU_ASSERT_EQUAL(cfg->nr_nics, 1);

    /* Nothing random is drawn while reading: the JSON says null. */
    CU_ASSERT_FALSE(cfg->has_uuid);
    CU_ASSERT_FALSE(cfg->nics[0].has_mac);
    CU_ASSERT_EQUAL(domcfg_to_json(cfg, &json), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"uuid\": null"));
    CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"mac\": null"));
    CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"initrd\": null"));

    free(json);
    domcfg_free(cfg);
}

static void test_random_identity(void)
{
    struct domain_config *a = NULL, *b = NULL;
    char err[DOMCFG_ERR_MAX], text[37];
    uint8_t kept[16];

    CU_ASSERT_FATAL(domcfg_load_buffer(minimal_xml, strlen(minimal_xml),
                                       "m.xml", &a, err, sizeof(err)) == 0);
    CU_ASSERT_FATAL(domcfg_load_buffer(minimal_xml, strlen(minimal_xml),
                                       "m.xml", &b, err, sizeof(err)) == 0);
    CU_ASSERT_EQUAL(domcfg_fill_random(a, NULL, err, sizeof(err)), 0);
    CU_ASSERT_EQUAL(domcfg_fill_random(b, NULL, err, sizeof(err)), 0);

    /* RFC 4122 version 4, variant 10xx. */
    CU_ASSERT_TRUE(a->has_uuid);
    CU_ASSERT_EQUAL(a->uuid[6] & 0xf0, 0x40);
    CU_ASSERT_EQUAL(a->uuid[8] & 0xc0, 0x80);
    domcfg_format_uuid(a->uuid, text);
    CU_ASSERT_EQUAL(text[14], '4');
    CU_ASSERT(memcmp(a->uuid, b->uuid, 16) != 0);
    CU_ASSERT_TRUE(a->nics[0].has_mac);
    CU_ASSERT_EQUAL(strncmp(a->nics[0].mac, "00:16:3e:", 9), 0);
    CU_ASSERT_EQUAL(strlen(a->nics[0].mac), 17);

    /* What is there already stays. */
    memcpy(kept, a->uuid, 16);
    strcpy(text, a->nics[0].mac);
    CU_ASSERT_EQUAL(domcfg_fill_random(a, failing_random, err,
                                       sizeof(err)), 0);
    CU_ASSERT(!memcmp(kept, a->uuid, 16));
    CU_ASSERT_STRING_EQUAL(text, a->nics[0].mac);

    domcfg_free(a);
    domcfg_free(b);
}

static void test_random_failure(void)
{
    struct domain_config *cfg = NULL;
    char err[DOMCFG_ERR_MAX];

    CU_ASSERT_FATAL(domcfg_load_buffer(minimal_xml, strlen(minimal_xml),
                                       "m.xml", &cfg, err, sizeof(err)) == 0);
    CU_ASSERT_EQUAL(domcfg_fill_random(cfg, failing_random, err,
                                       sizeof(err)), -EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "random"));
    CU_ASSERT_FALSE(cfg->has_uuid);
    domcfg_free(cfg);
}

static void test_file_errors(void)
{
    struct domain_config *cfg = NULL;
    char err[DOMCFG_ERR_MAX], path[] = "domcfg-big-XXXXXX";
    static char big[DOMCFG_FILE_MAX + 1];
    FILE *f;
    int fd;

    CU_ASSERT_EQUAL(domcfg_load_file("no/such/file.xml", &cfg, err,
                                     sizeof(err)), -ENOENT);
    CU_ASSERT_STRING_EQUAL(err, "no/such/file.xml: No such file or "
                           "directory");
    CU_ASSERT_EQUAL(domcfg_load_file(corpus, &cfg, err, sizeof(err)),
                    -EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "not a regular file"));

    /* A file too large to be a configuration is refused unread. */
    fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    f = fdopen(fd, "w");
    CU_ASSERT_FATAL(f != NULL);
    memset(big, ' ', sizeof(big));
    CU_ASSERT_EQUAL(fwrite(big, 1, sizeof(big), f), sizeof(big));
    fclose(f);
    CU_ASSERT_EQUAL(domcfg_load_file(path, &cfg, err, sizeof(err)), -EFBIG);
    unlink(path);
    CU_ASSERT_PTR_NULL(cfg);

    /* A message never overruns the caller's buffer. */
    CU_ASSERT_EQUAL(domcfg_load_buffer("<vm/>", 5, "a-long-name.xml", &cfg,
                                       err, 8), -EINVAL);
    CU_ASSERT_STRING_EQUAL(err, "a-long-");
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    CU_pSuite suite;
    unsigned int failed;

    snprintf(corpus, sizeof(corpus), "%s/tests/data/domcfg",
             top ? top : ".");
    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 1;
    suite = CU_add_suite("domcfg", NULL, NULL);
    CU_add_test(suite, "valid corpus", test_valid_corpus);
    CU_add_test(suite, "invalid corpus", test_invalid_corpus);
    CU_add_test(suite, "units", test_units);
    CU_add_test(suite, "uuid text", test_uuid_text);
    CU_add_test(suite, "defaults", test_defaults);
    CU_add_test(suite, "random identity", test_random_identity);
    CU_add_test(suite, "random failure", test_random_failure);
    CU_add_test(suite, "file errors", test_file_errors);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    xmlCleanupParser();
    return failed ? 1 : 0;
}
