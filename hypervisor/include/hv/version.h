/* SPDX-License-Identifier: GPL-2.0-only */
/* Identity strings reported by the banner and by xen_version. */
#ifndef HV_VERSION_H
#define HV_VERSION_H

#include <hv/types.h>

struct domain;

/* The Xen interface level we implement. */
#define HV_ABI_MAJOR        4
#define HV_ABI_MINOR        17
#define HV_EXTRAVERSION     ".0-hv"
#define HV_COMPILE_BY       "hv"
#define HV_COMPILE_DOMAIN   "localdomain"

extern const char hv_version[];     /* "0.1", from configure */
extern const char hv_changeset[];
extern const char hv_compiler[];
extern const char hv_compile_date[];
const char *hv_saved_cmdline(void);
uint32_t version_features(const struct domain *d, unsigned int idx);

#endif /* HV_VERSION_H */
