/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small x86 instruction decoder: length, prefixes, operands and the memory
 * operand's effective address, for emulating the few instructions a PV guest
 * traps on (privileged operations, writes to its read-only page tables).
 */
#ifndef ASM_X86_DECODE_H
#define ASM_X86_DECODE_H

#include <hv/types.h>
#include <public/xen.h>

/* Exception vectors the emulators raise. */
#define X86_EXC_DB          1
#define X86_EXC_UD          6
#define X86_EXC_SS          12
#define X86_EXC_GP          13
#define X86_EXC_PF          14

/* The architectural limit: a 16th byte raises #GP(0). */
#define X86_MAX_INSN_LEN    15

/* Segment registers, in the encoding order of prefixes and MOV Sreg. */
enum x86_seg {
    X86_SEG_ES,
    X86_SEG_CS,
    X86_SEG_SS,
    X86_SEG_DS,
    X86_SEG_FS,
    X86_SEG_GS,
    X86_SEG_NONE,
};

/* Opcode maps. */
enum x86_opmap {
    X86_MAP_1B,         /* one-byte opcodes */
    X86_MAP_0F,         /* 0f xx */
    X86_MAP_0F38,       /* 0f 38 xx */
    X86_MAP_0F3A,       /* 0f 3a xx */
};

/* How the instruction touches its memory operand. */
#define X86_MEM_READ        (1u << 0)
#define X86_MEM_WRITE       (1u << 1)

/*
 * Results of x86_decode().  Only X86_DECODE_OK fills the whole of struct
 * x86_insn; the fault cases leave the bytes fetched so far in it.
 */
enum x86_decode_rc {
    X86_DECODE_OK,
    X86_DECODE_FETCH_FAILED,    /* the fetch hook failed: its fault stands */
    X86_DECODE_TOO_LONG,        /* over 15 bytes: #GP(0) */
    X86_DECODE_UD,              /* not an instruction in this mode: #UD */
    X86_DECODE_UNSUPPORTED,     /* VEX, EVEX or XOP encoded: not decoded */
};

/*
 * Reads len bytes of the instruction stream at the linear address addr.
 * Returns 0, or non-zero when it could not; the hook records the fault it
 * wants reported (a #PF at the first unreadable byte, usually).
 */
typedef int (*x86_fetch_fn)(void *ctx, uint64_t addr, void *buf,
                            unsigned int len);

struct x86_insn {
    /* Where it was read from, and its bytes. */
    uint64_t ip;                /* offset in CS of the first byte */
    uint8_t bytes[X86_MAX_INSN_LEN];
    uint8_t len;                /* bytes fetched (the length, once decoded) */

    /* Mode and sizes (bytes): operand size 1 for byte operations. */
    uint8_t mode;               /* code size: 16, 32 or 64 */
    uint8_t op_bytes;
    uint8_t ad_bytes;

    /* Prefixes. */
    uint8_t rex;                /* 0x40-0x4f if one applies, else 0 */
    uint8_t rep;                /* 0, 0xf2 or 0xf3: the last one seen */
    bool lock;
    bool opsize;                /* 0x66 */
    bool adsize;                /* 0x67 */
    enum x86_seg seg_override;  /* X86_SEG_NONE if none */

    /* Opcode. */
    enum x86_opmap map;
    uint8_t opcode;

    /* ModRM and SIB, register numbers extended by REX. */
    bool has_modrm;
    uint8_t modrm;
    uint8_t mod;
    uint8_t reg;                /* ModRM.reg + REX.R */
    uint8_t rm;                 /* ModRM.rm + REX.B (register form) */

    /* Immediates: imm is sign-extended to 64 bits unless noted. */
    uint8_t imm_bytes;
    uint64_t imm;
    uint64_t imm2;              /* ENTER's second immediate */

    /* The memory operand, if any (ModRM memory form or moffs). */
    bool mem;
    bool rip_relative;
    enum x86_seg seg;           /* segment, after any override */
    uint64_t ea;                /* offset in seg, truncated to ad_bytes */
    uint8_t mem_bytes;          /* access size; 0 if not known */
    uint8_t mem_access;         /* X86_MEM_* */
};

/*
 * Decodes the instruction at cs_base + regs->rip in a code segment of mode
 * bits (16, 32 or 64), reading its bytes through fetch, and computing the
 * effective address of its memory operand from the registers in regs.
 * Nothing in regs changes.
 */
enum x86_decode_rc x86_decode(struct x86_insn *insn,
                              const struct cpu_user_regs *regs,
                              unsigned int mode, uint64_t cs_base,
                              x86_fetch_fn fetch, void *ctx);

/* Linear address of the memory operand, given its segment's base. */
uint64_t x86_insn_linear(const struct x86_insn *insn, uint64_t seg_base);

/*
 * General register n (0-15, RAX first) of the given width.  Byte registers
 * 4-7 are AH, CH, DH and BH unless the instruction has a REX prefix.
 */
uint64_t x86_reg_read(const struct cpu_user_regs *regs, unsigned int n,
                      unsigned int bytes, bool rex);
/* Writes as the CPU does: a 32-bit write zeroes the upper half. */
void x86_reg_write(struct cpu_user_regs *regs, unsigned int n,
                   unsigned int bytes, bool rex, uint64_t val);

/*
 * What a write to memory does, for the instructions that store a value
 * computed without reading the destination first (and CMPXCHG, which
 * compares first).
 */
enum x86_write_kind {
    X86_WRITE_NONE,         /* no memory write, or not one listed here */
    X86_WRITE_MOV,          /* MOV, MOVNTI: val */
    X86_WRITE_XCHG,         /* XCHG: val, the old value goes to a register */
    X86_WRITE_CMPXCHG,      /* CMPXCHG: val if memory equals cmp */
    X86_WRITE_CMPXCHG_DBL,  /* CMPXCHG8B/16B: val:val_hi if cmp:cmp_hi */
    X86_WRITE_RMW,          /* any other read-modify-write: src operand */
};

struct x86_mem_write {
    enum x86_write_kind kind;
    unsigned int bytes;     /* operand size (16 for CMPXCHG16B) */
    uint64_t val, val_hi;   /* value to store (or RMW source operand) */
    uint64_t cmp, cmp_hi;   /* CMPXCHG: expected contents */
};

/* Classifies a decoded instruction's write to its memory operand. */
void x86_insn_mem_write(const struct x86_insn *insn,
                        const struct cpu_user_regs *regs,
                        struct x86_mem_write *w);

#endif /* ASM_X86_DECODE_H */
