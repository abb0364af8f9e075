/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 instruction decoder: prefixes, opcode maps, ModRM/SIB addressing and
 * immediates, in 16-, 32- and 64-bit code.  It decodes; it executes nothing.
 */
#include <hv/lib.h>
#include <asm/x86-decode.h>

/*
 * Per-opcode attributes.  Memory access (D_R/D_W) describes the ModRM
 * memory operand; groups whose members differ are refined in code.
 */
#define D_MODRM     (1u << 0)   /* a ModRM byte follows */
#define D_BYTE      (1u << 1)   /* 8-bit operation */
#define D_IB        (1u << 2)   /* imm8 */
#define D_IZ        (1u << 3)   /* imm16/32 by operand size */
#define D_IW        (1u << 4)   /* imm16 */
#define D_IV        (1u << 5)   /* imm16/32/64 by operand size */
#define D_AP        (1u << 6)   /* far pointer: offset, then selector */
#define D_MOFFS     (1u << 7)   /* offset of address size, no ModRM */
#define D_D64       (1u << 8)   /* 64-bit operand by default in long mode */
#define D_I64       (1u << 9)   /* invalid in 64-bit mode */
#define D_R         (1u << 10)  /* reads the memory operand */
#define D_W         (1u << 11)  /* writes the memory operand */
#define D_UD        (1u << 12)  /* undefined opcode */
#define D_PFX       (1u << 13)  /* a prefix, handled before the tables */
#define D_VEX       (1u << 14)  /* VEX/EVEX/XOP escape in some modes */
#define D_REL       (1u << 15)  /* relative branch */
#define D_RW        (D_R | D_W)

#define ALU(x)  [(x) + 0] = D_MODRM | D_BYTE | D_RW, \
                [(x) + 1] = D_MODRM | D_RW, \
                [(x) + 2] = D_MODRM | D_BYTE | D_R, \
                [(x) + 3] = D_MODRM | D_R, \
                [(x) + 4] = D_BYTE | D_IB, \
                [(x) + 5] = D_IZ
/* CMP reads its destination without writing it back. */
#define CMP(x)  [(x) + 0] = D_MODRM | D_BYTE | D_R, \
                [(x) + 1] = D_MODRM | D_R, \
                [(x) + 2] = D_MODRM | D_BYTE | D_R, \
                [(x) + 3] = D_MODRM | D_R, \
                [(x) + 4] = D_BYTE | D_IB, \
                [(x) + 5] = D_IZ

