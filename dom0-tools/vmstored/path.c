/* SPDX-License-Identifier: GPL-2.0-only */
/* Node names: validity, relative paths, ancestry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>
#include <public/io/xs_wire.h>

#include "path.h"

static const char path_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/_@";

/* Length of "/local/domain/<digits>/" at the start of path, else 0. */
static size_t home_prefix(const char *path)
{
    static const char local[] = "/local/domain/";
    size_t n = sizeof(local) - 1, digits = 0;

    if ( strncmp(path, local, n) )
        return 0;
    while ( path[n + digits] >= '0' && path[n + digits] <= '9' )
        digits++;
    if ( !digits || digits > 5 || path[n + digits] != '/' )
        return 0;
    return n + digits + 1;
}

bool path_valid(const char *path, size_t max_rel)
{
    size_t len = strlen(path);

    if ( path[0] != '/' )
        return false;
    if ( len > 1 && path[len - 1] == '/' )
        return false;
    if ( strstr(path, "//") )
        return false;
    if ( len > home_prefix(path) + max_rel )
        return false;
    return strspn(path, path_chars) == len;
}

bool path_special(const char *path)
{
    return path[0] == '@' && strlen(path) <= XENSTORE_REL_PATH_MAX;
}

char *path_canonical(const char *path, const char *home)
{
    char *abs;
    size_t n;

    if ( path[0] == '/' || path[0] == '@' )
        return strdup(path);
    n = strlen(home) + 1 + strlen(path) + 1;
    abs = malloc(n);
    if ( abs )
        snprintf(abs, n, "%s/%s", home, path);
    return abs;
}

bool path_is_child(const char *child, const char *parent)
{
    size_t n = strlen(parent);

    if ( !strcmp(parent, "/") )
        return child[0] == '/';
    return !strncmp(child, parent, n) &&
           (child[n] == '/' || child[n] == '\0');
}

char *path_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash > path ? (size_t)(slash - path) : 1;
    char *parent = malloc(n + 1);

    if ( parent )
    {
        memcpy(parent, path, n);
        parent[n] = '\0';
    }
    return parent;
}

const char *path_leaf(const char *path)
{
    return strrchr(path, '/') + 1;
}
