/* SPDX-License-Identifier: GPL-2.0-only */
/* The local APIC (xAPIC, memory-mapped) and the legacy PIC. */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include <hv/types.h>

#define APIC_ID             0x020
#define APIC_LVR            0x030
#define APIC_TPR            0x080
#define APIC_EOI            0x0b0
#define APIC_SVR            0x0f0
#define  APIC_SVR_ENABLE    0x100
#define APIC_ESR            0x280
#define APIC_ICR_LOW        0x300
#define  APIC_ICR_BUSY      (1u << 12)
#define  APIC_ICR_ASSERT    (1u << 14)
#define  APIC_DM_INIT       0x500
#define  APIC_DM_STARTUP    0x600
#define APIC_ICR_HIGH       0x310
#define APIC_LVT_TIMER      0x320
#define APIC_LVT_LINT0      0x350
#define APIC_LVT_LINT1      0x360
#define APIC_LVT_ERROR      0x370
#define  APIC_LVT_MASKED    (1u << 16)
#define  APIC_DM_NMI        0x400
#define  APIC_DM_EXTINT     0x700
#define APIC_TMICT          0x380   /* timer initial count */
#define APIC_TMCCT          0x390   /* timer current count */
#define APIC_TDCR           0x3e0   /* timer divide configuration */
#define  APIC_TDR_DIV_16    0x3

uint32_t apic_read(unsigned int reg);
void apic_write(unsigned int reg, uint32_t v);

/* Enable this CPU's local APIC, mask the 8259 PICs. */
void apic_init(void);
/* The same for a secondary CPU: its own local APIC only. */
void apic_init_local(void);
/* Write the ICR: 'low' (vector, delivery mode...) to local APIC apic_id. */
void apic_send_icr(uint32_t apic_id, uint32_t low);

/* End of interrupt for the vector being handled. */
void apic_eoi(void);

/* One-shot timer: interrupt on TIMER_VECTOR after 'ticks' (0 stops it). */
void apic_timer_oneshot(uint32_t ticks);

uint32_t apic_timer_current(void);

#endif /* ASM_APIC_H */