static const uint16_t onebyte[256] = {
    ALU(0x00), [0x06] = D_I64, [0x07] = D_I64,
    ALU(0x08), [0x0e] = D_I64, [0x0f] = 0,
    ALU(0x10), [0x16] = D_I64, [0x17] = D_I64,
    ALU(0x18), [0x1e] = D_I64, [0x1f] = D_I64,
    ALU(0x20), [0x26] = D_PFX, [0x27] = D_I64,
    ALU(0x28), [0x2e] = D_PFX, [0x2f] = D_I64,
    ALU(0x30), [0x36] = D_PFX, [0x37] = D_I64,
    CMP(0x38), [0x3e] = D_PFX, [0x3f] = D_I64,
    [0x40 ... 0x4f] = 0,                /* INC/DEC, or REX in long mode */
    [0x50 ... 0x5f] = D_D64,
    [0x60] = D_I64, [0x61] = D_I64,
    [0x62] = D_MODRM | D_I64 | D_R | D_VEX,
    [0x63] = D_MODRM | D_R,             /* ARPL is fixed up in code */
    [0x64 ... 0x67] = D_PFX,
    [0x68] = D_IZ | D_D64, [0x69] = D_MODRM | D_IZ | D_R,
    [0x6a] = D_IB | D_D64, [0x6b] = D_MODRM | D_IB | D_R,
    [0x6c] = D_BYTE, [0x6d] = 0, [0x6e] = D_BYTE, [0x6f] = 0,
    [0x70 ... 0x7f] = D_IB | D_D64 | D_REL,
    [0x80] = D_MODRM | D_BYTE | D_IB | D_RW,
    [0x81] = D_MODRM | D_IZ | D_RW,
    [0x82] = D_MODRM | D_BYTE | D_IB | D_RW | D_I64,
    [0x83] = D_MODRM | D_IB | D_RW,
    [0x84] = D_MODRM | D_BYTE | D_R, [0x85] = D_MODRM | D_R,
    [0x86] = D_MODRM | D_BYTE | D_RW, [0x87] = D_MODRM | D_RW,
    [0x88] = D_MODRM | D_BYTE | D_W, [0x89] = D_MODRM | D_W,
    [0x8a] = D_MODRM | D_BYTE | D_R, [0x8b] = D_MODRM | D_R,
    [0x8c] = D_MODRM | D_W, [0x8d] = D_MODRM,
    [0x8e] = D_MODRM | D_R, [0x8f] = D_MODRM | D_W | D_D64 | D_VEX,
    [0x90 ... 0x97] = 0, [0x98] = 0, [0x99] = 0,
    [0x9a] = D_AP | D_I64, [0x9b] = 0,
    [0x9c] = D_D64, [0x9d] = D_D64, [0x9e] = 0, [0x9f] = 0,
    [0xa0] = D_MOFFS | D_BYTE | D_R, [0xa1] = D_MOFFS | D_R,
    [0xa2] = D_MOFFS | D_BYTE | D_W, [0xa3] = D_MOFFS | D_W,
    [0xa4] = D_BYTE, [0xa5] = 0, [0xa6] = D_BYTE, [0xa7] = 0,
    [0xa8] = D_BYTE | D_IB, [0xa9] = D_IZ,
    [0xaa] = D_BYTE, [0xab] = 0, [0xac] = D_BYTE, [0xad] = 0,
    [0xae] = D_BYTE, [0xaf] = 0,
    [0xb0 ... 0xb7] = D_BYTE | D_IB,
    [0xb8 ... 0xbf] = D_IV,
    [0xc0] = D_MODRM | D_BYTE | D_IB | D_RW, [0xc1] = D_MODRM | D_IB | D_RW,
    [0xc2] = D_IW | D_D64, [0xc3] = D_D64,
    [0xc4] = D_MODRM | D_I64 | D_R | D_VEX,
    [0xc5] = D_MODRM | D_I64 | D_R | D_VEX,
    [0xc6] = D_MODRM | D_BYTE | D_IB | D_W, [0xc7] = D_MODRM | D_IZ | D_W,
    [0xc8] = D_IW | D_IB | D_D64, [0xc9] = D_D64,
    [0xca] = D_IW, [0xcb] = 0, [0xcc] = 0, [0xcd] = D_IB,
    [0xce] = D_I64, [0xcf] = 0,
    [0xd0] = D_MODRM | D_BYTE | D_RW, [0xd1] = D_MODRM | D_RW,
    [0xd2] = D_MODRM | D_BYTE | D_RW, [0xd3] = D_MODRM | D_RW,
    [0xd4] = D_IB | D_I64, [0xd5] = D_IB | D_I64, [0xd6] = D_I64,
    [0xd7] = 0,
    [0xd8 ... 0xdf] = D_MODRM,          /* x87: access size not tracked */
    [0xe0 ... 0xe3] = D_IB | D_D64 | D_REL,
    [0xe4] = D_BYTE | D_IB, [0xe5] = D_IB,
    [0xe6] = D_BYTE | D_IB, [0xe7] = D_IB,
    [0xe8] = D_IZ | D_D64 | D_REL, [0xe9] = D_IZ | D_D64 | D_REL,
    [0xea] = D_AP | D_I64, [0xeb] = D_IB | D_D64 | D_REL,
    [0xec] = D_BYTE, [0xed] = 0, [0xee] = D_BYTE, [0xef] = 0,
    [0xf0] = D_PFX, [0xf1] = 0, [0xf2] = D_PFX, [0xf3] = D_PFX,
    [0xf4] = 0, [0xf5] = 0,
    [0xf6] = D_MODRM | D_BYTE, [0xf7] = D_MODRM,    /* refined in code */
    [0xf8 ... 0xfd] = 0,
    [0xfe] = D_MODRM | D_BYTE, [0xff] = D_MODRM,    /* refined in code */
};

