/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest side of exceptions, callbacks and user mode: the trap table
 * the stubs in trap-entry.S are registered in, the handlers they call, and
 * the record tests check.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"

#define STUB_SIZE   64
#define PAGE        4096UL
#define PTE_FLAGS   0x067UL         /* present, writable, user, A, D */

extern char trap_stubs_hw[], trap_stubs_sw[];
extern char trap_stub_event[], trap_stub_syscall[], trap_stub_syscall32[];
extern char trap_stub_failsafe[];
void __attribute__((noreturn)) user_resume(long value);
void trap_dispatch(struct trap_frame *f);

struct trap_record last_trap;
unsigned int unexpected_traps;
int trap_expected = -1;
unsigned int trap_skip;
trap_handler_t user_syscall_hook;
struct trap_frame user_last_frame;
unsigned long kernel_stack_top;
bool traps_no_syscall_callback;

static trap_handler_t handlers[VEC_SYSCALL32 + 1];
static bool in_user;
static long (*user_fn)(long);

static uint8_t kernel_stack[16384] __attribute__((aligned(16)));
static uint8_t user_stack[16384] __attribute__((aligned(16)));
static uint8_t shinfo_page[PAGE] __attribute__((aligned(PAGE)));
static shared_info_t *shinfo;
static bool shinfo_tried;

unsigned long trap_stub(unsigned int vector)
{
    switch ( vector )
    {
    case VEC_EVENT:
        return (unsigned long)trap_stub_event;
    case VEC_SYSCALL:
        return (unsigned long)trap_stub_syscall;
    case VEC_SYSCALL32:
        return (unsigned long)trap_stub_syscall32;
    case VEC_FAILSAFE:
        return (unsigned long)trap_stub_failsafe;
    }
    if ( vector < 32 )
        return (unsigned long)trap_stubs_hw + vector * STUB_SIZE;
    return (unsigned long)trap_stubs_sw + (vector & 0xff) * STUB_SIZE;
}

unsigned long trap_stub_sw(unsigned int vector)
{
    return (unsigned long)trap_stubs_sw + (vector & 0xff) * STUB_SIZE;
}

/* shared_info, mapped over a page of ours the first time it is asked for. */
static shared_info_t *shared_info(void)
{
    if ( !shinfo && !shinfo_tried )
    {
        shinfo_tried = true;
        if ( !HYPERVISOR_update_va_mapping((unsigned long)shinfo_page,
                                           start_info->shared_info |
                                           PTE_FLAGS, UVMF_INVLPG) )
            shinfo = (shared_info_t *)shinfo_page;
        else
            printf("traps: shared_info could not be mapped\n");
    }
    return shinfo;
}

shared_info_t *trap_shared_info(void)
{
    return shared_info();
}

static uint8_t dummy_mask, dummy_pending;

uint8_t *upcall_mask(void)
{
    shared_info_t *s = shared_info();

    return s ? &s->vcpu_info[0].evtchn_upcall_mask : &dummy_mask;
}

uint8_t *upcall_pending(void)
{
    shared_info_t *s = shared_info();

    return s ? &s->vcpu_info[0].evtchn_upcall_pending : &dummy_pending;
}

void trap_set_handler(unsigned int vector, trap_handler_t h)
{
    if ( vector < ARRAY_SIZE(handlers) )
        handlers[vector] = h;
}

long trap_register(unsigned int vector, unsigned int flags,
                   unsigned long address)
{
    struct trap_info t[2] = {
        { .vector = vector, .flags = flags, .cs = FLAT_KERNEL_CS,
          .address = address ? address : trap_stub(vector) },
    };

    return HYPERVISOR_set_trap_table(t);
}

/* Stop at once: a fault we cannot make sense of would only repeat. */
static void __attribute__((noreturn)) trap_abort(void)
{
    struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };

    test_report();
    HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    for ( ;; )
        ;
}

static void record(const struct trap_frame *f)
{
    shared_info_t *s = shinfo;

    last_trap.count++;
    last_trap.f = *f;
    last_trap.frame_rip = (unsigned long)&f->rip;
    if ( s )
    {
        last_trap.cr2 = s->vcpu_info[0].arch.cr2;
        last_trap.mask_at_entry = s->vcpu_info[0].evtchn_upcall_mask;
    }
}

static void unexpected(const struct trap_frame *f)
{
    unexpected_traps++;
    test_fail("unexpected trap: vector %#lx at %lx:%#lx, error code %#lx, "
              "rsp %#lx", f->vector, f->cs, f->rip, f->error_code, f->rsp);
    if ( unexpected_traps > 4 )
        trap_abort();
}

