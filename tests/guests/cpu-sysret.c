/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Returns that may leave by SYSRET (an iret with VGCF_in_syscall, a
 * hypercall) and those that must not (a plain iret), as Xen 4.17 under
 * QEMU shows them: TF from a plain iret traps after the target's first
 * instruction, TF through SYSRET already at the target; an instruction
 * breakpoint at the target fires after a plain iret without RF, and
 * neither after one with RF nor through SYSRET; a hypercall made with TF
 * set comes back and steps on.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-sysret: TF and RF through the return paths";

#define EFLAGS_TF 0x100UL
#define EFLAGS_IF 0x200UL
#define EFLAGS_RF 0x10000UL

extern char sysret_target[];

static unsigned int db_count;
static unsigned long db_rip;
uint64_t got_rcx, got_r11;

static void db_handler(struct trap_frame *f)
{
    db_count++;
    db_rip = f->rip;
    HYPERVISOR_set_debugreg(6, 0);
    f->rflags |= EFLAGS_RF;
    f->rflags &= ~EFLAGS_TF;
}

/*
 * long sysret_probe(struct iret_context *ctx): iret to sysret_target on
 * the caller's stack; the target runs two NOPs, keeps RCX and R11, and
 * returns the frame's RAX.
 */
long sysret_probe(struct iret_context *ctx);
asm ( "    .text\n"
      "    .globl sysret_probe\n"
      "sysret_probe:\n"
      "    push %rbx\n"
      "    push %rbp\n"
      "    lea sysret_target(%rip), %rax\n"
      "    mov %rax, 32(%rdi)\n"
      "    mov %rsp, 56(%rdi)\n"
      "    mov %rdi, %rsp\n"
      "    mov $23, %eax\n"
      "    syscall\n"
      "    ud2\n"
      "    .globl sysret_target\n"
      "sysret_target:\n"
      "    nop\n"
      "    nop\n"
      "    mov %rcx, got_rcx(%rip)\n"
      "    mov %r11, got_r11(%rip)\n"
      "    pop %rbp\n"
      "    pop %rbx\n"
      "    ret\n" );

static struct iret_context frame(uint64_t rflags, uint64_t flags)
{
    return (struct iret_context){
        .rax = 0x1234, .r11 = 0x5678, .rcx = 0x9abc, .flags = flags,
        .cs = KERNEL_CS_RPL0, .rflags = rflags, .ss = FLAT_KERNEL_SS,
    };
}

/* A hypercall with TF set: the step traps somewhere after the SYSCALL. */
static __attribute__((noinline)) long step_over_hypercall(void)
{
    long rc;

    asm volatile ( "pushf\n\t"
                   "orl $0x100, (%%rsp)\n\t"
                   "popf\n\t"
                   "syscall\n\t"
                   "nop\n\t"
                   "nop"
                   : "=a" (rc) : "a" (__HYPERVISOR_xen_version), "D" (0),
                     "S" (0)
                   : "rcx", "r11", "rdx", "r10", "r8", "memory" );
    return rc;
}

static void tf_case(uint64_t flags, const char *what)
{
    struct iret_context ctx = frame(0x2 | EFLAGS_IF | EFLAGS_TF, flags);

    printf("cpu-sysret: TF through %s\n", what);
    db_count = 0;
    CHECK_EQ(sysret_probe(&ctx), 0x1234);
    CHECK_EQ(db_count, 1);
    CHECK_EQ(db_rip, (unsigned long)sysret_target +
                     !(flags & VGCF_in_syscall));
    if ( flags & VGCF_in_syscall )
    {
        CHECK_EQ(got_rcx, (unsigned long)sysret_target);
        CHECK_EQ(got_r11 & (EFLAGS_TF | EFLAGS_IF), EFLAGS_TF | EFLAGS_IF);
    }
    else
    {
        CHECK_EQ(got_rcx, 0x9abc);
        CHECK_EQ(got_r11, 0x5678);
    }
}

static void rf_case(uint64_t rf, uint64_t flags, const char *what,
                    unsigned int want)
{
    struct iret_context ctx = frame(0x2 | EFLAGS_IF | rf, flags);

    printf("cpu-sysret: RF and a breakpoint through %s\n", what);
    db_count = 0;
    db_rip = 0;
    CHECK_EQ(sysret_probe(&ctx), 0x1234);
    CHECK_EQ(db_count, want);
    if ( want )
        CHECK_EQ(db_rip, (unsigned long)sysret_target);
}

void test_main(void)
{
    long version = HYPERVISOR_xen_version(XENVER_version, NULL);
    unsigned int i;

    traps_init();
    trap_set_handler(1, db_handler);

    tf_case(0, "a plain iret");
    tf_case(VGCF_in_syscall, "an iret with VGCF_in_syscall");

    CHECK_EQ(HYPERVISOR_set_debugreg(0, (unsigned long)sysret_target), 0);
    /* L0 only: execute, length 1. */
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0x1), 0);
    rf_case(0, 0, "a plain iret", 1);
    rf_case(EFLAGS_RF, 0, "a plain iret with RF", 0);
    rf_case(EFLAGS_RF, VGCF_in_syscall, "an iret with VGCF_in_syscall", 0);
    CHECK_EQ(HYPERVISOR_set_debugreg(7, 0), 0);

    printf("cpu-sysret: hypercalls with TF set\n");
    for ( i = 0; i < 4; i++ )
    {
        db_count = 0;
        CHECK_EQ(step_over_hypercall(), version);
        CHECK(db_count >= 1 && db_count <= 2);
    }
    *upcall_mask() = 1;
}