static const uint16_t twobyte[256] = {
    [0x00] = D_MODRM, [0x01] = D_MODRM,             /* refined in code */
    [0x02] = D_MODRM | D_R, [0x03] = D_MODRM | D_R,
    [0x04] = D_UD, [0x05] = 0, [0x06] = 0, [0x07] = 0,
    [0x08] = 0, [0x09] = 0, [0x0a] = D_UD, [0x0b] = 0,
    [0x0c] = D_UD, [0x0d] = D_MODRM, [0x0e] = 0,
    [0x0f] = D_MODRM | D_IB,                        /* 3DNow! suffix */
    [0x10 ... 0x17] = D_MODRM,
    [0x18 ... 0x1f] = D_MODRM,                      /* hints, NOPs */
    [0x20 ... 0x23] = D_MODRM,
    [0x24 ... 0x27] = D_UD,
    [0x28 ... 0x2f] = D_MODRM,
    [0x30 ... 0x35] = 0, [0x36] = D_UD, [0x37] = 0,
    [0x38] = 0, [0x39] = D_UD, [0x3a] = 0,          /* 0x38/0x3a: escapes */
    [0x3b ... 0x3f] = D_UD,
    [0x40 ... 0x4f] = D_MODRM | D_R,                /* CMOVcc */
    [0x50 ... 0x6f] = D_MODRM,
    [0x70 ... 0x73] = D_MODRM | D_IB,
    [0x74 ... 0x76] = D_MODRM, [0x77] = 0,
    [0x78] = D_MODRM, [0x79] = D_MODRM, [0x7a] = D_UD, [0x7b] = D_UD,
    [0x7c ... 0x7f] = D_MODRM,
    [0x80 ... 0x8f] = D_IZ | D_D64 | D_REL,         /* Jcc rel16/32 */
    [0x90 ... 0x9f] = D_MODRM | D_BYTE | D_W,       /* SETcc */
    [0xa0] = D_D64, [0xa1] = D_D64, [0xa2] = 0,
    [0xa3] = D_MODRM | D_R,
    [0xa4] = D_MODRM | D_IB | D_RW, [0xa5] = D_MODRM | D_RW,
    [0xa6] = D_UD, [0xa7] = D_UD,
    [0xa8] = D_D64, [0xa9] = D_D64, [0xaa] = 0,
    [0xab] = D_MODRM | D_RW,
    [0xac] = D_MODRM | D_IB | D_RW, [0xad] = D_MODRM | D_RW,
    [0xae] = D_MODRM, [0xaf] = D_MODRM | D_R,
    [0xb0] = D_MODRM | D_BYTE | D_RW, [0xb1] = D_MODRM | D_RW,
    [0xb2] = D_MODRM | D_R, [0xb3] = D_MODRM | D_RW,
    [0xb4] = D_MODRM | D_R, [0xb5] = D_MODRM | D_R,
    [0xb6] = D_MODRM | D_R, [0xb7] = D_MODRM | D_R,
    [0xb8] = D_MODRM | D_R, [0xb9] = D_MODRM,
    [0xba] = D_MODRM | D_IB,                        /* refined in code */
    [0xbb] = D_MODRM | D_RW,
    [0xbc ... 0xbf] = D_MODRM | D_R,
    [0xc0] = D_MODRM | D_BYTE | D_RW, [0xc1] = D_MODRM | D_RW,
    [0xc2] = D_MODRM | D_IB, [0xc3] = D_MODRM | D_W,
    [0xc4 ... 0xc6] = D_MODRM | D_IB, [0xc7] = D_MODRM,
    [0xc8 ... 0xcf] = 0,                            /* BSWAP */
    [0xd0 ... 0xff] = D_MODRM,
};

/* Decoding state: the instruction being filled and how to read more. */
struct dstate {
    struct x86_insn *insn;
    const struct cpu_user_regs *regs;
    uint64_t cs_base;
    x86_fetch_fn fetch;
    void *ctx;
    unsigned int pos;           /* bytes decoded so far */
    enum x86_decode_rc rc;
};

/*
 * Makes the first n bytes available, fetching only what is missing so that
 * nothing past the instruction's end is read; false (rc set) if it cannot.
 */
static bool need(struct dstate *s, unsigned int n)
{
    struct x86_insn *insn = s->insn;
    uint64_t addr;

    if ( n <= insn->len )
        return true;
    if ( n > X86_MAX_INSN_LEN )
    {
        s->rc = X86_DECODE_TOO_LONG;
        return false;
    }
    addr = s->cs_base + insn->ip + insn->len;
    if ( insn->mode != 64 )
        addr = (uint32_t)addr;
    if ( s->fetch(s->ctx, addr, &insn->bytes[insn->len], n - insn->len) )
    {
        s->rc = X86_DECODE_FETCH_FAILED;
        return false;
    }
    insn->len = n;
    return true;
}

/* Consumes a little-endian value of size bytes. */
static bool take(struct dstate *s, unsigned int bytes, uint64_t *val)
{
    unsigned int at = s->pos, i;

    if ( !need(s, at + bytes) )
        return false;
    *val = 0;
    for ( i = 0; i < bytes; i++ )
        *val |= (uint64_t)s->insn->bytes[at + i] << (8 * i);
    s->pos += bytes;
    return true;
}

static uint64_t sext_from(uint64_t v, unsigned int bytes)
{
    unsigned int shift = 64 - 8 * bytes;

    return bytes >= 8 ? v : (uint64_t)((int64_t)(v << shift) >> shift);
}

