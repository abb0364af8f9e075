/* SPDX-License-Identifier: GPL-2.0-only */
/* The platform-domu guest image, from which platform-* dom0 guests build. */

    .section .rodata
    .balign 8
    .globl domu_image, domu_image_end
domu_image:
    .incbin "tests/guests/platform-domu.elf"
domu_image_end:

    .section .note.GNU-stack, "", @progbits
