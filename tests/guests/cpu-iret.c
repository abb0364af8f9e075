/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_iret back to guest kernel mode: RAX, RCX and R11 come from
 * the frame (or, with VGCF_in_syscall, RCX and R11 are left as SYSRET
 * leaves them: RIP and RFLAGS), RPL 3 is forced on CS and SS, IOPL is
 * dropped and IF set, and the upcall mask follows the frame's IF.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-iret: the iret hypercall to kernel mode";

#define EFLAGS_IF   0x200UL
#define EFLAGS_DF   0x400UL
#define EFLAGS_IOPL 0x3000UL

/* What the code at the iret's target found. */
struct {
    uint64_t rax, rcx, r11, rsp, rflags, cs, ss;
} iret_got;

extern char iret_target[];

/*
 * long iret_probe(struct iret_context *ctx): fill in the target and the
 * stack pointer, make the hypercall, record the registers at the target.
 */
long iret_probe(struct iret_context *ctx);
asm ( "    .text\n"
      "    .globl iret_probe\n"
      "iret_probe:\n"
      "    push %rbx\n"
      "    push %rbp\n"
      "    lea iret_target(%rip), %rax\n"
      "    mov %rax, 32(%rdi)\n"
      "    mov %rsp, 56(%rdi)\n"
      "    mov %rdi, %rsp\n"
      "    mov $23, %eax\n"
      "    syscall\n"
      "    ud2\n"
      "    .globl iret_target\n"
      "iret_target:\n"
      "    mov %rax, iret_got(%rip)\n"
      "    mov %rcx, iret_got+8(%rip)\n"
      "    mov %r11, iret_got+16(%rip)\n"
      "    mov %rsp, iret_got+24(%rip)\n"
      "    pushf\n"
      "    pop iret_got+32(%rip)\n"
      "    cld\n"
      "    xor %eax, %eax\n"
      "    mov %cs, %ax\n"
      "    mov %rax, iret_got+40(%rip)\n"
      "    mov %ss, %ax\n"
      "    mov %rax, iret_got+48(%rip)\n"
      "    mov iret_got(%rip), %rax\n"
      "    pop %rbp\n"
      "    pop %rbx\n"
      "    ret\n" );

static struct iret_context frame(uint64_t rflags, uint64_t flags)
{
    return (struct iret_context){
        .rax = 0x1234, .r11 = 0x5678, .rcx = 0x9abc, .flags = flags,
        /* RPL 3 would mean user mode: kernel frames carry RPL 0. */
        .cs = KERNEL_CS_RPL0, .rflags = rflags, .ss = FLAT_KERNEL_SS,
    };
}

void test_main(void)
{
    struct iret_context ctx;

    traps_init();

    printf("cpu-iret: plain return, events left masked\n");
    ctx = frame(0x2 | EFLAGS_DF, 0);
    CHECK_EQ(iret_probe(&ctx), 0x1234);
    CHECK_EQ(iret_got.rcx, 0x9abc);
    CHECK_EQ(iret_got.r11, 0x5678);
    CHECK_EQ(iret_got.rsp, ctx.rsp);
    /* IF is always on in the guest; DF came through. */
    CHECK_EQ(iret_got.rflags & (EFLAGS_IF | EFLAGS_DF), EFLAGS_IF | EFLAGS_DF);
    CHECK_EQ(iret_got.cs, FLAT_KERNEL_CS);
    CHECK_EQ(iret_got.ss, FLAT_KERNEL_SS);
    CHECK_EQ(*upcall_mask(), 1);

    printf("cpu-iret: IF in the frame unmasks events\n");
    ctx = frame(0x2 | EFLAGS_IF, 0);
    CHECK_EQ(iret_probe(&ctx), 0x1234);
    CHECK_EQ(*upcall_mask(), 0);
    ctx = frame(0x2, 0);
    CHECK_EQ(iret_probe(&ctx), 0x1234);
    CHECK_EQ(*upcall_mask(), 1);

    printf("cpu-iret: VGCF_in_syscall keeps RCX/R11 as SYSRET sets them\n");
    ctx = frame(0x2 | 0x1 | EFLAGS_IF, VGCF_in_syscall);
    CHECK_EQ(iret_probe(&ctx), 0x1234);
    CHECK_EQ(iret_got.rcx, (unsigned long)iret_target);
    CHECK_EQ(iret_got.r11 & 0xfff, 0x203);
    *upcall_mask() = 1;

    printf("cpu-iret: IOPL and VM dropped, RPL 3 forced\n");
    ctx = frame(0x2 | EFLAGS_IOPL | 0x20000, 0);
    ctx.cs = FLAT_KERNEL_CS & ~3;
    ctx.ss = FLAT_KERNEL_SS & ~3;
    CHECK_EQ(ctx.cs, 0xe030);
    CHECK_EQ(iret_probe(&ctx), 0x1234);
    CHECK_EQ(iret_got.rflags & (EFLAGS_IOPL | 0x20000), 0);
    CHECK_EQ(iret_got.cs, FLAT_KERNEL_CS);
    CHECK_EQ(iret_got.ss, FLAT_KERNEL_SS);
    CHECK_EQ(iret_got.rcx, 0x9abc);

    printf("cpu-iret: a 32-bit flat data SS works the same\n");
    ctx = frame(0x2, 0);
    ctx.ss = FLAT_USER_SS32;
    CHECK_EQ(iret_probe(&ctx), 0x1234);
    CHECK_EQ(iret_got.ss, FLAT_USER_SS32);
}
