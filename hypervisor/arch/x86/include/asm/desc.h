/* SPDX-License-Identifier: GPL-2.0-only */
/* GDT, IDT and TSS.  The GDT follows Xen's layout so that PV guests see
 * Xen's flat selectors: 14 pages of guest entries, then one page of ours. */
#ifndef ASM_DESC_H
#define ASM_DESC_H

#include <asm/config.h>

#define NR_GDT_PAGES                15
#define FIRST_RESERVED_GDT_PAGE     14
#define FIRST_RESERVED_GDT_BYTE     (FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY    (FIRST_RESERVED_GDT_BYTE / 8)   /* 7168 */
#define NR_RESERVED_GDT_ENTRIES     512
#define LAST_RESERVED_GDT_BYTE      (FIRST_RESERVED_GDT_BYTE + 4096 - 1)

/* Selectors in the reserved page (entry 7168 + n is selector 0xe000 + 8n). */
#define __HYPERVISOR_CS             0xe008  /* 64-bit code, DPL0 */
#define __HYPERVISOR_DS             0xe010  /* flat data, DPL0 */
#define __HYPERVISOR_DS64           __HYPERVISOR_DS
#define __HYPERVISOR_SS             __HYPERVISOR_DS
/*
 * 0xe019: null, as in Xen's 64-bit GDT.  The guest selectors come from
 * <public/arch-x86/xen-x86_64.h>: FLAT_RING3_CS32 0xe023 (32-bit code,
 * DPL3), FLAT_RING3_DS32/SS 0xe02b (flat data, DPL3), FLAT_RING3_CS64
 * 0xe033 (64-bit code, DPL3).
 */
#define __HYPERVISOR_CS32           0xe038  /* 32-bit code, DPL0 */
/* As Xen 4.17: TSS at entry 7168 + 8, LDT at + 10 (16-byte system
 * descriptors), then a data entry whose limit is the CPU number. */
#define TSS_ENTRY                   (FIRST_RESERVED_GDT_ENTRY + 8)
#define LDT_ENTRY                   (TSS_ENTRY + 2)
#define PER_CPU_GDT_ENTRY           (LDT_ENTRY + 2)
#define TSS_SELECTOR                (TSS_ENTRY << 3)        /* 0xe040 */
#define LDT_SELECTOR                (LDT_ENTRY << 3)        /* 0xe050 */
#define PER_CPU_SELECTOR            (PER_CPU_GDT_ENTRY << 3) /* 0xe060 */

/* Where CPU n's GDT is seen: 15 pages plus a guard page. */
#define GDT_VIRT_START(cpu) \
    (GDT_AREA_VIRT_START + ((unsigned long)(cpu) << GDT_AREA_SHIFT))
#define GDT_LIMIT                   (NR_GDT_PAGES * 4096 - 1)

/* Vectors of the machine layer's own interrupts. */
#define TIMER_VECTOR                0xf0
#define ERROR_VECTOR                0xfe
#define SPURIOUS_VECTOR             0xff
#define FIRST_IRQ_VECTOR            0x20

#ifndef __ASSEMBLY__

#include <hv/types.h>

struct __packed tss64
{
    uint32_t reserved0;
    uint64_t rsp0, rsp1, rsp2;
    uint64_t reserved1;
    uint64_t ist[7];                /* ist[0] is IST1 */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
};

struct desc_ptr
{
    uint16_t limit;
    uint64_t base;
} __packed;

typedef struct
{
    uint64_t a, b;
} idt_entry_t;

extern idt_entry_t idt_table[256];
extern struct tss64 per_cpu_tss[NR_CPUS];

/*
 * Install an interrupt gate (IF cleared on entry) for 'vec' at 'handler'
 * with the given DPL (3 lets int $vec from a guest) and IST index
 * (IST_NONE, IST_DF, IST_NMI, IST_MCE).
 */
void set_idt_gate(unsigned int vec, void *handler, unsigned int dpl,
                  unsigned int ist);

/* The entry stub of a vector (entry.S), for set_idt_gate(). */
void *entry_stub(unsigned int vec);

/* The reserved (hypervisor) page of a CPU's GDT: entries 7168..7679. */
uint64_t *gdt_reserved_page(unsigned int cpu);

/*
 * Map 'mfn' as page 'page' (0..13) of the current CPU's GDT window, or
 * the zero page (read-only, every descriptor null) when mfn is 0.  For
 * loading a guest's GDT frames on context switch.
 */
void gdt_map_guest_frame(unsigned int page, unsigned long mfn);

/* Build this CPU's GDT and TSS, load GDTR, IDTR, TR and the segments. */
void cpu_desc_init(unsigned int cpu);

/* Fill the IDT with the entry stubs (once, on the boot CPU). */
void idt_init(void);

static inline void lgdt(const struct desc_ptr *p)
{
    asm volatile ( "lgdt %0" : : "m" (*p) );
}

static inline void lidt(const struct desc_ptr *p)
{
    asm volatile ( "lidt %0" : : "m" (*p) );
}

static inline void ltr(uint16_t sel)
{
    asm volatile ( "ltr %0" : : "rm" (sel) );
}

static inline void lldt(uint16_t sel)
{
    asm volatile ( "lldt %0" : : "rm" (sel) );
}

#endif /* !__ASSEMBLY__ */

#endif /* ASM_DESC_H */