static uint64_t trunc_to(uint64_t v, unsigned int bytes)
{
    return bytes >= 8 ? v : v & ((1ULL << (8 * bytes)) - 1);
}

uint64_t x86_reg_read(const struct cpu_user_regs *regs, unsigned int n,
                      unsigned int bytes, bool rex)
{
    const uint64_t *r;

    if ( bytes == 1 && !rex && n >= 4 && n < 8 )
        return (x86_reg_read(regs, n - 4, 8, false) >> 8) & 0xff;

    switch ( n & 15 )
    {
    case 0:  r = &regs->rax; break;
    case 1:  r = &regs->rcx; break;
    case 2:  r = &regs->rdx; break;
    case 3:  r = &regs->rbx; break;
    case 4:  r = &regs->rsp; break;
    case 5:  r = &regs->rbp; break;
    case 6:  r = &regs->rsi; break;
    case 7:  r = &regs->rdi; break;
    case 8:  r = &regs->r8;  break;
    case 9:  r = &regs->r9;  break;
    case 10: r = &regs->r10; break;
    case 11: r = &regs->r11; break;
    case 12: r = &regs->r12; break;
    case 13: r = &regs->r13; break;
    case 14: r = &regs->r14; break;
    default: r = &regs->r15; break;
    }
    return trunc_to(*r, bytes);
}

static uint64_t *reg_ptr(struct cpu_user_regs *regs, unsigned int n)
{
    switch ( n & 15 )
    {
    case 0:  return &regs->rax;
    case 1:  return &regs->rcx;
    case 2:  return &regs->rdx;
    case 3:  return &regs->rbx;
    case 4:  return &regs->rsp;
    case 5:  return &regs->rbp;
    case 6:  return &regs->rsi;
    case 7:  return &regs->rdi;
    case 8:  return &regs->r8;
    case 9:  return &regs->r9;
    case 10: return &regs->r10;
    case 11: return &regs->r11;
    case 12: return &regs->r12;
    case 13: return &regs->r13;
    case 14: return &regs->r14;
    default: return &regs->r15;
    }
}

void x86_reg_write(struct cpu_user_regs *regs, unsigned int n,
                   unsigned int bytes, bool rex, uint64_t val)
{
    uint64_t *r;

    if ( bytes == 1 && !rex && n >= 4 && n < 8 )
    {
        r = reg_ptr(regs, n - 4);
        *r = (*r & ~0xff00ULL) | ((val & 0xff) << 8);
        return;
    }
    r = reg_ptr(regs, n);
    switch ( bytes )
    {
    case 1: *r = (*r & ~0xffULL) | (val & 0xff); break;
    case 2: *r = (*r & ~0xffffULL) | (val & 0xffff); break;
    case 4: *r = (uint32_t)val; break;
    default: *r = val; break;
    }
}

/* 16-bit ModRM addressing: fixed base/index pairs, 8- or 16-bit disp. */
static bool modrm16(struct dstate *s)
{
    struct x86_insn *insn = s->insn;
    const struct cpu_user_regs *r = s->regs;
    uint64_t ea = 0, disp = 0;

    insn->seg = X86_SEG_DS;
    switch ( insn->modrm & 7 )
    {
    case 0: ea = r->rbx + r->rsi; break;
    case 1: ea = r->rbx + r->rdi; break;
    case 2: ea = r->rbp + r->rsi; insn->seg = X86_SEG_SS; break;
    case 3: ea = r->rbp + r->rdi; insn->seg = X86_SEG_SS; break;
    case 4: ea = r->rsi; break;
    case 5: ea = r->rdi; break;
    case 6:
        if ( insn->mod == 0 )
        {
            if ( !take(s, 2, &disp) )
                return false;
            insn->ea = disp & 0xffff;
            return true;
        }
        ea = r->rbp;
        insn->seg = X86_SEG_SS;
        break;
    case 7: ea = r->rbx; break;
    }
    if ( insn->mod == 1 )
    {
        if ( !take(s, 1, &disp) )
            return false;
        ea += sext_from(disp, 1);
    }
    else if ( insn->mod == 2 )
    {
        if ( !take(s, 2, &disp) )
            return false;
        ea += disp;
    }
    insn->ea = ea & 0xffff;
    return true;
}

