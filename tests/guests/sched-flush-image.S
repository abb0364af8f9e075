/* SPDX-License-Identifier: GPL-2.0-only */
/* The sched-flush-domu guest image, from which sched-flush builds. */

    .section .rodata
    .balign 8
    .globl domu_image, domu_image_end
domu_image:
    .incbin "tests/guests/sched-flush-domu.elf"
domu_image_end:

    .section .note.GNU-stack, "", @progbits
