/* SPDX-License-Identifier: GPL-2.0-only */
/* The sched-domu guest image, from which the sched-* dom0 guests build. */

    .section .rodata
    .balign 8
    .globl domu_image, domu_image_end
domu_image:
    .incbin "tests/guests/sched-domu.elf"
domu_image_end:

    .section .note.GNU-stack, "", @progbits
