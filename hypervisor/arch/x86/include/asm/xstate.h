/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XSAVE-managed register state: the host's setup (CR4.OSXSAVE, XCR0) and
 * each PV VCPU's save area and XCR0, used when the CPU has XSAVE.
 */
#ifndef ASM_XSTATE_H
#define ASM_XSTATE_H

#include <hv/types.h>

struct vcpu;

#define XSTATE_FP           (1ULL << 0)
#define XSTATE_SSE          (1ULL << 1)
#define XSTATE_YMM          (1ULL << 2)
#define XSTATE_FP_SSE       (XSTATE_FP | XSTATE_SSE)

/* The FXSAVE image at the start of every XSAVE area, then the header. */
#define XSTATE_LEGACY_SIZE  512
#define XSTATE_AREA_MIN_SIZE (XSTATE_LEGACY_SIZE + 64)

/*
 * Whether the CPU has XSAVE and we use it.  Decided on the first call,
 * which also sets this CPU up; later calls on any CPU only report it.
 */
bool xstate_enabled(void);

/* Make this CPU ready for XSAVE (CR4.OSXSAVE, XCR0): once per CPU. */
void xstate_cpu_init(void);

/* The user state components the hypervisor enables in XCR0. */
uint64_t xstate_host_mask(void);

/*
 * A VCPU's area and XCR0 (struct pv_vcpu), given at its creation: false
 * if there is no memory for one, and the VCPU then keeps to x87 and SSE.
 * The area is freed with the VCPU.
 */
bool xstate_vcpu_init(struct vcpu *v);
void xstate_vcpu_free(struct vcpu *v);

/* The guest's XCR0 (0 until it sets one) and what it ever enabled. */
uint64_t xstate_vcpu_xcr0(const struct vcpu *v);
uint64_t xstate_vcpu_accum(const struct vcpu *v);

/* Load the VCPU's XCR0 into this CPU, as it starts running here. */
void xstate_load_xcr0(const struct vcpu *v);

/*
 * Save the registers' state to the VCPU's area, and its FXSAVE part to
 * legacy; restore the area, with legacy as its FXSAVE part.  Both want
 * CR0.TS clear, and false means the VCPU has no area.
 */
bool xstate_save(struct vcpu *v, void *legacy);
bool xstate_restore(struct vcpu *v, const void *legacy);

/*
 * XSETBV by the guest, already validated against its policy: load and
 * record it.  -EINVAL if the hardware would not take it.
 */
int xstate_set_xcr0(struct vcpu *v, uint64_t xcr0);

/*
 * A new context for a VCPU at rest (setvcpucontext, VCPUOP_initialise),
 * as Xen sets one up: x87 and SSE from its FXSAVE image if legacy_valid,
 * in their initial state otherwise, and every other component in its
 * initial state.  False if the VCPU has no area.
 */
bool xstate_setup_fpu(struct vcpu *v, bool legacy_valid);

/*
 * The size of an area in XSAVE's standard layout holding the components
 * of mask: 0 for none (or without XSAVE), at least XSTATE_AREA_MIN_SIZE.
 */
unsigned int xstate_size(uint64_t mask);

/*
 * The area of a VCPU at rest as the toolstack sees it, size bytes of it
 * (at most xstate_size() of what it ever enabled), and loading one the
 * toolstack checked, with the XCR0 values that go with it.
 */
void xstate_get_area(const struct vcpu *v, void *buf, unsigned int size);
void xstate_set_area(struct vcpu *v, uint64_t xcr0, uint64_t accum,
                     const void *buf, unsigned int size);

#endif /* ASM_XSTATE_H */
