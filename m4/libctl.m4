# SPDX-License-Identifier: GPL-2.0-only
# HV_LIBCTL_CHECKS: the decompression libraries libctl's domain builder
# streams compressed kernels through (zlib, liblzma, libzstd).
AC_DEFUN([HV_LIBCTL_CHECKS], [
PKG_CHECK_MODULES([ZLIB], [zlib], [],
    [AC_MSG_ERROR([zlib not found: install Debian package zlib1g-dev])])
PKG_CHECK_MODULES([LZMA], [liblzma], [],
    [AC_MSG_ERROR([liblzma not found: install Debian package liblzma-dev])])
PKG_CHECK_MODULES([ZSTD], [libzstd], [],
    [AC_MSG_ERROR([libzstd not found: install Debian package libzstd-dev])])
])