/* 32/64-bit ModRM addressing, with SIB and RIP-relative forms. */
static bool modrm32(struct dstate *s)
{
    struct x86_insn *insn = s->insn;
    unsigned int rm = insn->modrm & 7, base;
    uint64_t ea = 0, disp;

    insn->seg = X86_SEG_DS;
    if ( rm == 4 )
    {
        uint64_t sib;
        unsigned int index, scale;

        if ( !take(s, 1, &sib) )
            return false;
        base = (sib & 7) | ((insn->rex & 1) << 3);
        index = ((sib >> 3) & 7) | ((insn->rex & 2) << 2);
        scale = sib >> 6;
        if ( index != 4 )
            ea = x86_reg_read(s->regs, index, 8, true) << scale;
        if ( insn->mod == 0 && (base & 7) == 5 )
        {
            if ( !take(s, 4, &disp) )
                return false;
            ea += sext_from(disp, 4);
        }
        else
        {
            /* SS is the default for RSP and RBP bases, not R12/R13. */
            if ( base == 4 || base == 5 )
                insn->seg = X86_SEG_SS;
            ea += x86_reg_read(s->regs, base, 8, true);
        }
    }
    else if ( insn->mod == 0 && rm == 5 )
    {
        if ( !take(s, 4, &disp) )
            return false;
        ea = sext_from(disp, 4);
        /* In long mode this is RIP-relative; the end of the insn is added
         * once the immediates are read. */
        insn->rip_relative = insn->mode == 64;
    }
    else
    {
        base = rm | ((insn->rex & 1) << 3);
        if ( base == 5 )
            insn->seg = X86_SEG_SS;
        ea = x86_reg_read(s->regs, base, 8, true);
    }

    if ( insn->mod == 1 )
    {
        if ( !take(s, 1, &disp) )
            return false;
        ea += sext_from(disp, 1);
    }
    else if ( insn->mod == 2 )
    {
        if ( !take(s, 4, &disp) )
            return false;
        ea += sext_from(disp, 4);
    }
    insn->ea = ea;
    return true;
}

/* Reads the opcode byte(s) after the prefixes; returns its attributes. */
static bool read_opcode(struct dstate *s, uint8_t first, unsigned int *d)
{
    struct x86_insn *insn = s->insn;
    uint64_t b;

    if ( first != 0x0f )
    {
        insn->map = X86_MAP_1B;
        insn->opcode = first;
        *d = onebyte[first];
        return true;
    }
    if ( !take(s, 1, &b) )
        return false;
    if ( b == 0x38 || b == 0x3a )
    {
        insn->map = b == 0x38 ? X86_MAP_0F38 : X86_MAP_0F3A;
        if ( !take(s, 1, &b) )
            return false;
        insn->opcode = b;
        *d = D_MODRM | (insn->map == X86_MAP_0F3A ? D_IB : 0);
        return true;
    }
    insn->map = X86_MAP_0F;
    insn->opcode = b;
    *d = twobyte[b];
    return true;
}

/*
 * Group opcodes whose access, immediates or validity depend on ModRM.reg;
 * also the few whose memory operand is not op_bytes wide.
 */
static void refine(struct x86_insn *insn, unsigned int *d)
{
    unsigned int r = (insn->modrm >> 3) & 7;

    if ( insn->map == X86_MAP_1B )
    {
        switch ( insn->opcode )
        {
        case 0x80: case 0x81: case 0x82: case 0x83:
            if ( r == 7 )                       /* CMP */
                *d &= ~D_W;
            break;
        case 0x63:
            if ( insn->mode != 64 )             /* ARPL Ew, Gw */
                *d = D_MODRM | D_RW;
            break;
        case 0xc6: case 0xc7:
            if ( r != 0 && !(r == 7 && insn->mod == 3) )
                *d |= D_UD;                     /* only MOV, XABORT/XBEGIN */
            if ( r == 7 && insn->opcode == 0xc6 )
                *d &= ~D_W;
            if ( r == 7 && insn->opcode == 0xc7 )
                *d = (*d & ~D_W) | D_D64 | D_REL; /* XBEGIN */
            break;
        case 0xf6: case 0xf7:
            if ( r <= 1 )                       /* TEST E, imm */
                *d |= D_R | (insn->opcode == 0xf6 ? D_IB : D_IZ);
            else if ( r <= 3 )                  /* NOT, NEG */
                *d |= D_RW;
            else                                /* MUL, IMUL, DIV, IDIV */
                *d |= D_R;
            break;
        case 0xfe:
            *d |= r <= 1 ? D_RW : D_UD;
            break;
        case 0xff:
            if ( r <= 1 )
                *d |= D_RW;
            else if ( r == 7 )
                *d |= D_UD;
            else
                *d |= D_R | (r == 2 || r == 4 || r == 6 ? D_D64 : 0);
            break;
        }
        return;
    }

    if ( insn->map != X86_MAP_0F )
        return;
    switch ( insn->opcode )
    {
    case 0x00:
        if ( r >= 6 )
            *d |= D_UD;
        else
            *d |= r <= 1 ? D_W : D_R;
        break;
    case 0x01:
        if ( insn->mod == 3 )
            break;
        switch ( r )
        {
        case 0: case 1: case 4: *d |= D_W; break;   /* SGDT SIDT SMSW */
        case 2: case 3: case 6: *d |= D_R; break;   /* LGDT LIDT LMSW */
        }
        break;
    case 0xba:
        if ( r < 4 )
            *d |= D_UD;
        else
            *d |= r == 4 ? D_R : D_RW;
        break;
    case 0xc7:
        if ( r == 1 && insn->mod != 3 )
            *d |= D_RW;                         /* CMPXCHG8B/16B */
        break;
    case 0x20: case 0x21: case 0x22: case 0x23:
        /* MOV to/from CR/DR: the operand is a register whatever mod says. */
        insn->mod = 3;
        break;
    }
}

