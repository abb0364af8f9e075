/* SPDX-License-Identifier: GPL-2.0-only */
/* The cpu-domu guest image, from which cpu-xsave and cpu-cpuid-domu build. */

    .section .rodata
    .balign 8
    .globl domu_image, domu_image_end
domu_image:
    .incbin "tests/guests/cpu-domu.elf"
domu_image_end:

    .section .note.GNU-stack, "", @progbits
