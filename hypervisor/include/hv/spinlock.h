/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal spinlocks.  In the hypervisor a lock is a test-and-set word; on
 * the host (unit tests, no __HV__) it is a checked flag instead, so that a
 * single-threaded test that takes a lock twice stops at once.
 */
#ifndef HV_SPINLOCK_H
#define HV_SPINLOCK_H

#include <hv/types.h>

typedef struct
{
    unsigned int locked;
} spinlock_t;

#define SPIN_LOCK_UNLOCKED { 0 }

static inline void spin_lock_init(spinlock_t *l)
{
    l->locked = 0;
}

static inline bool spin_is_locked(const spinlock_t *l)
{
    return __atomic_load_n(&l->locked, __ATOMIC_RELAXED);
}

#ifdef __HV__

#include <asm/processor.h>

static inline bool spin_trylock(spinlock_t *l)
{
    /* Acquire: nothing of the critical section may move above the lock. */
    return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_lock(spinlock_t *l)
{
    /* Spin on plain reads so waiters do not bounce the cache line. */
    while ( !spin_trylock(l) )
        while ( spin_is_locked(l) )
            cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

/*
 * For locks also taken from interrupt handlers: an interrupt arriving on
 * the CPU that holds the lock would otherwise spin on it forever.
 */
#define spin_lock_irqsave(l, flags)             \
    do {                                        \
        local_irq_save(flags);                  \
        spin_lock(l);                           \
    } while ( 0 )

static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
    spin_unlock(l);
    local_irq_restore(flags);
}

#else /* !__HV__: host unit tests, one thread, no interrupts */

static inline bool spin_trylock(spinlock_t *l)
{
    if ( l->locked )
        return false;
    l->locked = 1;
    return true;
}

static inline void spin_lock(spinlock_t *l)
{
    /* With one thread, a held lock can only mean a recursive take. */
    if ( !spin_trylock(l) )
        __builtin_trap();
}

static inline void spin_unlock(spinlock_t *l)
{
    if ( !l->locked )
        __builtin_trap();
    l->locked = 0;
}

#define spin_lock_irqsave(l, flags)             \
    do {                                        \
        (flags) = 0;                            \
        spin_lock(l);                           \
    } while ( 0 )

static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
    (void)flags;
    spin_unlock(l);
}

#endif /* __HV__ */

#endif /* HV_SPINLOCK_H */
