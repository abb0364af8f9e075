/* SPDX-License-Identifier: GPL-2.0-only */
/* The cpu-xsave-domu guest image, from which cpu-xsave-ext builds. */

    .section .rodata
    .balign 8
    .globl domu_image, domu_image_end
domu_image:
    .incbin "tests/guests/cpu-xsave-domu.elf"
domu_image_end:

    .section .note.GNU-stack, "", @progbits
