/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypercall fuzzer's shared pieces: the random source, the memory it
 * aims hypercalls at, and the generator of one call (fuzz-gen.c).
 */
#ifndef FUZZ_HYPERCALLS_H
#define FUZZ_HYPERCALLS_H

/* domctl.h, sysctl.h and platform.h are the toolstack's: say we are one. */
#undef __XEN_INTERFACE_VERSION__
#define __XEN_TOOLS__ 1
#include "gnttab-common.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include <public/domctl.h>
#include <public/sysctl.h>
#include <public/platform.h>
#include <public/physdev.h>
#include <public/vcpu.h>

/* Hypercall numbers 0..63 each get a row; row 64 holds all beyond. */
#define FZ_ROWS         65

/*
 * Frames of ours the fuzzer may hand out: the pool (spare frames of the
 * reservation, never mapped, free to become tables, descriptors or copy
 * targets) and the balloon (frames it may give back and take again).
 */
#define FZ_POOL         32
#define FZ_BALLOON      64
/* Scratch slots (mmu-common.h) the fuzzer may map anything at. */
#define FZ_SLOTS        16
/* Slots the end checks use; GT_SLOT holds our grant table. */
#define FZ_CHECK_SLOT   (FZ_SLOTS + 1)

/* What a call may have changed that must be put back before going on. */
#define FZ_TRAPS        (1u << 0)   /* trap table, callbacks, NMI */
#define FZ_DEBUGREG     (1u << 1)
#define FZ_SEGMENTS     (1u << 2)   /* segment bases, GDT, LDT */
#define FZ_FPU          (1u << 3)
#define FZ_STACK        (1u << 4)
#define FZ_TIMERS       (1u << 5)   /* periodic and single-shot timers */
#define FZ_AREAS        (1u << 6)   /* runstate and time areas */
#define FZ_IO           (1u << 7)   /* IOPL and I/O bitmap */
#define FZ_PIN          (1u << 8)   /* pin_override */

struct fuzz_call {
    unsigned long nr;
    unsigned long a[5];
    unsigned int sub;               /* the sub-op, for the details */
    unsigned int restore;           /* FZ_* */
    /* Called with the result, to track frames gained or lost. */
    void (*post)(struct fuzz_call *c, long rc);
    void *ctx;
};

/* The random source: xorshift64*, seeded from the command line. */
uint64_t rnd(void);
void rnd_seed(uint64_t seed);
/* Mostly small numbers, numbers next to a power of two, sometimes any. */
unsigned long rnum(void);

/*
 * Scratch memory for one call's arguments, reset before each top-level
 * call.  Its last page is followed by an unmapped guard page.
 */
void *arena_alloc(size_t size);
void arena_reset(void);
/*
 * Zeroed memory for what the fuzzer reads back after the call (lists the
 * hypervisor fills, multicall entries), apart from the arena so that no
 * argument buffer can overlap it; reset with the arena.
 */
void *ctx_alloc(size_t size);
/* Random bytes of size, in the arena. */
void *arena_junk(size_t size);
/*
 * A pointer of a random kind: NULL, low unmapped memory, the read-only
 * page, across into the guard page, the hypervisor's range,
 * non-canonical, or a buffer of size random bytes in the arena.  Never
 * memory the guest lives in.
 */
unsigned long rptr(size_t size);
/* An address where nothing of ours is mapped. */
unsigned long bad_ptr(void);
/* A word for a random structure: a number or an rptr() of a few bytes. */
uint64_t rword(void);
/* Fill a structure with rword()s. */
void fill_junk(void *p, size_t size);

/* Frames: the pool, the balloon, our live tables and image, garbage. */
unsigned long pool_mfn(unsigned int i);
unsigned long any_pool_mfn(void);
/* A frame number no domain owns: beyond any RAM QEMU gives us. */
unsigned long garbage_mfn(void);
/* A frame of ours that may be named where only reads happen. */
unsigned long readable_mfn(void);
/* A frame that writes may land on: pool, balloon or garbage. */
unsigned long writable_mfn(void);
/* The live L4 frame. */
unsigned long live_l4_mfn(void);

/* The balloon: frames we hold beyond the start-of-day reservation. */
unsigned long balloon_take(void);   /* 0 if empty */
void balloon_give(unsigned long mfn);
unsigned int balloon_count(void);

/* The domain the domctls and foreign calls aim at (created at start). */
extern domid_t fuzz_domu;
/* A domain id: ourselves (DOMID_SELF or 0), the domU, or no domain. */
domid_t rdomid(bool allow_self);

/* The guest's own grant table, mapped at GT_SLOT. */
extern struct grant_entry_v1 *fuzz_gt;
#define FZ_GREFS        32
void fuzz_regrant(void);

/* Generate one call; nested: it will run as a multicall entry. */
void fuzz_gen(struct fuzz_call *c, bool nested);

/* Record a result (from the driver and for multicall entries). */
void fuzz_record(const struct fuzz_call *c, long rc);

#endif /* FUZZ_HYPERCALLS_H */
