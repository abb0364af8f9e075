/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Node names: what a valid path is, relative paths of domains, and the
 * parent/child relation that watches match on.
 */
#ifndef VMSTORED_PATH_H
#define VMSTORED_PATH_H

#include <stdbool.h>
#include <stddef.h>

/*
 * An absolute path of the allowed characters, without "//" or a final
 * '/', no longer than max_rel past "/local/domain/<id>/" (or in all if
 * it is not under a domain's home).
 */
bool path_valid(const char *path, size_t max_rel);

/* A watch path: a valid path, or '@' and anything of bounded length. */
bool path_special(const char *path);

/*
 * The absolute form of what a client sent: itself if it starts with '/'
 * or '@', else home + "/" + path.  Returns a new string or NULL.
 */
char *path_canonical(const char *path, const char *home);

/* child equals parent or lies below it ("/" is everyone's parent). */
bool path_is_child(const char *child, const char *parent);

/* The parent of a valid path other than "/"; a new string or NULL. */
char *path_parent(const char *path);

/* The last component of a valid path ("" for "/"). */
const char *path_leaf(const char *path);

#endif /* VMSTORED_PATH_H */
