# SPDX-License-Identifier: GPL-2.0-only
# gdb script (run by tests/linux/trace-hypercalls): count every hypercall a
# 64-bit Linux PV guest makes, by sub-op, with the hypervisor's answers.
#
# Linux funnels its hypercalls through one SYSCALL in xen_hypercall_pv and
# its iret hypercalls through xen_iret; both are found by their bytes in the
# unpacked vmlinux, so the kernel needs no symbols.  A breakpoint on the
# SYSCALL reads the request, one on the next instruction reads the answer.
#
# env: HCTRACE_VMLINUX (the ELF), HCTRACE_HEADERS (our public headers, for
#      names), HCTRACE_OUT (the report), HCTRACE_PORT (QEMU's gdb port)

import collections
import os
import re
import struct

import gdb

VMLINUX = os.environ["HCTRACE_VMLINUX"]
HEADERS = os.environ["HCTRACE_HEADERS"]
OUT = os.environ["HCTRACE_OUT"]
PORT = os.environ.get("HCTRACE_PORT", "1234")

# push %rcx; push %r11; syscall; pop %r11; pop %rcx
PAT_HCALL = bytes.fromhex("5141530f05415b59")
# pushq $0; push %rcx; push %r11; push %rax; mov $23,%eax; syscall
PAT_IRET = bytes.fromhex("6a0051415350b8170000000f05")


def find_va(elf, pat):
    """Virtual address of the only occurrence of pat in a PT_LOAD."""
    with open(elf, "rb") as f:
        data = f.read()
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    hits = []
    for i in range(phnum):
        p_type, _, off, vaddr, _, filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize)
        if p_type != 1:
            continue
        start = off
        while True:
            at = data.find(pat, start, off + filesz)
            if at < 0:
                break
            hits.append(vaddr + at - off)
            start = at + 1
    if len(hits) != 1:
        raise gdb.GdbError("%s: %d matches of %s" % (elf, len(hits),
                                                     pat.hex()))
    return hits[0]


def read_names(prefix, caps=False):
    """value -> name for '#define PREFIXname value' in our headers."""
    names = {}
    rx = re.compile(r"^#define\s+(%s(\w+))\s+\(?(0x[0-9a-fA-F]+|\d+)\)?\s"
                    % re.escape(prefix))
    for root, _, files in sorted(os.walk(HEADERS)):
        for fn in sorted(files):
            if not fn.endswith(".h"):
                continue
            with open(os.path.join(root, fn)) as f:
                for line in f:
                    m = rx.match(line + " ")
                    if not m:
                        continue
                    # Commands are lower case, except these families.
                    if not caps and not re.search("[a-z]", m.group(2)):
                        continue
                    names.setdefault(int(m.group(3), 0), m.group(2))
    return names


HC = read_names("__HYPERVISOR_")
# Hypercall -> (how to find the sub-op, its name table)
SUB = {
    "memory_op": ("arg0_memop", read_names("XENMEM_")),
    "vcpu_op": ("arg0", read_names("VCPUOP_")),
    "event_channel_op": ("arg0", read_names("EVTCHNOP_")),
    "sched_op": ("arg0", read_names("SCHEDOP_")),
    "xen_version": ("arg0", read_names("XENVER_")),
    "console_io": ("arg0", read_names("CONSOLEIO_")),
    "grant_table_op": ("arg0", read_names("GNTTABOP_")),
    "physdev_op": ("arg0", read_names("PHYSDEVOP_")),
    "callback_op": ("callback", read_names("CALLBACKTYPE_")),
    "vm_assist": ("vmassist", read_names("VMASST_TYPE_")),
    "platform_op": ("struct_cmd", read_names("XENPF_")),
    "sysctl": ("struct_cmd", read_names("XEN_SYSCTL_")),
    "domctl": ("struct_cmd", read_names("XEN_DOMCTL_")),
    "set_segment_base": ("arg0", read_names("SEGBASE_", True)),
    "mmu_update": ("mmu", read_names("MMU_", True)),
    "mmuext_op": ("mmuext", read_names("MMUEXT_", True)),
    "update_va_mapping": ("uvm", {0: "UVMF_NONE", 1: "UVMF_TLB_FLUSH",
                                  2: "UVMF_INVLPG"}),
    "hvm_op": ("arg0", {}),
    "xenpmu_op": ("arg0", {}),
}

# A preempted batch comes back with this flag in its count (Xen's
# MMU_UPDATE_PREEMPTED) and RIP on the SYSCALL again.
COUNT_MASK = 0x7FFFFFFF

stats = collections.OrderedDict()   # (name, sub) -> record
pending = {}                        # rsp -> (keys, rdi, nr, is_multicall)
last_line = [""]                    # the console's last complete line
console_buf = [""]
seq = [0]


def mem(addr, size):
    return bytes(gdb.selected_inferior().read_memory(addr, size))


def reg(name):
    return int(gdb.parse_and_eval("$" + name)) & 0xFFFFFFFFFFFFFFFF


def signed(v):
    return v - (1 << 64) if v >> 63 else v