/* User mode ends where a trap from it was expected, or was a syscall. */
static void leave_user(const struct trap_frame *f, long value)
{
    user_last_frame = *f;
    in_user = false;
    user_resume(value);
}

static void default_handler(struct trap_frame *f)
{
    record(f);
    if ( (int)f->vector != trap_expected )
    {
        unexpected(f);
        /* Faults would come back; leave the user code or stop. */
        if ( in_user && (f->cs & 3) == 3 )
            leave_user(f, -1);
        trap_abort();
    }
    if ( in_user && (f->cs & 3) == 3 && !trap_skip )
        leave_user(f, -1000 - (long)f->vector);
    f->rip += trap_skip;
}

static void syscall_handler(struct trap_frame *f)
{
    record(f);
    if ( in_user && f->rax == USER_EXIT )
        leave_user(f, f->rdi);
    if ( user_syscall_hook )
    {
        user_syscall_hook(f);
        return;
    }
    unexpected(f);
    trap_abort();
}

void trap_dispatch(struct trap_frame *f)
{
    unsigned long v = f->vector;

    if ( v < ARRAY_SIZE(handlers) && handlers[v] )
        handlers[v](f);
    else if ( v == VEC_SYSCALL || v == VEC_SYSCALL32 ||
              (v == 0x80 && in_user && f->rax == USER_EXIT) )
        syscall_handler(f);
    else
        default_handler(f);
}

void trap_reset(void)
{
    memset(&last_trap, 0, sizeof(last_trap));
    unexpected_traps = 0;
    trap_expected = -1;
    trap_skip = 0;
}

bool expect_trap(unsigned int vector, unsigned int skip, void (*fn)(void))
{
    unsigned int before = last_trap.count;

    trap_expected = vector;
    trap_skip = skip;
    fn();
    trap_expected = -1;
    trap_skip = 0;
    return last_trap.count == before + 1 && last_trap.f.vector == vector;
}

static long register_callback(unsigned int type, unsigned long address,
                              unsigned int flags)
{
    struct callback_register cb = {
        .type = type, .flags = flags, .address = address,
    };

    return HYPERVISOR_callback_op(CALLBACKOP_register, &cb);
}

void traps_init(void)
{
    struct trap_info t[33];
    unsigned int n = 0;

    for ( unsigned int v = 0; v < 32; v++ )
        t[n++] = (struct trap_info){
            .vector = v, .flags = (v == 3 || v == 4) ? 3 : 0,
            .cs = FLAT_KERNEL_CS, .address = trap_stub(v),
        };
    t[n] = (struct trap_info){ 0 };
    if ( HYPERVISOR_set_trap_table(t) )
        test_fail("set_trap_table refused the test's table");
    if ( register_callback(CALLBACKTYPE_event, trap_stub(VEC_EVENT),
                           CALLBACKF_mask_events) ||
         (!traps_no_syscall_callback &&
          register_callback(CALLBACKTYPE_syscall, trap_stub(VEC_SYSCALL),
                            CALLBACKF_mask_events)) ||
         register_callback(CALLBACKTYPE_failsafe, trap_stub(VEC_FAILSAFE),
                           CALLBACKF_mask_events) )
        test_fail("callback_op refused the test's callbacks");
    shared_info();
}

long user_mode_init(void)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    struct mmuext_op op = { .cmd = MMUEXT_NEW_USER_BASEPTR };
    long rc;

    kernel_stack_top = (unsigned long)kernel_stack + sizeof(kernel_stack);
    rc = HYPERVISOR_stack_switch(FLAT_KERNEL_SS, kernel_stack_top);
    if ( rc )
        return rc;
    /* Every guest page is user-accessible: one L4 serves both modes. */
    op.arg1.mfn = p2m[(start_info->pt_base - VIRT_BASE) / PAGE];
    return HYPERVISOR_mmuext_op(&op, 1, NULL);
}

static void __attribute__((noreturn)) user_main(long arg)
{
    user_exit(user_fn(arg));
}

long user_call(long (*fn)(long), long arg)
{
    uint8_t mask = *upcall_mask();
    long rc;

    user_fn = fn;
    in_user = true;
    /* At a function's entry RSP is 8 past a 16-byte boundary. */
    rc = user_enter((unsigned long)user_main,
                    (unsigned long)user_stack + sizeof(user_stack) - 8,
                    arg, 0x202);
    in_user = false;
    /* We came back through a callback that masked events: undo it. */
    *upcall_mask() = mask;
    return rc;
}
