/* SPDX-License-Identifier: GPL-2.0-only */
/* The dom-unpriv-domu image, from which dom-unpriv builds its domU. */

    .section .rodata
    .balign 8
    .globl domu_image, domu_image_end
domu_image:
    .incbin "tests/guests/dom-unpriv-domu.elf"
domu_image_end:

    .section .note.GNU-stack, "", @progbits