def sub_op(name, args):
    """The sub-op label of one call ('A+B' for mixed MMU batches)."""
    how, names = SUB.get(name, (None, {}))
    try:
        if how == "arg0":
            vals = [args[0]]
        elif how == "arg0_memop":
            vals = [args[0] & 0x3F]
        elif how == "callback":
            vals = [struct.unpack("<H", mem(args[1], 2))[0]]
            name2 = {0: "register", 1: "unregister"}.get(args[0], args[0])
            return "%s %s" % (name2, names.get(vals[0], vals[0]))
        elif how == "vmassist":
            return "%s %s" % ({0: "enable", 1: "disable"}.get(args[0],
                                                              args[0]),
                              names.get(args[1], args[1]))
        elif how == "struct_cmd":
            vals = [struct.unpack("<I", mem(args[0], 4))[0]]
        elif how == "mmu":
            n = min(args[1] & COUNT_MASK, 4096)
            raw = mem(args[0], 16 * n) if n else b""
            vals = sorted({struct.unpack_from("<Q", raw, 16 * i)[0] & 3
                           for i in range(n)})
        elif how == "mmuext":
            n = min(args[1] & COUNT_MASK, 4096)
            raw = mem(args[0], 24 * n) if n else b""
            vals = sorted({struct.unpack_from("<I", raw, 24 * i)[0]
                           for i in range(n)})
        elif how == "uvm":
            vals = [args[2] & 3]
        else:
            return ""
    except gdb.MemoryError:
        return "(unreadable)"
    return "+".join(str(names.get(v, v)) for v in vals)


def note(name, sub, via):
    k = (name, sub)
    r = stats.get(k)
    if r is None:
        r = stats[k] = {"n": 0, "mc": 0, "cont": 0,
                        "res": collections.Counter(),
                        "first": seq[0], "after": last_line[0]}
    r["n"] += 1
    if via:
        r["mc"] += 1
    return k


def console_write(args):
    n = min(args[1], 4096)
    if args[0] != 0 or not n:
        return
    try:
        text = mem(args[2], n).decode("ascii", "replace")
    except gdb.MemoryError:
        return
    lines = (console_buf[0] + text).split("\n")
    console_buf[0] = lines[-1]
    for ln in lines[:-1]:
        ln = ln.strip()
        if ln:
            last_line[0] = ln[:100]


def report():
    with open(OUT, "w") as f:
        f.write("# hypercalls by first use: name | sub-op | calls | "
                "of them in multicalls | continuations | "
                "results (value x count) | "
                "last console line before the first call\n")
        for (name, sub), r in stats.items():
            res = ", ".join("%d x%d" % kv for kv in
                            sorted(r["res"].items(), key=lambda kv: -kv[1]))
            f.write("%s | %s | %d | %d | %d | %s | %s\n" % (
                name, sub, r["n"], r["mc"], r["cont"], res or "-",
                r["after"]))


class Call(gdb.Breakpoint):
    def stop(self):
        seq[0] += 1
        if seq[0] % 20000 == 0:
            report()
        nr = reg("rax")
        rsp = reg("rsp")
        # Same stack, same call, no return in between: the hypervisor
        # preempted it and made the guest issue it again (a continuation).
        p = pending.get(rsp)
        if p is not None and p[4] == nr:
            stats[p[0][0]]["cont"] += 1
            return False
        args = [reg(r) for r in ("rdi", "rsi", "rdx", "r10", "r8")]
        name = HC.get(nr, "hypercall_%d" % nr)
        keys = []
        if name == "multicall":
            count = min(args[1] & COUNT_MASK, 256)
            raw = mem(args[0], 64 * count) if count else b""
            for i in range(count):
                op = struct.unpack_from("<Q", raw, 64 * i)[0]
                a = list(struct.unpack_from("<6Q", raw, 64 * i + 16))
                n2 = HC.get(op, "hypercall_%d" % op)
                keys.append(note(n2, sub_op(n2, a), True))
            keys.insert(0, note("multicall", "", False))
        else:
            if name == "console_io":
                console_write(args)
            keys.append(note(name, sub_op(name, args), False))
        pending[rsp] = (keys, args[0], args[1], name == "multicall", nr)
        return False


class Return(gdb.Breakpoint):
    def stop(self):
        rsp = reg("rsp")
        p = pending.pop(rsp, None)
        if p is None:
            return False
        keys, rdi, count, is_mc, _ = p
        stats[keys[0]]["res"][signed(reg("rax"))] += 1
        if is_mc:
            count = min(count, 256)
            raw = mem(rdi, 64 * count) if count else b""
            for i, k in enumerate(keys[1:count + 1]):
                res = struct.unpack_from("<q", raw, 64 * i + 8)[0]
                stats[k]["res"][res] += 1
        else:
            for k in keys[1:]:
                stats[k]["res"][signed(reg("rax"))] += 1
        return False


class Iret(gdb.Breakpoint):
    def stop(self):
        note("iret", "", False)
        return False


gdb.execute("set pagination off")
gdb.execute("set confirm off")
# Removing and re-inserting every breakpoint at each stop would make QEMU
# retranslate code each time.
gdb.execute("set breakpoint always-inserted on")
gdb.execute("set architecture i386:x86-64")
gdb.execute("target remote 127.0.0.1:%s" % PORT)
hcall = find_va(VMLINUX, PAT_HCALL)
iret = find_va(VMLINUX, PAT_IRET)
Call("*0x%x" % (hcall + 3), internal=True)
Return("*0x%x" % (hcall + 5), internal=True)
Iret("*0x%x" % (iret + 11), internal=True)
try:
    gdb.execute("continue")
except gdb.error:
    pass
report()
