/* SPDX-License-Identifier: GPL-2.0-only */
/* Build identity, kept out of kernel.c so only this file sees __DATE__. */
#include "config.h"
#include <hv/version.h>
#include <hv/boot.h>

const char hv_version[] = PACKAGE_VERSION;
const char hv_changeset[] = "hv " PACKAGE_VERSION;
const char hv_compiler[] = "gcc " __VERSION__;
const char hv_compile_date[] = __DATE__ " " __TIME__;

const char *hv_saved_cmdline(void)
{
    return boot_info && boot_info->cmdline ? boot_info->cmdline : "";
}
