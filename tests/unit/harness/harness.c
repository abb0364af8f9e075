/* SPDX-License-Identifier: GPL-2.0-only */
/* CUnit runner shared by the host unit tests. */

#include <CUnit/Basic.h>
#include <stdio.h>

#include "harness.h"

int harness_run(CU_SuiteInfo *suites)
{
    unsigned int failures;

    if ( CU_initialize_registry() != CUE_SUCCESS )
    {
        fprintf(stderr, "CUnit: %s\n", CU_get_error_msg());
        return 2;
    }
    if ( CU_register_suites(suites) != CUE_SUCCESS )
    {
        fprintf(stderr, "CUnit: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return 2;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = CU_get_number_of_failures() +
               CU_get_number_of_suites_failed();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}
