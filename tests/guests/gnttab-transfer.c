/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GNTTABOP_transfer of our own frames back to ourselves: the entry that
 * accepts the frame, the M2P entry it gets, and the refusals, including
 * those where the sender has already given the frame up (it is lost).
 */
#include "gnttab-common.h"

const char test_title[] = "gnttab-transfer: frames changing hands";

#define ACCEPTED    (GTF_accept_transfer | GTF_transfer_committed | \
                     GTF_transfer_completed)

static struct grant_entry_v1 *gt;

static int transfer(unsigned long mfn, domid_t dom, grant_ref_t ref)
{
    struct gnttab_transfer t = {
        .mfn = mfn, .domid = dom, .ref = ref, .status = 0x5555,
    };
    long rc = gnttab_op(GNTTABOP_transfer, &t, 1);

    return rc ? (int)rc : t.status;
}

static void test_transfer(void)
{
    unsigned long pfn = spare_pfn(2), mfn = spare_mfn(2);
    long pages = current_reservation();

    grant(gt, 50, 0, pfn, GTF_accept_transfer);
    CHECK_EQ(transfer(mfn, 0, 50), GNTST_okay);
    CHECK_EQ(gt[50].flags, ACCEPTED);
    CHECK_EQ(gt[50].frame, mfn);
    CHECK_EQ(m2p(mfn), pfn);
    CHECK_EQ(current_reservation(), pages);
    /* It is ours again, and usable. */
    CHECK(zero_frame(0, mfn));
    /* A completed entry accepts nothing more. */
    CHECK_EQ(transfer(mfn, 0, 50), GNTST_general_error);
    CHECK_EQ(current_reservation(), pages - 1);
    ungrant(gt, 50);
}

static void test_refused(void)
{
    unsigned long busy = va_to_mfn(_image_start);
    long pages = current_reservation();
    xen_pfn_t table[1] = { 0 };

    CHECK_EQ(setup_table(DOMID_SELF, 1, table), GNTST_okay);

    /* Frames that cannot be given: nothing is lost. */
    grant(gt, 51, 0, spare_pfn(3), GTF_accept_transfer);
    CHECK_EQ(transfer(0xfffffffffUL, 0, 51), GNTST_bad_page);
    CHECK_EQ(transfer(0xb8, 0, 51), GNTST_bad_page);
    CHECK_EQ(transfer(busy, 0, 51), GNTST_bad_page);
    CHECK_EQ(transfer(l4_mfn(), 0, 51), GNTST_bad_page);
    CHECK_EQ(transfer(table[0], 0, 51), GNTST_bad_page);
    CHECK_EQ(gt[51].flags, GTF_accept_transfer);
    CHECK_EQ(current_reservation(), pages);

    /* Past the steal, every refusal costs the sender its frame. */
    CHECK_EQ(transfer(spare_mfn(3), 7, 51), GNTST_bad_domain);
    CHECK_EQ(transfer(spare_mfn(4), DOMID_SELF, 51), GNTST_bad_domain);
    CHECK_EQ(current_reservation(), pages - 2);
    grant(gt, 52, 5, spare_pfn(5), GTF_accept_transfer);
    CHECK_EQ(transfer(spare_mfn(5), 0, 52), GNTST_general_error);
    grant(gt, 52, 0, spare_pfn(6), GTF_permit_access);
    CHECK_EQ(transfer(spare_mfn(6), 0, 52), GNTST_general_error);
    CHECK_EQ(gt[52].flags, GTF_permit_access);
    CHECK_EQ(transfer(spare_mfn(7), 0, 512), GNTST_general_error);
    CHECK_EQ(current_reservation(), pages - 5);
    CHECK_EQ(gt[51].flags, GTF_accept_transfer);
    ungrant(gt, 51);
    ungrant(gt, 52);

    CHECK_EQ(gnttab_op(GNTTABOP_transfer, (void *)0x10, 1), -EFAULT);
}

/* A batch: each element has its own status. */
static void test_batch(void)
{
    struct gnttab_transfer t[2] = {
        { .mfn = spare_mfn(8), .domid = 0, .ref = 53 },
        { .mfn = 0xb8, .domid = 0, .ref = 53 },
    };

    grant(gt, 53, 0, spare_pfn(8), GTF_accept_transfer);
    CHECK_EQ(gnttab_op(GNTTABOP_transfer, t, 2), 0);
    CHECK_EQ(t[0].status, GNTST_okay);
    CHECK_EQ(t[1].status, GNTST_bad_page);
    CHECK_EQ(gt[53].flags, ACCEPTED);
    ungrant(gt, 53);
}

void test_main(void)
{
    gt = map_own_table();
    if ( !CHECK(gt != NULL) )
        return;
    test_transfer();
    test_refused();
    test_batch();
}
