/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An iret hypercall whose frame the CPU would refuse (a null or
 * hypervisor code selector, a data segment as CS, a bad SS, a
 * non-canonical RIP) ends in the guest's #GP handler, with the
 * selector's error code and the refused frame, exactly as if the guest's
 * own IRET had faulted: never in a fault of the hypervisor.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-iret-bad: frames IRETQ would refuse";

#define EFLAGS_RF 0x10000UL

static uint8_t stack[4096] __attribute__((aligned(16)));
static struct trap_frame gp_frame;
static unsigned int gp_count;
unsigned long iret_bad_rsp;

/* long iret_bad(struct iret_context *ctx): comes back via iret_bad_resume. */
long iret_bad(struct iret_context *ctx);
void iret_bad_resume(void);
asm ( "    .text\n"
      "    .globl iret_bad\n"
      "iret_bad:\n"
      "    push %rbx\n"
      "    push %rbp\n"
      "    push %r12\n"
      "    push %r13\n"
      "    push %r14\n"
      "    push %r15\n"
      "    mov %rsp, iret_bad_rsp(%rip)\n"
      "    mov %rdi, %rsp\n"
      "    mov $23, %eax\n"
      "    syscall\n"
      "    ud2\n"
      "    .globl iret_bad_resume\n"
      "iret_bad_resume:\n"
      "    mov iret_bad_rsp(%rip), %rsp\n"
      "    pop %r15\n"
      "    pop %r14\n"
      "    pop %r13\n"
      "    pop %r12\n"
      "    pop %rbp\n"
      "    pop %rbx\n"
      "    mov $1, %eax\n"
      "    ret\n" );

extern char iret_bad_target[];
asm ( ".text\n.globl iret_bad_target\niret_bad_target: ud2\n" );

static void gp_handler(struct trap_frame *f)
{
    gp_count++;
    gp_frame = *f;
    f->rip = (unsigned long)iret_bad_resume;
    f->cs = KERNEL_CS_RPL0;
    f->ss = FLAT_KERNEL_SS;
    f->rsp = (unsigned long)stack + sizeof(stack);
    f->rflags &= ~EFLAGS_RF;
}

static void try(const char *what, uint64_t cs, uint64_t ss, uint64_t rip,
                uint64_t ec, uint64_t rf)
{
    struct iret_context c = {
        .rax = 0x77, .rip = rip, .cs = cs, .rflags = 0x2,
        .rsp = (unsigned long)stack + sizeof(stack), .ss = ss,
    };
    unsigned int before = gp_count;

    printf("cpu-iret-bad: %s\n", what);
    CHECK_EQ(iret_bad(&c), 1);
    CHECK_EQ(gp_count, before + 1);
    CHECK_EQ(gp_frame.error_code, ec);
    CHECK_EQ(gp_frame.rip, rip);
    /* The frame shows the refused selectors, RPL 3 forced on SS. */
    CHECK_EQ(gp_frame.cs & 0xffff, cs & ~3);
    CHECK_EQ(gp_frame.ss, ss | 3);
    CHECK_EQ(gp_frame.rsp, c.rsp);
    CHECK_EQ(gp_frame.rflags & EFLAGS_RF, rf);
    CHECK_EQ(gp_frame.rax, 0x77);
}

void test_main(void)
{
    unsigned long t = (unsigned long)iret_bad_target;

    traps_init();
    trap_set_handler(13, gp_handler);

    try("CS of the hypervisor (DPL 0)", 0xe008, FLAT_KERNEL_SS, t,
        0xe008, 0);
    try("CS with no descriptor", 0x10, FLAT_KERNEL_SS, t, 0x10, 0);
    try("data segment as CS", 0xe028, FLAT_KERNEL_SS, t, 0xe028, 0);
    try("SS with no descriptor", KERNEL_CS_RPL0, 0x18, t, 0x18, 0);
    try("SS of the hypervisor", KERNEL_CS_RPL0, 0xe010, t, 0xe010, 0);
    try("code segment as SS", KERNEL_CS_RPL0, 0xe030, t, 0xe030, 0);
    try("non-canonical RIP", KERNEL_CS_RPL0, FLAT_KERNEL_SS,
        0x8000000000000000UL, 0, EFLAGS_RF);
    try("RIP in the upper half's hole", KERNEL_CS_RPL0, FLAT_KERNEL_SS,
        0xffff7ffffffff000UL, 0, EFLAGS_RF);
}
