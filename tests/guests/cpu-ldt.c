/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A guest LDT (MMUEXT_SET_LDT): its selectors load once the page holding
 * it is mapped read-only; while the page is still writable, the first use
 * gives the guest a #PF at the LDT's own address; selectors past the
 * LDT's end, or with no LDT, give #GP; an LDT code segment serves as CS
 * through iret; SET_LDT(0, 0) drops it all.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-ldt: MMUEXT_SET_LDT and LDT selectors";

#define PAGE        4096UL
#define PTE_RW      0x2UL
#define PTE_ADDR    0x000ffffffffff000UL
#define DATA_DPL3   0x00cff2000000ffffUL
#define DATA_DPL0   0x00cf92000000ffffUL
#define CODE64_DPL3 0x00affa000000ffffUL

static uint64_t ldt[1024] __attribute__((aligned(PAGE)));
static uint16_t sel;

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

static long set_ldt(void *base, unsigned int ents)
{
    struct mmuext_op op = {
        .cmd = MMUEXT_SET_LDT, .arg1.linear_addr = (unsigned long)base,
        .arg2.nr_ents = ents,
    };

    return HYPERVISOR_mmuext_op(&op, 1, NULL);
}

/* Through AX: a two-byte MOV, which the #GP/#NP handlers skip. */
static void load_fs(void)
{
    asm volatile ( "mov %0, %%fs" :: "a" (sel) );
}

static uint16_t read_fs(void)
{
    uint16_t v;

    asm volatile ( "mov %%fs, %0" : "=r" (v) );
    return v;
}

unsigned long cs_seen;
long ldt_iret(struct iret_context *ctx);
asm ( "    .text\n"
      "    .globl ldt_iret\n"
      "ldt_iret:\n"
      "    push %rbx\n"
      "    push %rbp\n"
      "    mov %rsp, 56(%rdi)\n"
      "    lea 1f(%rip), %rax\n"
      "    mov %rax, 32(%rdi)\n"
      "    mov %rdi, %rsp\n"
      "    mov $23, %eax\n"
      "    syscall\n"
      "1:  xor %eax, %eax\n"
      "    mov %cs, %ax\n"
      "    mov %rax, cs_seen(%rip)\n"
      "    pop %rbp\n"
      "    pop %rbx\n"
      "    ret\n" );

void test_main(void)
{
    struct iret_context ctx;

    traps_init();
    memset(ldt, 0, sizeof(ldt));
    ldt[0] = DATA_DPL3;
    ldt[1] = DATA_DPL0;
    ldt[2] = CODE64_DPL3;
    ldt[600] = DATA_DPL3;

    printf("cpu-ldt: no LDT: #GP\n");
    sel = 0x7;
    CHECK(expect_trap(13, 2, load_fs));
    CHECK_EQ(last_trap.f.error_code, 0x4);

    printf("cpu-ldt: the LDT page still writable: #PF at its address\n");
    CHECK_EQ(set_ldt(ldt, 3), 0);
    CHECK(expect_trap(14, 2, load_fs));
    CHECK_EQ(last_trap.cr2, (unsigned long)ldt);
    CHECK_EQ(last_trap.f.error_code, 0);

    printf("cpu-ldt: read-only: selectors load\n");
    CHECK_EQ(remap(ldt, false), 0);
    load_fs();
    CHECK_EQ(read_fs(), 0x7);
    /*
     * The DPL-0 descriptor was raised to 3 when the page was typed; the
     * CPU marked it accessed when it loaded it.
     */
    sel = 0xf;
    load_fs();
    CHECK_EQ(read_fs(), 0xf);
    CHECK_EQ(ldt[1], DATA_DPL3 | (1UL << 40));
    /* The page is in use: it cannot become writable. */
    CHECK(remap(ldt, true) != 0);

    printf("cpu-ldt: past the end: #GP\n");
    sel = 3 * 8 + 7;
    CHECK(expect_trap(13, 2, load_fs));
    CHECK_EQ(last_trap.f.error_code, 3 * 8 + 4);

    printf("cpu-ldt: an LDT code segment as CS\n");
    ctx = (struct iret_context){ .cs = 2 * 8 + 4, .rflags = 0x2,
                                 .ss = FLAT_KERNEL_SS };
    ldt_iret(&ctx);
    CHECK_EQ(cs_seen, 2 * 8 + 7);
    ctx = (struct iret_context){ .cs = KERNEL_CS_RPL0, .rflags = 0x2,
                                 .ss = FLAT_KERNEL_SS };
    ldt_iret(&ctx);
    CHECK_EQ(cs_seen, FLAT_KERNEL_CS);

    printf("cpu-ldt: a second LDT page\n");
    CHECK_EQ(set_ldt(ldt, 1000), 0);
    sel = 600 * 8 + 7;
    CHECK_EQ(remap(ldt + 512, false), 0);
    load_fs();
    CHECK_EQ(read_fs(), 600 * 8 + 7);
    CHECK(remap(ldt + 512, true) != 0);

    printf("cpu-ldt: SET_LDT(0, 0)\n");
    sel = 0;
    load_fs();
    CHECK_EQ(set_ldt(NULL, 0), 0);
    sel = 0x7;
    CHECK(expect_trap(13, 2, load_fs));
    CHECK_EQ(remap(ldt, true), 0);
    CHECK_EQ(remap(ldt + 512, true), 0);
    sel = 0;
    load_fs();
}