/* Access size of the memory operand, where it is not the operand size. */
static unsigned int mem_size(const struct x86_insn *insn)
{
    unsigned int r = (insn->modrm >> 3) & 7;

    if ( insn->map == X86_MAP_1B )
    {
        switch ( insn->opcode )
        {
        case 0x63: return insn->mode == 64 ? 4 : 2;
        case 0x8c: case 0x8e: return 2;
        case 0x8d: return 0;
        case 0xc4: case 0xc5: return insn->op_bytes + 2;
        case 0xd8 ... 0xdf: return 0;
        case 0xff: return r == 3 || r == 5 ? insn->op_bytes + 2
                                           : insn->op_bytes;
        }
        return insn->op_bytes;
    }
    if ( insn->map != X86_MAP_0F )
        return 0;
    switch ( insn->opcode )
    {
    case 0x00: case 0x02: case 0x03: return 2;
    case 0x01: return r == 4 || r == 6 ? 2 : r <= 3 ? (insn->mode == 64
                                                          ? 10 : 6) : 0;
    case 0x40 ... 0x4f: case 0x90 ... 0x9f:
    case 0xa3 ... 0xa5: case 0xab ... 0xad: case 0xaf:
    case 0xb0 ... 0xb1: case 0xb3: case 0xb8: case 0xba ... 0xbd:
    case 0xc0 ... 0xc1: case 0xc3:
        return insn->op_bytes;
    case 0xb2: case 0xb4: case 0xb5: return insn->op_bytes + 2;
    case 0xb6: case 0xbe: return 1;
    case 0xb7: case 0xbf: return 2;
    case 0xc7: return r == 1 ? (insn->op_bytes == 8 ? 16 : 8) : 0;
    }
    return 0;
}

static bool is_prefix(uint8_t b, unsigned int mode)
{
    return (onebyte[b] & D_PFX) || (mode == 64 && (b & 0xf0) == 0x40);
}

/* Applies one prefix byte to insn. */
static void apply_prefix(struct x86_insn *insn, uint8_t b)
{
    switch ( b )
    {
    case 0x26: case 0x2e: case 0x36: case 0x3e:
        /* ES, CS, SS and DS overrides are ignored in long mode. */
        if ( insn->mode != 64 )
            insn->seg_override = (enum x86_seg)((b >> 3) & 3);
        break;
    case 0x64: insn->seg_override = X86_SEG_FS; break;
    case 0x65: insn->seg_override = X86_SEG_GS; break;
    case 0x66: insn->opsize = true; break;
    case 0x67: insn->adsize = true; break;
    case 0xf0: insn->lock = true; break;
    case 0xf2: case 0xf3: insn->rep = b; break;
    default:
        insn->rex = b;
        return;
    }
    /* REX counts only as the last prefix before the opcode. */
    insn->rex = 0;
}

static void set_sizes(struct x86_insn *insn, unsigned int d)
{
    if ( insn->mode == 64 )
        insn->ad_bytes = insn->adsize ? 4 : 8;
    else if ( insn->mode == 32 )
        insn->ad_bytes = insn->adsize ? 2 : 4;
    else
        insn->ad_bytes = insn->adsize ? 4 : 2;

    if ( d & D_BYTE )
        insn->op_bytes = 1;
    else if ( insn->mode == 64 )
    {
        if ( insn->rex & 8 )
            insn->op_bytes = 8;
        else if ( insn->opsize )
            insn->op_bytes = 2;
        else
            insn->op_bytes = (d & D_D64) ? 8 : 4;
    }
    else if ( insn->mode == 32 )
        insn->op_bytes = insn->opsize ? 2 : 4;
    else
        insn->op_bytes = insn->opsize ? 4 : 2;

    /* MOV to/from CR/DR ignore the operand size. */
    if ( insn->map == X86_MAP_0F && insn->opcode >= 0x20 &&
         insn->opcode <= 0x23 )
        insn->op_bytes = insn->mode == 64 ? 8 : 4;
}

