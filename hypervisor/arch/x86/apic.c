/* SPDX-License-Identifier: GPL-2.0-only */
/* Local APIC bring-up on each CPU, the legacy PICs put to sleep, and
 * interprocessor interrupts. */

#include <hv/console.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/msr.h>
#include <asm/pagetable.h>
#include <asm/processor.h>
#include <asm/traps.h>

#define PIC1_CMD    0x20
#define PIC1_DATA   0x21
#define PIC2_CMD    0xa0
#define PIC2_DATA   0xa1

static volatile uint8_t *apic_base;

uint32_t apic_read(unsigned int reg)
{
    return mmio_read32(apic_base + reg);
}

void apic_write(unsigned int reg, uint32_t v)
{
    mmio_write32(apic_base + reg, v);
}

void apic_eoi(void)
{
    apic_write(APIC_EOI, 0);
}

/*
 * Masked PICs can still signal a spurious IRQ 7 or 15; moving them to
 * vectors 0x20..0x2f keeps those away from the exception vectors.
 */
static void pic_disable(void)
{
    outb(0x11, PIC1_CMD);           /* ICW1: init, ICW4 follows */
    outb(0x11, PIC2_CMD);
    outb(0x20, PIC1_DATA);          /* ICW2: vector bases */
    outb(0x28, PIC2_DATA);
    outb(0x04, PIC1_DATA);          /* ICW3: slave on IRQ 2 */
    outb(0x02, PIC2_DATA);
    outb(0x01, PIC1_DATA);          /* ICW4: 8086 mode */
    outb(0x01, PIC2_DATA);
    outb(0xff, PIC1_DATA);          /* mask everything */
    outb(0xff, PIC2_DATA);
}

static void apic_error(struct cpu_user_regs *regs)
{
    uint32_t esr;

    apic_write(APIC_ESR, 0);
    esr = apic_read(APIC_ESR);
    printk(LOG_WARNING "APIC error on CPU%u: ESR %#x\n",
           apic_read(APIC_ID) >> 24, esr);
}

/* This CPU's local APIC on, its timer masked until first armed. */
void apic_init_local(void)
{
    uint64_t base = rdmsr(MSR_IA32_APIC_BASE);

    if ( !(base & APIC_BASE_ENABLE) )
        wrmsr(MSR_IA32_APIC_BASE, base | APIC_BASE_ENABLE);
    if ( !apic_base )
        apic_base = ioremap(base & APIC_BASE_ADDR_MASK, PAGE_SIZE);

    apic_write(APIC_TPR, 0);
    apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | TIMER_VECTOR);
    apic_write(APIC_LVT_LINT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
    apic_write(APIC_LVT_LINT1, APIC_DM_NMI);
    apic_write(APIC_LVT_ERROR, ERROR_VECTOR);
    /* ESR is latched by a write; two clear stale state. */
    apic_write(APIC_ESR, 0);
    apic_write(APIC_ESR, 0);
    apic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_VECTOR);
    apic_write(APIC_TDCR, APIC_TDR_DIV_16);
}

void apic_init(void)
{
    uint64_t base = rdmsr(MSR_IA32_APIC_BASE);

    pic_disable();
    apic_init_local();
    request_irq(ERROR_VECTOR, apic_error);

    printk(LOG_INFO "Local APIC %u at %#llx, version %#x\n",
           apic_read(APIC_ID) >> 24,
           (unsigned long long)(base & APIC_BASE_ADDR_MASK),
           apic_read(APIC_LVR) & 0xff);
}

void apic_timer_oneshot(uint32_t ticks)
{
    apic_write(APIC_LVT_TIMER, TIMER_VECTOR);
    apic_write(APIC_TMICT, ticks);
}

uint32_t apic_timer_current(void)
{
    return apic_read(APIC_TMCCT);
}

void apic_send_icr(uint32_t apic_id, uint32_t low)
{
    unsigned long flags;

    /* The two halves must not be split by an interrupt that sends too. */
    local_irq_save(flags);
    while ( apic_read(APIC_ICR_LOW) & APIC_ICR_BUSY )
        cpu_relax();
    apic_write(APIC_ICR_HIGH, apic_id << 24);
    apic_write(APIC_ICR_LOW, low);
    local_irq_restore(flags);
}
