/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A guest GDT: set_gdt takes frames the guest no longer maps writable,
 * checks every descriptor (raising DPLs to 3, refusing system descriptors
 * other than disarmed call gates) and keeps the frames from being mapped
 * writable while in use; update_descriptor writes one checked descriptor.
 * The guest's selectors then load, fault (#NP, #GP) as the CPU would, and
 * serve as CS through iret.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-gdt: set_gdt and update_descriptor";

#define PAGE        4096UL
#define PTE_RW      0x2UL
#define PTE_ADDR    0x000ffffffffff000UL

#define DATA_DPL0   0x00cf92000000ffffUL    /* flat data, DPL 0 */
#define DATA_DPL3   0x00cff2000000ffffUL
#define CODE64_DPL0 0x00af9a000000ffffUL    /* 64-bit code, DPL 0 */
#define CODE64_DPL3 0x00affa000000ffffUL
#define DATA_NP     0x00cf72000000ffffUL    /* DPL 3, not present */
#define TSS_DESC    0x0000890000000067UL

static uint64_t gdt[512] __attribute__((aligned(PAGE)));
static uint64_t spare[512] __attribute__((aligned(PAGE)));

static const unsigned long *p2m(void)
{
    return (const unsigned long *)start_info->mfn_list;
}

static unsigned long mfn_of(const void *va)
{
    return p2m()[((unsigned long)va - VIRT_BASE) / PAGE];
}

/* The L1 entry of one of our start-of-day pages (M2P to find tables). */
static uint64_t pte_of(const void *va)
{
    const unsigned long *m2p = (const unsigned long *)0xffff800000000000UL;
    unsigned long a = (unsigned long)va;
    uint64_t e = ((uint64_t *)start_info->pt_base)[(a >> 39) & 511];

    for ( unsigned int shift = 30; shift >= 12; shift -= 9 )
        e = ((uint64_t *)(VIRT_BASE + m2p[(e & PTE_ADDR) >> 12] * PAGE))
            [(a >> shift) & 511];
    return e;
}

static long remap(void *va, bool writable)
{
    uint64_t pte = pte_of(va);

    pte = writable ? pte | PTE_RW : pte & ~PTE_RW;
    return HYPERVISOR_update_va_mapping((unsigned long)va, pte, UVMF_INVLPG);
}

static uint16_t sel;

/* Through AX: a two-byte MOV, which the #GP/#NP handlers skip. */
static void load_fs(void)
{
    asm volatile ( "mov %0, %%fs" :: "a" (sel) );
}

/* iret to kernel mode on our own 64-bit code segment; read CS there. */
unsigned long cs_seen;
unsigned long gdt_iret_rsp;
extern char gdt_on_own_cs[];
long gdt_iret(struct iret_context *ctx);
asm ( "    .text\n"
      "    .globl gdt_iret\n"
      "gdt_iret:\n"
      "    push %rbx\n"
      "    push %rbp\n"
      "    mov %rsp, gdt_iret_rsp(%rip)\n"
      "    mov %rsp, 56(%rdi)\n"
      "    mov %rdi, %rsp\n"
      "    mov $23, %eax\n"
      "    syscall\n"
      "    .globl gdt_on_own_cs\n"
      "gdt_on_own_cs:\n"
      "    xor %eax, %eax\n"
      "    mov %cs, %ax\n"
      "    mov %rax, cs_seen(%rip)\n"
      "    pop %rbp\n"
      "    pop %rbx\n"
      "    ret\n" );

