/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the x86 decoder: a table of instructions assembled by GNU
 * as (length, sizes, the memory operand), prefixes, truncated and overlong
 * instructions, fetch faults, register helpers and write classification.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <asm/x86-decode.h>

#define B(...)      { __VA_ARGS__ }
#define NO_MEM      (-1)
#define NO_ACCESS   (-1)
#define RIP         0x400000ULL

struct dcase {
    const char *what;
    uint8_t mode;
    uint8_t len;
    uint8_t bytes[X86_MAX_INSN_LEN];
    enum x86_decode_rc rc;
    uint8_t op, ad;             /* 0: not checked */
    int seg;                    /* 0 (ES) .. 5 (GS), NO_MEM; checked */
    bool rip_rel;
    uint64_t ea;
    int sz;                     /* 0: not checked, -1: zero */
    int acc;                    /* 0: not checked, NO_ACCESS: none */
    bool check_imm;
    uint64_t imm;
};

/* Operand encodings as GNU as produced them, with the expected results
 * for the registers set up in test_regs(). */
static const struct dcase cases[] = {
    { "nop", 64, 1, B(0x90), .op = 4, .seg = NO_MEM },
    { "hlt", 64, 1, B(0xf4), .seg = NO_MEM },
    { "cpuid", 64, 2, B(0x0f, 0xa2), .seg = NO_MEM },
    { "rdmsr", 64, 2, B(0x0f, 0x32), .seg = NO_MEM },
    { "wrmsr", 64, 2, B(0x0f, 0x30), .seg = NO_MEM },
    { "rdtsc", 64, 2, B(0x0f, 0x31), .seg = NO_MEM },
    { "rdtscp", 64, 3, B(0x0f, 0x01, 0xf9), .seg = NO_MEM },
    { "xsetbv", 64, 3, B(0x0f, 0x01, 0xd1), .seg = NO_MEM },
    { "clts", 64, 2, B(0x0f, 0x06), .seg = NO_MEM },
    { "wbinvd", 64, 2, B(0x0f, 0x09), .seg = NO_MEM },
    { "invd", 64, 2, B(0x0f, 0x08), .seg = NO_MEM },
    { "cli", 64, 1, B(0xfa), .seg = NO_MEM },
    { "sti", 64, 1, B(0xfb), .seg = NO_MEM },
    { "in $0x60,%al", 64, 2, B(0xe4, 0x60), .op = 1, .seg = NO_MEM,
      .check_imm = true, .imm = 0x60ULL },
    { "in $0x71,%eax", 64, 2, B(0xe5, 0x71), .op = 4, .seg = NO_MEM,
      .check_imm = true, .imm = 0x71ULL },
    { "out %al,$0x80", 64, 2, B(0xe6, 0x80), .op = 1, .seg = NO_MEM,
      .check_imm = true, .imm = 0xffffffffffffff80ULL },
    { "out %ax,$0x70", 64, 3, B(0x66, 0xe7, 0x70), .op = 2, .seg = NO_MEM,
      .check_imm = true, .imm = 0x70ULL },
    { "in (%dx),%al", 64, 1, B(0xec), .op = 1, .seg = NO_MEM },
    { "in (%dx),%eax", 64, 1, B(0xed), .op = 4, .seg = NO_MEM },
    { "rex.w in (%dx),%eax", 64, 2, B(0x48, 0xed), .op = 8, .seg = NO_MEM },
    { "outb %al,(%dx)", 64, 1, B(0xee), .op = 1, .seg = NO_MEM },
    { "outw %ax,(%dx)", 64, 2, B(0x66, 0xef), .op = 2, .seg = NO_MEM },
    { "insb", 64, 1, B(0x6c), .op = 1, .seg = NO_MEM },
    { "insw", 64, 2, B(0x66, 0x6d), .op = 2, .seg = NO_MEM },
    { "insl", 64, 1, B(0x6d), .op = 4, .seg = NO_MEM },
    { "outsb", 64, 1, B(0x6e), .op = 1, .seg = NO_MEM },
    { "outsl", 64, 1, B(0x6f), .op = 4, .seg = NO_MEM },
    { "rep insb", 64, 2, B(0xf3, 0x6c), .op = 1, .seg = NO_MEM },
    { "rep outsw", 64, 3, B(0x66, 0xf3, 0x6f), .op = 2, .seg = NO_MEM },
    { "rep outsl %fs:(%rsi),(%dx)", 64, 3, B(0x64, 0xf3, 0x6f), .op = 4,
      .seg = NO_MEM },
    { "addr32 rep insl", 64, 3, B(0x67, 0xf3, 0x6d), .op = 4, .ad = 4,
      .seg = NO_MEM },
    { "mov %cr0,%rax", 64, 3, B(0x0f, 0x20, 0xc0), .op = 8, .seg = NO_MEM },
    { "mov %rax,%cr0", 64, 3, B(0x0f, 0x22, 0xc0), .op = 8, .seg = NO_MEM },
    { "mov %cr4,%r12", 64, 4, B(0x41, 0x0f, 0x20, 0xe4), .op = 8,
      .seg = NO_MEM },
    { "mov %r9,%cr3", 64, 4, B(0x41, 0x0f, 0x22, 0xd9), .op = 8,
      .seg = NO_MEM },
    { "mov %cr8,%rax", 64, 4, B(0x44, 0x0f, 0x20, 0xc0), .op = 8,
      .seg = NO_MEM },
    { "mov %db7,%rax", 64, 3, B(0x0f, 0x21, 0xf8), .op = 8, .seg = NO_MEM },
    { "mov %rax,%db0", 64, 3, B(0x0f, 0x23, 0xc0), .op = 8, .seg = NO_MEM },
    { "mov %r15,%db6", 64, 4, B(0x41, 0x0f, 0x23, 0xf7), .op = 8,
      .seg = NO_MEM },
    { ".byte 0xf0,0x0f,0x20,0xc0", 64, 4, B(0xf0, 0x0f, 0x20, 0xc0), .op = 8,
      .seg = NO_MEM },
    { "mov %rax,(%rdi)", 64, 3, B(0x48, 0x89, 0x07), .op = 8, .ad = 8,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8, .acc = X86_MEM_WRITE },
    { "mov %eax,0x10(%rbx,%rcx,8)", 64, 4, B(0x89, 0x44, 0xcb, 0x10), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x2028, .sz = 4, .acc = X86_MEM_WRITE },
    { "movq $0x12345678,0x8(%rsp)", 64, 9,
      B(0x48, 0xc7, 0x44, 0x24, 0x08, 0x78, 0x56, 0x34, 0x12), .op = 8,
      .seg = X86_SEG_SS, .ea = 0x8008, .sz = 8, .acc = X86_MEM_WRITE,
      .check_imm = true, .imm = 0x12345678ULL },
    { "movq $-1,0x8(%rsp)", 64, 9,
      B(0x48, 0xc7, 0x44, 0x24, 0x08, 0xff, 0xff, 0xff, 0xff), .op = 8,
      .seg = X86_SEG_SS, .ea = 0x8008, .sz = 8, .acc = X86_MEM_WRITE,
      .check_imm = true, .imm = 0xffffffffffffffffULL },
    { "movb $1,(%rbp)", 64, 4, B(0xc6, 0x45, 0x00, 0x01), .op = 1,
      .seg = X86_SEG_SS, .ea = 0x7000, .sz = 1, .acc = X86_MEM_WRITE,
      .check_imm = true, .imm = 0x1ULL },
    { "mov %rax,0x1000(%rip)", 64, 7,
      B(0x48, 0x89, 0x05, 0x00, 0x10, 0x00, 0x00), .op = 8, .seg = X86_SEG_DS,
      .rip_rel = true, .ea = 0x1000, .sz = 8, .acc = X86_MEM_WRITE },
    { "movl $5,0x1000(%rip)", 64, 10,
      B(0xc7, 0x05, 0x00, 0x10, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00), .op = 4,
      .seg = X86_SEG_DS, .rip_rel = true, .ea = 0x1000, .sz = 4,
      .acc = X86_MEM_WRITE, .check_imm = true, .imm = 0x5ULL },
    { "mov %ax,%gs:(%rdx)", 64, 4, B(0x65, 0x66, 0x89, 0x02), .op = 2,
      .seg = X86_SEG_GS, .ea = 0x4000, .sz = 2, .acc = X86_MEM_WRITE },
    { "movabs %rax,0x1122334455667788", 64, 10,
      B(0x48, 0xa3, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x1122334455667788ULL, .sz = 8,
      .acc = X86_MEM_WRITE },
    { "movabs 0x1122334455667788,%al", 64, 9,
      B(0xa0, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11), .op = 1,
      .seg = X86_SEG_DS, .ea = 0x1122334455667788ULL, .sz = 1,
      .acc = X86_MEM_READ },
    { "mov $0x1122334455667788,%r10", 64, 10,
      B(0x49, 0xba, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11), .op = 8,
      .seg = NO_MEM, .check_imm = true, .imm = 0x1122334455667788ULL },
    { "xchg %rax,(%rdi)", 64, 3, B(0x48, 0x87, 0x07), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "lock cmpxchg %rcx,(%rdx)", 64, 5, B(0xf0, 0x48, 0x0f, 0xb1, 0x0a),
      .op = 8, .seg = X86_SEG_DS, .ea = 0x4000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "lock cmpxchg8b (%rsi)", 64, 4, B(0xf0, 0x0f, 0xc7, 0x0e), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "lock cmpxchg16b (%rsi)", 64, 5, B(0xf0, 0x48, 0x0f, 0xc7, 0x0e),
      .op = 8, .seg = X86_SEG_DS, .ea = 0x5000, .sz = 16,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "movnti %rax,(%rdi)", 64, 4, B(0x48, 0x0f, 0xc3, 0x07), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8, .acc = X86_MEM_WRITE },
    { "lock orq $0x20,(%rdi)", 64, 5, B(0xf0, 0x48, 0x83, 0x0f, 0x20),
      .op = 8, .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE,
      .check_imm = true, .imm = 0x20ULL },
    { "lock andq $-2,(%rdi)", 64, 5, B(0xf0, 0x48, 0x83, 0x27, 0xfe), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE,
      .check_imm = true, .imm = 0xfffffffffffffffeULL },
    { "lock btrq $5,(%rdi)", 64, 6, B(0xf0, 0x48, 0x0f, 0xba, 0x37, 0x05),
      .op = 8, .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE, .check_imm = true, .imm = 0x5ULL },
    { "lock btr %rcx,(%rdi)", 64, 5, B(0xf0, 0x48, 0x0f, 0xb3, 0x0f), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "lock bts %r8,(%rdi)", 64, 5, B(0xf0, 0x4c, 0x0f, 0xab, 0x07), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x16000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "bt %rdx,(%rdi)", 64, 4, B(0x48, 0x0f, 0xa3, 0x17), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x6800, .sz = 8, .acc = X86_MEM_READ },
    { "mov %r8d,(%r13)", 64, 4, B(0x45, 0x89, 0x45, 0x00), .op = 4,
      .seg = X86_SEG_DS, .ea = 0xd0000, .sz = 4, .acc = X86_MEM_WRITE },
    { "mov %rax,(%r12)", 64, 4, B(0x49, 0x89, 0x04, 0x24), .op = 8,
      .seg = X86_SEG_DS, .ea = 0xc0000, .sz = 8, .acc = X86_MEM_WRITE },
    { "mov %rax,(%r12,%r13,2)", 64, 4, B(0x4b, 0x89, 0x04, 0x6c), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x260000, .sz = 8, .acc = X86_MEM_WRITE },
    { "mov %rax,0x10(,%rcx,4)", 64, 8,
      B(0x48, 0x89, 0x04, 0x8d, 0x10, 0x00, 0x00, 0x00), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x1c, .sz = 8, .acc = X86_MEM_WRITE },
    { "mov 0x10(%rbp),%rax", 64, 4, B(0x48, 0x8b, 0x45, 0x10), .op = 8,
      .seg = X86_SEG_SS, .ea = 0x7010, .sz = 8, .acc = X86_MEM_READ },
    { "mov -0x10(%rsp,%rax),%rax", 64, 5, B(0x48, 0x8b, 0x44, 0x04, 0xf0),
      .op = 8, .seg = X86_SEG_SS, .ea = 0x8ff0, .sz = 8,
      .acc = X86_MEM_READ },
    { "mov %rax,%fs:0x28", 64, 9,
      B(0x64, 0x48, 0x89, 0x04, 0x25, 0x28, 0x00, 0x00, 0x00), .op = 8,
      .seg = X86_SEG_FS, .ea = 0x28, .sz = 8, .acc = X86_MEM_WRITE },
    { "lea 0x8(%rax),%rbx", 64, 4, B(0x48, 0x8d, 0x58, 0x08), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x1008, .sz = -1, .acc = NO_ACCESS },
    { "add %al,(%rax)", 64, 2, B(0x00, 0x00), .op = 1, .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 1, .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "cmp %rax,(%rbx)", 64, 3, B(0x48, 0x39, 0x03), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x2000, .sz = 8, .acc = X86_MEM_READ },
    { "test %rax,(%rbx)", 64, 3, B(0x48, 0x85, 0x03), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x2000, .sz = 8, .acc = X86_MEM_READ },
    { "notl (%rbx)", 64, 2, B(0xf7, 0x13), .op = 4, .seg = X86_SEG_DS,
      .ea = 0x2000, .sz = 4, .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "testl $7,(%rbx)", 64, 6, B(0xf7, 0x03, 0x07, 0x00, 0x00, 0x00),
      .op = 4, .seg = X86_SEG_DS, .ea = 0x2000, .sz = 4, .acc = X86_MEM_READ,
      .check_imm = true, .imm = 0x7ULL },
    { "incq (%rbx)", 64, 3, B(0x48, 0xff, 0x03), .op = 8, .seg = X86_SEG_DS,
      .ea = 0x2000, .sz = 8, .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "push (%rax)", 64, 2, B(0xff, 0x30), .op = 8, .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 8, .acc = X86_MEM_READ },
    { "pop (%rax)", 64, 2, B(0x8f, 0x00), .op = 8, .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 8, .acc = X86_MEM_WRITE },
    { "call *0x8(%rax)", 64, 3, B(0xff, 0x50, 0x08), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x1008, .sz = 8, .acc = X86_MEM_READ },
    { "ljmp *(%rax)", 64, 2, B(0xff, 0x28), .op = 4, .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 6, .acc = X86_MEM_READ },
    { "movzbl (%rsi),%eax", 64, 3, B(0x0f, 0xb6, 0x06), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 1, .acc = X86_MEM_READ },
    { "movswq (%rsi),%rax", 64, 4, B(0x48, 0x0f, 0xbf, 0x06), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 2, .acc = X86_MEM_READ },
    { "movslq (%rsi),%rax", 64, 3, B(0x48, 0x63, 0x06), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 4, .acc = X86_MEM_READ },
    { "setne (%rdi)", 64, 3, B(0x0f, 0x95, 0x07), .op = 1, .seg = X86_SEG_DS,
      .ea = 0x6000, .sz = 1, .acc = X86_MEM_WRITE },
    { "mov %ss,(%rdi)", 64, 2, B(0x8c, 0x17), .seg = X86_SEG_DS, .ea = 0x6000,
      .sz = 2, .acc = X86_MEM_WRITE },
    { "shll $3,(%rdi)", 64, 3, B(0xc1, 0x27, 0x03), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 4,
      .acc = X86_MEM_READ | X86_MEM_WRITE, .check_imm = true, .imm = 0x3ULL },
    { "shrq %cl,(%rdi)", 64, 3, B(0x48, 0xd3, 0x2f), .op = 8,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 8,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "xadd %eax,(%rdi)", 64, 3, B(0x0f, 0xc1, 0x07), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x6000, .sz = 4,
      .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "push $0x12", 64, 2, B(0x6a, 0x12), .op = 8, .seg = NO_MEM,
      .check_imm = true, .imm = 0x12ULL },
    { "push $0x12345678", 64, 5, B(0x68, 0x78, 0x56, 0x34, 0x12), .op = 8,
      .seg = NO_MEM, .check_imm = true, .imm = 0x12345678ULL },
    { "pushw $0x1234", 64, 4, B(0x66, 0x68, 0x34, 0x12), .op = 2,
      .seg = NO_MEM, .check_imm = true, .imm = 0x1234ULL },
    { "enter $0x10,$1", 64, 4, B(0xc8, 0x10, 0x00, 0x01), .seg = NO_MEM },
    { "ret $8", 64, 3, B(0xc2, 0x08, 0x00), .seg = NO_MEM },
    { "jne .+0x10", 64, 2, B(0x75, 0x0e), .seg = NO_MEM },
    { "jmp .+0x1000", 64, 5, B(0xe9, 0xfb, 0x0f, 0x00, 0x00), .seg = NO_MEM },
    { "call .+0x1000", 64, 5, B(0xe8, 0xfb, 0x0f, 0x00, 0x00), .seg = NO_MEM },
    { "xbegin .+0x100", 64, 6, B(0xc7, 0xf8, 0xfa, 0x00, 0x00, 0x00),
      .seg = NO_MEM },
    { "int $0x80", 64, 2, B(0xcd, 0x80), .seg = NO_MEM },
    { "movdqa (%rax),%xmm0", 64, 4, B(0x66, 0x0f, 0x6f, 0x00),
      .seg = X86_SEG_DS, .ea = 0x1000 },
    { "pshufd $1,(%rax),%xmm1", 64, 5, B(0x66, 0x0f, 0x70, 0x08, 0x01),
      .seg = X86_SEG_DS, .ea = 0x1000 },
    { "pextrb $1,%xmm0,(%rax)", 64, 6, B(0x66, 0x0f, 0x3a, 0x14, 0x00, 0x01),
      .seg = X86_SEG_DS, .ea = 0x1000 },
    { "crc32b (%rax),%eax", 64, 5, B(0xf2, 0x0f, 0x38, 0xf0, 0x00),
      .seg = X86_SEG_DS, .ea = 0x1000 },
    { "fldl 0x8(%rax)", 64, 3, B(0xdd, 0x40, 0x08), .seg = X86_SEG_DS,
      .ea = 0x1008 },
    { "lgdt (%rax)", 64, 3, B(0x0f, 0x01, 0x10), .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 10, .acc = X86_MEM_READ },
    { "smsw (%rax)", 64, 3, B(0x0f, 0x01, 0x20), .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 2, .acc = X86_MEM_WRITE },
    { "lmsw %ax", 64, 3, B(0x0f, 0x01, 0xf0), .seg = NO_MEM },
    { "invlpg (%rax)", 64, 3, B(0x0f, 0x01, 0x38), .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = -1, .acc = NO_ACCESS },
    { "rdrand %eax", 64, 3, B(0x0f, 0xc7, 0xf0), .seg = NO_MEM },
    { "prefetchnta (%rax)", 64, 3, B(0x0f, 0x18, 0x00), .seg = X86_SEG_DS,
      .ea = 0x1000 },
    { "addr32 mov %eax,(%esi)", 64, 3, B(0x67, 0x89, 0x06), .op = 4, .ad = 4,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 4, .acc = X86_MEM_WRITE },
    { "addr32 mov %eax,-0x6000(%esi)", 64, 7,
      B(0x67, 0x89, 0x86, 0x00, 0xa0, 0xff, 0xff), .op = 4, .ad = 4,
      .seg = X86_SEG_DS, .ea = 0xfffff000, .sz = 4, .acc = X86_MEM_WRITE },
    { "data16 rex.w mov %eax,(%rsi)", 64, 4, B(0x66, 0x48, 0x89, 0x06),
      .op = 8, .seg = X86_SEG_DS, .ea = 0x5000, .sz = 8 },
    { ".byte 0x48,0x66,0x89,0x06", 64, 4, B(0x48, 0x66, 0x89, 0x06), .op = 2,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 2 },
    { ".byte 0x2e,0x3e,0x26,0x36,0x89,0x06", 64, 6,
      B(0x2e, 0x3e, 0x26, 0x36, 0x89, 0x06), .seg = X86_SEG_DS,
      .ea = 0x5000 },
    { ".byte 0x64,0x3e,0x89,0x06", 64, 4, B(0x64, 0x3e, 0x89, 0x06),
      .seg = X86_SEG_FS, .ea = 0x5000 },
    { ".byte 0x3e,0x65,0x89,0x06", 64, 4, B(0x3e, 0x65, 0x89, 0x06),
      .seg = X86_SEG_GS, .ea = 0x5000 },
    { "vmovdqa (%rax),%ymm0", 64, 4, B(0xc5, 0xfd, 0x6f, 0x00),
      .rc = X86_DECODE_UNSUPPORTED },
    { "vaddps %zmm0,%zmm1,%zmm2", 64, 6,
      B(0x62, 0xf1, 0x74, 0x48, 0x58, 0xd0), .rc = X86_DECODE_UNSUPPORTED },
    { "andn %eax,%ebx,%ecx", 64, 5, B(0xc4, 0xe2, 0x60, 0xf2, 0xc8),
      .rc = X86_DECODE_UNSUPPORTED },
    { ".byte 0x06", 64, 1, B(0x06), .rc = X86_DECODE_UD },
    { ".byte 0x0f,0x04", 64, 2, B(0x0f, 0x04), .rc = X86_DECODE_UD },
    { ".byte 0xff,0xf8", 64, 2, B(0xff, 0xf8), .rc = X86_DECODE_UD },
    { ".byte 0xc6,0xc8,0x00", 64, 3, B(0xc6, 0xc8, 0x00),
      .rc = X86_DECODE_UD },
    { "mov %eax,(%esi)", 32, 2, B(0x89, 0x06), .op = 4, .ad = 4,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 4, .acc = X86_MEM_WRITE },
    { "inc %eax", 32, 1, B(0x40), .op = 4, .seg = NO_MEM },
    { "les (%eax),%ebx", 32, 2, B(0xc4, 0x18), .op = 4, .seg = X86_SEG_DS,
      .ea = 0x1000, .sz = 6, .acc = X86_MEM_READ },
    { "mov 0x10(%ebp),%eax", 32, 3, B(0x8b, 0x45, 0x10), .op = 4,
      .seg = X86_SEG_SS, .ea = 0x7010, .sz = 4, .acc = X86_MEM_READ },
    { "in $0x60,%al", 32, 2, B(0xe4, 0x60), .op = 1, .seg = NO_MEM,
      .check_imm = true, .imm = 0x60ULL },
    { "push %es", 32, 1, B(0x06), .seg = NO_MEM },
    { "mov 0x12345678,%eax", 32, 5, B(0xa1, 0x78, 0x56, 0x34, 0x12), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x12345678, .sz = 4, .acc = X86_MEM_READ },
    { "mov %eax,0x12345678", 32, 5, B(0xa3, 0x78, 0x56, 0x34, 0x12), .op = 4,
      .seg = X86_SEG_DS, .ea = 0x12345678, .sz = 4, .acc = X86_MEM_WRITE },
    { "addr16 mov %ax,(%bx,%si)", 32, 4, B(0x67, 0x66, 0x89, 0x00), .op = 2,
      .ad = 2, .seg = X86_SEG_DS, .ea = 0x7000, .sz = 2,
      .acc = X86_MEM_WRITE },
    { "out %ax,(%dx)", 32, 2, B(0x66, 0xef), .op = 2, .seg = NO_MEM },
    { ".byte 0x26,0x89,0x06", 32, 3, B(0x26, 0x89, 0x06), .seg = X86_SEG_ES,
      .ea = 0x5000 },
    { ".byte 0x3e,0x89,0x45,0x10", 32, 4, B(0x3e, 0x89, 0x45, 0x10),
      .seg = X86_SEG_DS, .ea = 0x7010 },
    { "ljmp $0x10,$0x12345678", 32, 7,
      B(0xea, 0x78, 0x56, 0x34, 0x12, 0x10, 0x00), .seg = NO_MEM },
    { "arpl %ax,(%ebx)", 32, 2, B(0x63, 0x03), .seg = X86_SEG_DS,
      .ea = 0x2000, .sz = 2, .acc = X86_MEM_READ | X86_MEM_WRITE },
    { "vmovdqa (%eax),%xmm0", 32, 4, B(0xc5, 0xf9, 0x6f, 0x00),
      .rc = X86_DECODE_UNSUPPORTED },
    { "mov %ax,(%bx,%si)", 16, 2, B(0x89, 0x00), .op = 2, .ad = 2,
      .seg = X86_SEG_DS, .ea = 0x7000, .sz = 2, .acc = X86_MEM_WRITE },
    { "mov 0x10(%bp),%ax", 16, 3, B(0x8b, 0x46, 0x10), .op = 2, .ad = 2,
      .seg = X86_SEG_SS, .ea = 0x7010, .sz = 2, .acc = X86_MEM_READ },
    { "mov 0x1234,%ax", 16, 3, B(0xa1, 0x34, 0x12), .op = 2, .ad = 2,
      .seg = X86_SEG_DS, .ea = 0x1234, .sz = 2, .acc = X86_MEM_READ },
    { "mov %ax,-2(%bp,%di)", 16, 3, B(0x89, 0x43, 0xfe), .op = 2, .ad = 2,
      .seg = X86_SEG_SS, .ea = 0xcffe, .sz = 2, .acc = X86_MEM_WRITE },
    { "mov %eax,(%esi)", 16, 4, B(0x67, 0x66, 0x89, 0x06), .op = 4, .ad = 4,
      .seg = X86_SEG_DS, .ea = 0x5000, .sz = 4, .acc = X86_MEM_WRITE },
    { "ljmp $0x10,$0x1234", 16, 5, B(0xea, 0x34, 0x12, 0x10, 0x00),
      .seg = NO_MEM },
    { "push $0x1234", 16, 3, B(0x68, 0x34, 0x12), .op = 2, .seg = NO_MEM,
      .check_imm = true, .imm = 0x1234ULL },
};

static void test_regs(struct cpu_user_regs *r)
{
    memset(r, 0, sizeof(*r));
    r->rax = 0x1000;
    r->rbx = 0x2000;
    r->rcx = 3;
    r->rdx = 0x4000;
    r->rsi = 0x5000;
    r->rdi = 0x6000;
    r->rbp = 0x7000;
    r->rsp = 0x8000;
    r->r8 = 0x80000;
    r->r9 = 0x90000;
    r->r10 = 0xa0000;
    r->r11 = 0xb0000;
    r->r12 = 0xc0000;
    r->r13 = 0xd0000;
    r->r14 = 0xe0000;
    r->r15 = 0xf0000;
    r->rip = RIP;
}

/* Instruction memory: code at [base, base + len), nothing readable after
 * readable_end; records what the decoder asked for. */
struct mem {
    uint64_t base;
    const uint8_t *code;
    size_t len;
    uint64_t readable_end;
    uint64_t fault_addr;
    unsigned int calls;
    uint64_t last_end;          /* one past the last byte fetched */
};

static int fetch(void *ctx, uint64_t addr, void *buf, unsigned int len)
{
    struct mem *m = ctx;
    uint64_t i;

    m->calls++;
    for ( i = 0; i < len; i++ )
    {
        uint64_t a = addr + i;

        if ( a < m->base || a >= m->readable_end )
        {
            m->fault_addr = a;
            return -1;
        }
        ((uint8_t *)buf)[i] = a - m->base < m->len ? m->code[a - m->base]
                                                     : 0x90;
    }
    if ( addr + len > m->last_end )
        m->last_end = addr + len;
    return 0;
}

static enum x86_decode_rc decode(struct x86_insn *insn, unsigned int mode,
                                 const uint8_t *code, size_t len)
{
    struct cpu_user_regs r;
    struct mem m = {
        .base = RIP, .code = code, .len = len, .readable_end = ~0ULL,
    };

    test_regs(&r);
    return x86_decode(insn, &r, mode, 0, fetch, &m);
}

static void test_table(void)
{
    unsigned int i, bad = 0;
    struct x86_insn insn;
    enum x86_decode_rc rc;

    for ( i = 0; i < sizeof(cases) / sizeof(cases[0]); i++ )
    {
        const struct dcase *c = &cases[i];
        bool ok = true;
        uint64_t ea;

        rc = decode(&insn, c->mode, c->bytes, c->len);
        if ( rc != c->rc )
            ok = false;
        else if ( rc == X86_DECODE_OK )
        {
            ea = c->rip_rel ? RIP + c->len + c->ea : c->ea;
            ok = insn.len == c->len &&
                 (!c->op || insn.op_bytes == c->op) &&
                 (!c->ad || insn.ad_bytes == c->ad) &&
                 (c->seg == NO_MEM ? !insn.mem
                                   : insn.mem && (int)insn.seg == c->seg &&
                                     insn.ea == ea) &&
                 (!c->sz || insn.mem_bytes == (c->sz < 0 ? 0 : c->sz)) &&
                 (!c->acc || insn.mem_access == (c->acc < 0 ? 0 : c->acc)) &&
                 (!c->check_imm || insn.imm == c->imm) &&
                 insn.rip_relative == c->rip_rel;
        }
        if ( !ok )
        {
            printf("\n%u-bit '%s': rc %d len %u op %u ad %u mem %d seg %d "
                   "ea %#llx sz %u acc %u imm %#llx", c->mode, c->what, rc,
                   insn.len, insn.op_bytes, insn.ad_bytes, insn.mem,
                   insn.seg, (unsigned long long)insn.ea, insn.mem_bytes,
                   insn.mem_access, (unsigned long long)insn.imm);
            bad++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Fields beyond the table: opcode maps, ModRM, prefixes. */
static void test_fields(void)
{
    static const uint8_t movcr[] = { 0x44, 0x0f, 0x22, 0xc1 };
    static const uint8_t repouts[] = { 0xf2, 0xf3, 0x64, 0x67, 0x6f };
    static const uint8_t lockcr[] = { 0xf0, 0x0f, 0x20, 0xc0 };
    static const uint8_t sse41[] = { 0x66, 0x0f, 0x3a, 0x16, 0xc0, 0x01 };
    struct x86_insn insn;

    /* mov %rcx,%cr8: REX.R extends the control register number. */
    CU_ASSERT_EQUAL_FATAL(decode(&insn, 64, movcr, sizeof(movcr)),
                          X86_DECODE_OK);
    CU_ASSERT(insn.map == X86_MAP_0F && insn.opcode == 0x22);
    CU_ASSERT(insn.has_modrm && insn.mod == 3 && insn.reg == 8 &&
              insn.rm == 1);
    CU_ASSERT_EQUAL(insn.rex, 0x44);

    /* The last of F2/F3 wins; 67 shrinks the address size. */
    CU_ASSERT_EQUAL_FATAL(decode(&insn, 64, repouts, sizeof(repouts)),
                          X86_DECODE_OK);
    CU_ASSERT_EQUAL(insn.rep, 0xf3);
    CU_ASSERT_EQUAL(insn.seg_override, X86_SEG_FS);
    CU_ASSERT_EQUAL(insn.ad_bytes, 4);
    CU_ASSERT_EQUAL(insn.len, 5);

    CU_ASSERT_EQUAL_FATAL(decode(&insn, 64, lockcr, sizeof(lockcr)),
                          X86_DECODE_OK);
    CU_ASSERT(insn.lock);

    CU_ASSERT_EQUAL_FATAL(decode(&insn, 64, sse41, sizeof(sse41)),
                          X86_DECODE_OK);
    CU_ASSERT(insn.map == X86_MAP_0F3A && insn.opcode == 0x16 &&
              insn.opsize && insn.imm == 1 && insn.len == 6);
}

/* Truncation: the fault is at the first byte the decoder needs. */
static void test_fetch_faults(void)
{
    /* mov $0x12345678,0x10(%rax): 48 c7 40 10 78 56 34 12 (8 bytes) */
    static const uint8_t code[] = { 0x48, 0xc7, 0x40, 0x10,
                                    0x78, 0x56, 0x34, 0x12 };
    struct cpu_user_regs r;
    struct x86_insn insn;
    unsigned int cut;

    test_regs(&r);
    for ( cut = 0; cut < sizeof(code); cut++ )
    {
        struct mem m = {
            .base = RIP, .code = code, .len = sizeof(code),
            .readable_end = RIP + cut,
        };

        CU_ASSERT_EQUAL(x86_decode(&insn, &r, 64, 0, fetch, &m),
                        X86_DECODE_FETCH_FAILED);
        CU_ASSERT_EQUAL(m.fault_addr, RIP + cut);
    }

    /* Ending right at the boundary is fine; nothing beyond is read. */
    {
        struct mem m = {
            .base = RIP, .code = code, .len = sizeof(code),
            .readable_end = RIP + sizeof(code),
        };

        CU_ASSERT_EQUAL(x86_decode(&insn, &r, 64, 0, fetch, &m),
                        X86_DECODE_OK);
        CU_ASSERT_EQUAL(insn.len, sizeof(code));
        CU_ASSERT_EQUAL(m.last_end, RIP + sizeof(code));
        CU_ASSERT(insn.imm == 0x12345678 && insn.ea == 0x1010);
    }

    /* Compat mode: EIP and the fetch address wrap at 4 GiB. */
    {
        static const uint8_t in[] = { 0xe4, 0x60 };
        struct mem m = {
            .base = 0x1000, .code = in, .len = sizeof(in),
            .readable_end = 0x2000,
        };

        r.rip = 0xfffff000;
        CU_ASSERT_EQUAL(x86_decode(&insn, &r, 32, 0x2000, fetch, &m),
                        X86_DECODE_OK);
        CU_ASSERT_EQUAL(insn.len, 2);
        CU_ASSERT_EQUAL(insn.imm, 0x60);
    }
}

static void test_too_long(void)
{
    uint8_t code[16];
    struct x86_insn insn;

    /* 14 prefixes and a one-byte opcode: 15 bytes, the limit. */
    memset(code, 0x66, sizeof(code));
    code[14] = 0x90;
    CU_ASSERT_EQUAL(decode(&insn, 64, code, 15), X86_DECODE_OK);
    CU_ASSERT_EQUAL(insn.len, 15);

    /* One more prefix: #GP(0), without reading a 16th byte. */
    code[14] = 0x66;
    code[15] = 0x90;
    CU_ASSERT_EQUAL(decode(&insn, 64, code, 16), X86_DECODE_TOO_LONG);

    /* Five ES overrides before an 11-byte instruction, one too many:
     * movl $imm32,0x11223344(%rax,%rbx,1) is c7 84 18 disp32 imm32. */
    {
        static const uint8_t ovl[] = {
            0x26, 0x26, 0x26, 0x26, 0x26, 0xc7, 0x84, 0x18,
            0x44, 0x33, 0x22, 0x11, 0x78, 0x56, 0x34, 0x12,
        };

        CU_ASSERT_EQUAL(decode(&insn, 64, ovl, sizeof(ovl)),
                        X86_DECODE_TOO_LONG);
        CU_ASSERT_EQUAL(decode(&insn, 64, ovl + 1, sizeof(ovl) - 1),
                        X86_DECODE_OK);
        CU_ASSERT_EQUAL(insn.len, 15);
    }
}

static void test_registers(void)
{
    struct cpu_user_regs r;

    memset(&r, 0, sizeof(r));
    r.rax = 0x1122334455667788ULL;
    r.rsp = 0xaabbccddeeff0011ULL;
    CU_ASSERT_EQUAL(x86_reg_read(&r, 0, 1, false), 0x88);
    CU_ASSERT_EQUAL(x86_reg_read(&r, 4, 1, false), 0x77);   /* AH */
    CU_ASSERT_EQUAL(x86_reg_read(&r, 4, 1, true), 0x11);    /* SPL */
    CU_ASSERT_EQUAL(x86_reg_read(&r, 0, 2, false), 0x7788);
    CU_ASSERT_EQUAL(x86_reg_read(&r, 0, 4, false), 0x55667788);

    x86_reg_write(&r, 4, 1, false, 0xab);                   /* AH */
    CU_ASSERT_EQUAL(r.rax, 0x112233445566ab88ULL);
    x86_reg_write(&r, 0, 2, false, 0x1234);
    CU_ASSERT_EQUAL(r.rax, 0x1122334455661234ULL);
    x86_reg_write(&r, 0, 4, false, 0xdeadbeef);             /* zero-ext */
    CU_ASSERT_EQUAL(r.rax, 0xdeadbeefULL);
    x86_reg_write(&r, 15, 8, true, 5);
    CU_ASSERT_EQUAL(r.r15, 5);
    x86_reg_write(&r, 12, 1, true, 0x7f);
    CU_ASSERT_EQUAL(r.r12, 0x7f);
}

static void classify(const uint8_t *code, size_t len,
                     const struct cpu_user_regs *r, struct x86_mem_write *w)
{
    struct mem m = { .base = RIP, .code = code, .len = len,
                     .readable_end = ~0ULL };
    struct x86_insn insn;

    CU_ASSERT_EQUAL_FATAL(x86_decode(&insn, r, 64, 0, fetch, &m),
                          X86_DECODE_OK);
    x86_insn_mem_write(&insn, r, w);
}

/* What writable page tables need to know of a write to a PTE. */
static void test_mem_write(void)
{
    static const uint8_t mov[] = { 0x48, 0x89, 0x07 };      /* rax,(rdi) */
    static const uint8_t movl[] = { 0x89, 0x07 };           /* eax,(rdi) */
    static const uint8_t movimm[] = { 0x48, 0xc7, 0x07, 0xff, 0xff,
                                      0xff, 0xff };         /* $-1,(rdi) */
    static const uint8_t xchg[] = { 0x48, 0x87, 0x0f };     /* rcx,(rdi) */
    static const uint8_t cx[] = { 0xf0, 0x48, 0x0f, 0xb1, 0x0f };
    static const uint8_t cx8[] = { 0xf0, 0x0f, 0xc7, 0x0f };
    static const uint8_t cx16[] = { 0xf0, 0x48, 0x0f, 0xc7, 0x0f };
    static const uint8_t nti[] = { 0x48, 0x0f, 0xc3, 0x07 };
    static const uint8_t orq[] = { 0xf0, 0x48, 0x83, 0x0f, 0x20 };
    static const uint8_t load[] = { 0x48, 0x8b, 0x07 };
    static const uint8_t ah[] = { 0x88, 0x27 };             /* ah,(rdi) */
    struct cpu_user_regs r;
    struct x86_mem_write w;

    memset(&r, 0, sizeof(r));
    r.rax = 0x1111222233334444ULL;
    r.rbx = 0x5555666677778888ULL;
    r.rcx = 0x9999aaaabbbbccccULL;
    r.rdx = 0xddddeeeeffff0000ULL;
    r.rdi = 0x6000;
    r.rip = RIP;

    classify(mov, sizeof(mov), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_MOV && w.bytes == 8 && w.val == r.rax);
    classify(movl, sizeof(movl), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_MOV && w.bytes == 4 &&
              w.val == 0x33334444);
    classify(movimm, sizeof(movimm), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_MOV && w.val == ~0ULL);
    classify(xchg, sizeof(xchg), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_XCHG && w.val == r.rcx);
    classify(cx, sizeof(cx), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_CMPXCHG && w.val == r.rcx &&
              w.cmp == r.rax && w.bytes == 8);
    classify(cx8, sizeof(cx8), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_CMPXCHG_DBL && w.bytes == 8 &&
              w.cmp == 0xffff000033334444ULL &&
              w.val == 0xbbbbcccc77778888ULL);
    classify(cx16, sizeof(cx16), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_CMPXCHG_DBL && w.bytes == 16 &&
              w.cmp == r.rax && w.cmp_hi == r.rdx &&
              w.val == r.rbx && w.val_hi == r.rcx);
    classify(nti, sizeof(nti), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_MOV && w.val == r.rax);
    classify(orq, sizeof(orq), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_RMW && w.val == 0x20 && w.bytes == 8);
    classify(load, sizeof(load), &r, &w);
    CU_ASSERT_EQUAL(w.kind, X86_WRITE_NONE);
    classify(ah, sizeof(ah), &r, &w);
    CU_ASSERT(w.kind == X86_WRITE_MOV && w.bytes == 1 && w.val == 0x44);
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "instruction table", test_table },
        { "decoded fields", test_fields },
        { "truncated instructions", test_fetch_faults },
        { "over 15 bytes", test_too_long },
        { "register access", test_registers },
        { "memory writes", test_mem_write },
    };
    CU_pSuite suite;
    unsigned int i, failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("x86-decode", NULL, NULL);
    for ( i = 0; suite && i < sizeof(tests) / sizeof(tests[0]); i++ )
        if ( !CU_add_test(suite, tests[i].name, tests[i].fn) )
            suite = NULL;
    if ( !suite )
    {
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
