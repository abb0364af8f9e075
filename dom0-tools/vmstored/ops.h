/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Request handlers, one per message type.  Each returns 0 once it has
 * replied, or an errno value that proto.c sends as the error's name.
 */
#ifndef VMSTORED_OPS_H
#define VMSTORED_OPS_H

struct req;

/* ops-node.c */
int op_read(struct req *r);
int op_write(struct req *r);
int op_mkdir(struct req *r);
int op_rm(struct req *r);
int op_directory(struct req *r);
int op_directory_part(struct req *r);
int op_get_perms(struct req *r);
int op_set_perms(struct req *r);

/* ops-watch.c */
int op_watch(struct req *r);
int op_unwatch(struct req *r);
int op_reset_watches(struct req *r);

/* ops-txn.c */
int op_transaction_start(struct req *r);
int op_transaction_end(struct req *r);

/* ops-domain.c */
int op_introduce(struct req *r);
int op_release(struct req *r);
int op_resume(struct req *r);
int op_get_domain_path(struct req *r);
int op_is_domain_introduced(struct req *r);
int op_set_target(struct req *r);

/* ops-control.c */
int op_control(struct req *r);

#endif /* VMSTORED_OPS_H */