void test_main(void)
{
    unsigned long frame;
    struct iret_context ctx;

    traps_init();
    memset(gdt, 0, sizeof(gdt));
    gdt[1] = DATA_DPL0;
    gdt[2] = CODE64_DPL0;
    gdt[3] = DATA_NP;
    gdt[5] = DATA_DPL3;
    frame = mfn_of(gdt);

    printf("cpu-gdt: refusals\n");
    /* Still mapped writable: it cannot become a descriptor page. */
    CHECK_EQ(HYPERVISOR_set_gdt(&frame, 16), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_gdt(&frame, 7169), -EINVAL);
    CHECK_EQ(HYPERVISOR_set_gdt((void *)0x1000, 16), -EFAULT);
    {
        unsigned long bad = mfn_of((void *)start_info->pt_base);

        CHECK_EQ(HYPERVISOR_set_gdt(&bad, 16), -EINVAL);
        bad = 0x7fffffffffUL;
        CHECK_EQ(HYPERVISOR_set_gdt(&bad, 16), -EINVAL);
    }

    printf("cpu-gdt: a read-only frame is taken, DPLs raised\n");
    CHECK_EQ(remap(gdt, false), 0);
    CHECK_EQ(HYPERVISOR_set_gdt(&frame, 16), 0);
    CHECK_EQ(gdt[1], DATA_DPL3);
    CHECK_EQ(gdt[2], CODE64_DPL3);
    CHECK_EQ(gdt[3], DATA_NP);
    /* In use, it cannot be mapped writable again. */
    CHECK(remap(gdt, true) != 0);

    printf("cpu-gdt: selectors\n");
    sel = 0x0b;
    load_fs();
    {
        uint16_t fs;

        asm volatile ( "mov %%fs, %0" : "=r" (fs) );
        CHECK_EQ(fs, 0x0b);
    }
    sel = 0x1b;
    CHECK(expect_trap(11, 2, load_fs));
    CHECK_EQ(last_trap.f.error_code, 0x18);
    /* Past the frame's last descriptor page: the zero page, #GP. */
    sel = 512 * 8 + 3;
    CHECK(expect_trap(13, 2, load_fs));
    CHECK_EQ(last_trap.f.error_code, 512 * 8);
    sel = 0;
    load_fs();

    printf("cpu-gdt: our own code segment through iret\n");
    ctx = (struct iret_context){
        .rip = (unsigned long)gdt_on_own_cs, .cs = 0x10, .rflags = 0x2,
        .ss = FLAT_KERNEL_SS,
    };
    gdt_iret(&ctx);
    CHECK_EQ(cs_seen, 0x13);
    ctx = (struct iret_context){
        .rip = (unsigned long)gdt_on_own_cs, .cs = KERNEL_CS_RPL0,
        .rflags = 0x2, .ss = FLAT_KERNEL_SS,
    };
    gdt_iret(&ctx);
    CHECK_EQ(cs_seen, FLAT_KERNEL_CS);

    printf("cpu-gdt: update_descriptor\n");
    {
        uint64_t ma = (uint64_t)frame << 12;
        uint64_t gate = 0x0000ec0000130000UL | 0x1000;

        CHECK_EQ(HYPERVISOR_update_descriptor(ma + 4 * 8, DATA_DPL0), 0);
        CHECK_EQ(gdt[4], DATA_DPL3);
        CHECK_EQ(HYPERVISOR_update_descriptor(ma + 4 * 8 + 4, DATA_DPL0),
                 -EINVAL);
        CHECK_EQ(HYPERVISOR_update_descriptor(ma + 6 * 8, TSS_DESC),
                 -EINVAL);
        /* A call gate to the hypervisor's code: refused. */
        CHECK_EQ(HYPERVISOR_update_descriptor(ma + 6 * 8,
                                              0x0000ec00e0080000UL),
                 -EINVAL);
        /* One to ours: accepted with DPL 0, its DPL kept in the RPL. */
        CHECK_EQ(HYPERVISOR_update_descriptor(ma + 6 * 8, gate), 0);
        CHECK_EQ(gdt[6], 0x00008c0000130000UL | 0x1000 | (3UL << 16));
        /* A page table may not take one; plain memory may. */
        CHECK_EQ(HYPERVISOR_update_descriptor(
                     (uint64_t)mfn_of((void *)start_info->pt_base) << 12,
                     DATA_DPL3), -EINVAL);
        CHECK_EQ(HYPERVISOR_update_descriptor((uint64_t)mfn_of(spare) << 12
                                              | 8, DATA_DPL0), 0);
        CHECK_EQ(spare[1], DATA_DPL3);
        CHECK_EQ(HYPERVISOR_update_descriptor(0, DATA_DPL3), -EINVAL);
    }

    printf("cpu-gdt: released by a new set_gdt\n");
    CHECK_EQ(HYPERVISOR_set_gdt(NULL, 0), 0);
    CHECK_EQ(remap(gdt, true), 0);
    gdt[1] = 0;
}