static bool read_immediates(struct dstate *s, unsigned int d)
{
    struct x86_insn *insn = s->insn;
    uint64_t v;
    unsigned int n;

    if ( d & D_MOFFS )
    {
        if ( !take(s, insn->ad_bytes, &v) )
            return false;
        insn->mem = true;
        insn->ea = v;
        insn->seg = X86_SEG_DS;
    }
    if ( d & D_AP )
    {
        n = insn->op_bytes == 2 ? 2 : 4;
        if ( !take(s, n, &insn->imm) || !take(s, 2, &insn->imm2) )
            return false;
        insn->imm_bytes = n;
    }
    if ( d & D_IW )
    {
        if ( !take(s, 2, &insn->imm) )
            return false;
        insn->imm_bytes = 2;
        if ( d & D_IB )                 /* ENTER: imm16, imm8 */
        {
            if ( !take(s, 1, &insn->imm2) )
                return false;
            return true;
        }
    }
    if ( d & D_IB )
    {
        if ( !take(s, 1, &v) )
            return false;
        insn->imm = sext_from(v, 1);
        insn->imm_bytes = 1;
    }
    if ( d & D_IZ )
    {
        n = insn->op_bytes == 2 ? 2 : 4;
        /* Near branches take rel32 in long mode whatever 0x66 says. */
        if ( insn->mode == 64 && (d & D_REL) )
            n = 4;
        if ( !take(s, n, &v) )
            return false;
        insn->imm = sext_from(v, n);
        insn->imm_bytes = n;
    }
    if ( d & D_IV )
    {
        n = insn->op_bytes;
        if ( !take(s, n, &v) )
            return false;
        insn->imm = v;
        insn->imm_bytes = n;
    }
    return true;
}

/* BT/BTS/BTR/BTC with a register bit offset may address beyond ea. */
static void bit_offset_adjust(struct x86_insn *insn,
                              const struct cpu_user_regs *regs)
{
    int64_t off;
    unsigned int bits = insn->op_bytes * 8;

    if ( insn->map != X86_MAP_0F || !insn->mem )
        return;
    switch ( insn->opcode )
    {
    case 0xa3: case 0xab: case 0xb3: case 0xbb:
        off = (int64_t)sext_from(x86_reg_read(regs, insn->reg, insn->op_bytes,
                                         insn->rex), insn->op_bytes);
        /* Arithmetic shift: negative offsets address below ea. */
        insn->ea += (uint64_t)((off >> (bits == 64 ? 6 : bits == 32 ? 5 : 4))
                               * (int64_t)insn->op_bytes);
        break;
    }
}

