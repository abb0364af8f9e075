/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A round trip through guest user mode: iret to CS 0xe033 with the user
 * page table, back by SYSCALL (bounced to the syscall callback on the
 * kernel stack, frame RCX, R11, RIP, CS, RFLAGS, RSP, SS) and by
 * int $0x80, and a kernel handler that returns to user mode again.  The
 * GS base follows the mode.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-user-mode: into user mode and back";

#define EFLAGS_IF 0x200UL
#define EFLAGS_DF 0x400UL

static uint64_t kernel_gs_word = 0x4b4b4b4b;
static uint64_t user_gs_word = 0x55555555;
extern char user_syscall_insn[], user_int80_insn[];

static long plus_one(long arg)
{
    return arg + 1;
}

static long read_cs(long arg)
{
    unsigned long cs;

    asm volatile ( "mov %%cs, %0" : "=r" (cs) );
    return cs;
}

static long read_gs_word(long arg)
{
    uint64_t v;

    asm volatile ( "mov %%gs:0, %0" : "=r" (v) );
    return v;
}

/* Leave by a raw SYSCALL with a chosen RFLAGS (DF set, CF set). */
static long raw_syscall(long arg)
{
    long ret;

    asm volatile ( "std; stc\n\t"
                   "mov %1, %%rdi\n\t"
                   ".globl user_syscall_insn\n"
                   "user_syscall_insn: syscall\n\t"
                   "ud2"
                   : "=a" (ret) : "r" (arg + 100), "a" (USER_EXIT)
                   : "rdi", "rcx", "r11", "memory" );
    return ret;
}

static long by_int80(long arg)
{
    asm volatile ( "mov %0, %%rdi\n\t"
                   ".globl user_int80_insn\n"
                   "user_int80_insn: int $0x80\n\t"
                   "ud2"
                   :: "r" (arg + 200), "a" (USER_EXIT) : "rdi", "memory" );
    return 0;
}

/* int $0x20 from user mode: the kernel handler answers and returns. */
static struct trap_frame int20_frame;

static void int20_handler(struct trap_frame *f)
{
    int20_frame = *f;
    f->rax = 0x2020;
}

static long int20_round_trip(long arg)
{
    long rax = 0;

    asm volatile ( "int $0x20" : "+a" (rax) :: "memory" );
    return rax + arg;
}

void test_main(void)
{
    const struct trap_frame *f = &user_last_frame;

    traps_init();
    CHECK_EQ(user_mode_init(), 0);
    CHECK_EQ(trap_register(0x80, 3, 0), 0);
    CHECK_EQ(trap_register(0x20, 3, 0), 0);
    trap_set_handler(0x20, int20_handler);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL,
                                         (unsigned long)&kernel_gs_word), 0);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER,
                                         (unsigned long)&user_gs_word), 0);

    printf("cpu-user-mode: call and return\n");
    CHECK_EQ(user_call(plus_one, 41), 42);
    CHECK_EQ(f->vector, VEC_SYSCALL);
    CHECK_EQ(f->cs, FLAT_USER_CS);
    CHECK_EQ(f->ss, FLAT_USER_SS);
    CHECK(f->rflags & EFLAGS_IF);
    /* The bounce from user mode lands on the stack_switch stack. */
    CHECK_EQ(last_trap.frame_rip, (kernel_stack_top & ~15UL) - 40);

    printf("cpu-user-mode: user code runs on CS 0xe033 too\n");
    CHECK_EQ(user_call(read_cs, 0), FLAT_USER_CS);

    printf("cpu-user-mode: GS base swapped with the mode\n");
    CHECK_EQ(user_call(read_gs_word, 0), 0x55555555);
    {
        uint64_t v;

        asm volatile ( "mov %%gs:0, %0" : "=r" (v) );
        CHECK_EQ(v, 0x4b4b4b4b);
    }

    printf("cpu-user-mode: the syscall frame\n");
    CHECK_EQ(user_call(raw_syscall, 1), 101);
    CHECK_EQ(f->rip, (unsigned long)user_syscall_insn + 2);
    /* SYSCALL put the return RIP in RCX and RFLAGS in R11. */
    CHECK_EQ(f->xrcx, (unsigned long)user_syscall_insn + 2);
    CHECK_EQ(f->xr11 & (EFLAGS_DF | 1), EFLAGS_DF | 1);
    CHECK_EQ(f->rflags & (EFLAGS_DF | 1), EFLAGS_DF | 1);
    /*
     * The callback runs with the flags masked by the low half of its
     * frame's address (Xen 4.17's way of clearing DF).
     */
    CHECK_EQ(f->r11 & 0xcd5, f->rflags & 0xcd5 &
             ((kernel_stack_top & ~15UL) - 56));
    CHECK_EQ(f->rcx, trap_stub(VEC_SYSCALL));
    /* Registered with CALLBACKF_mask_events: it ran with events masked. */
    CHECK_EQ(last_trap.mask_at_entry, 1);

    printf("cpu-user-mode: int $0x80 from user mode\n");
    CHECK_EQ(user_call(by_int80, 1), 201);
    CHECK_EQ(f->vector, 0x80);
    CHECK_EQ(f->rip, (unsigned long)user_int80_insn + 2);
    CHECK_EQ(f->cs, FLAT_USER_CS);

    printf("cpu-user-mode: a kernel handler returning to user mode\n");
    CHECK_EQ(user_call(int20_round_trip, 5), 0x2025);
    CHECK_EQ(int20_frame.vector, 0x20);
    CHECK_EQ(int20_frame.cs, FLAT_USER_CS);

    printf("cpu-user-mode: again, twice\n");
    CHECK_EQ(user_call(plus_one, 1), 2);
    CHECK_EQ(user_call(plus_one, 2), 3);
}