enum x86_decode_rc x86_decode(struct x86_insn *insn,
                              const struct cpu_user_regs *regs,
                              unsigned int mode, uint64_t cs_base,
                              x86_fetch_fn fetch, void *ctx)
{
    struct dstate s = {
        .insn = insn, .regs = regs, .cs_base = cs_base,
        .fetch = fetch, .ctx = ctx, .rc = X86_DECODE_OK,
    };
    unsigned int d;
    uint64_t b;

    memset(insn, 0, sizeof(*insn));
    insn->ip = regs->rip;
    insn->mode = mode;
    insn->seg_override = X86_SEG_NONE;
    insn->seg = X86_SEG_NONE;
    if ( mode != 64 )
        insn->ip = (uint32_t)insn->ip;

    for ( ; ; )
    {
        if ( !take(&s, 1, &b) )
            return s.rc;
        if ( !is_prefix(b, mode) )
            break;
        apply_prefix(insn, b);
    }

    /* VEX (c4/c5), EVEX (62) and XOP (8f) are escapes in long mode, and
     * outside it when the next byte could not be a memory ModRM. */
    if ( onebyte[b] & D_VEX )
    {
        uint64_t next;

        if ( !need(&s, s.pos + 1) )
            return s.rc;
        next = insn->bytes[s.pos];
        if ( b == 0x8f ? (next & 0x38) != 0
                       : (mode == 64 || (next & 0xc0) == 0xc0) )
            return X86_DECODE_UNSUPPORTED;
    }

    if ( !read_opcode(&s, b, &d) )
        return s.rc;

    if ( d & D_MODRM )
    {
        uint64_t m;

        if ( !take(&s, 1, &m) )
            return s.rc;
        insn->has_modrm = true;
        insn->modrm = m;
        insn->mod = m >> 6;
        insn->reg = ((m >> 3) & 7) | ((insn->rex & 4) << 1);
        insn->rm = (m & 7) | ((insn->rex & 1) << 3);
        refine(insn, &d);
    }

    if ( (d & D_UD) || ((d & D_I64) && mode == 64) )
        return X86_DECODE_UD;

    set_sizes(insn, d);

    if ( insn->has_modrm && insn->mod != 3 )
    {
        insn->mem = true;
        if ( !(insn->ad_bytes == 2 ? modrm16(&s) : modrm32(&s)) )
            return s.rc;
    }

    if ( !read_immediates(&s, d) )
        return s.rc;

    if ( insn->mem )
    {
        if ( insn->rip_relative )
            insn->ea += insn->ip + s.pos;
        if ( insn->seg_override != X86_SEG_NONE )
            insn->seg = insn->seg_override;
        bit_offset_adjust(insn, regs);
        insn->ea = trunc_to(insn->ea, insn->ad_bytes);
        insn->mem_access = d & D_R ? X86_MEM_READ : 0;
        insn->mem_access |= d & D_W ? X86_MEM_WRITE : 0;
        insn->mem_bytes = (d & D_BYTE) ? 1 : mem_size(insn);
    }

    insn->len = s.pos;
    return X86_DECODE_OK;
}

uint64_t x86_insn_linear(const struct x86_insn *insn, uint64_t seg_base)
{
    uint64_t la = seg_base + insn->ea;

    return insn->mode == 64 ? la : (uint32_t)la;
}

void x86_insn_mem_write(const struct x86_insn *insn,
                        const struct cpu_user_regs *regs,
                        struct x86_mem_write *w)
{
    unsigned int n = insn->op_bytes;

    memset(w, 0, sizeof(*w));
    if ( !insn->mem || !(insn->mem_access & X86_MEM_WRITE) )
        return;
    w->bytes = insn->mem_bytes;

    if ( insn->map == X86_MAP_1B )
    {
        switch ( insn->opcode )
        {
        case 0x88: case 0x89: case 0xa2: case 0xa3:
            w->kind = X86_WRITE_MOV;
            w->val = x86_reg_read(regs, insn->opcode >= 0xa0 ? 0 : insn->reg,
                                  n, insn->rex);
            return;
        case 0xc6: case 0xc7:
            w->kind = X86_WRITE_MOV;
            w->val = trunc_to(insn->imm, n);
            return;
        case 0x86: case 0x87:
            w->kind = X86_WRITE_XCHG;
            w->val = x86_reg_read(regs, insn->reg, n, insn->rex);
            return;
        }
    }
    else if ( insn->map == X86_MAP_0F )
    {
        switch ( insn->opcode )
        {
        case 0xc3:
            w->kind = X86_WRITE_MOV;
            w->val = x86_reg_read(regs, insn->reg, n, insn->rex);
            return;
        case 0xb0: case 0xb1:
            w->kind = X86_WRITE_CMPXCHG;
            w->val = x86_reg_read(regs, insn->reg, n, insn->rex);
            w->cmp = x86_reg_read(regs, 0, n, insn->rex);
            return;
        case 0xc7:
            /* CMPXCHG8B: EDX:EAX against memory, ECX:EBX stored;
             * CMPXCHG16B: the same with 64-bit halves. */
            w->kind = X86_WRITE_CMPXCHG_DBL;
            if ( w->bytes == 16 )
            {
                w->cmp = regs->rax;
                w->cmp_hi = regs->rdx;
                w->val = regs->rbx;
                w->val_hi = regs->rcx;
            }
            else
            {
                w->cmp = (uint32_t)regs->rax | (regs->rdx << 32);
                w->val = (uint32_t)regs->rbx | (regs->rcx << 32);
            }
            return;
        }
    }

    /* Read-modify-write: report the source operand for the caller. */
    w->kind = X86_WRITE_RMW;
    if ( insn->imm_bytes )
        w->val = trunc_to(insn->imm, n);
    else if ( insn->map == X86_MAP_1B && insn->opcode >= 0xd0 &&
              insn->opcode <= 0xd3 )
        w->val = insn->opcode <= 0xd1 ? 1 : regs->rcx & 0xff;
    else
        w->val = x86_reg_read(regs, insn->reg, n, insn->rex);
}
