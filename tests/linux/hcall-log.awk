# SPDX-License-Identifier: GPL-2.0-only
# Summarise a QEMU log of a Linux PV boot (tests/linux/trace-hypercalls):
# register dumps taken where Linux enters and leaves its hypercall stub
# (-d cpu -dfilter), and exception reports (-d int).
#
# vars: site (VA of xen_hypercall_pv), iret (VA of xen_iret), names (file
#       of "FAMILY VALUE NAME" lines), out_hc, out_emul (output files)
# A dump at site is a call (RAX number, RDI.. arguments), at site+3 the
# same call resumed by a continuation, at site+5 its return (RAX result);
# call and return are paired by the stack pointer.  Sub-ops that live in
# guest memory (mmuext_op, multicall, platform_op...) are not visible here.

function hex(s,    i, v)
{
    v = 0
    s = tolower(s)
    for (i = 1; i <= length(s); i++)
        v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
    return v
}

function sval(s)
{
    if (substr(s, 1, 8) == "ffffffff")
        return hex(substr(s, 9)) - 4294967296
    return hex(s)
}

# The stack pointer 16 bytes lower (the stub pushes RCX and R11).
function below16(s,    lo)
{
    lo = hex(substr(s, 9)) - 16
    return substr(s, 1, 8) sprintf("%08x", lo)
}

function name(fam, v)
{
    if ((fam SUBSEP v) in nm)
        return nm[fam, v]
    return v
}

function subop(nr, rdi, rsi, rdx,    n, c)
{
    n = name("HC", nr)
    c = hex(rdi)
    if (n == "memory_op")
        return name("XENMEM", c % 64)
    if (n == "vcpu_op")
        return name("VCPUOP", c)
    if (n == "event_channel_op")
        return name("EVTCHNOP", c)
    if (n == "sched_op")
        return name("SCHEDOP", c)
    if (n == "xen_version")
        return name("XENVER", c)
    if (n == "console_io")
        return name("CONSOLEIO", c)
    if (n == "grant_table_op")
        return name("GNTTABOP", c)
    if (n == "physdev_op")
        return name("PHYSDEVOP", c)
    if (n == "set_segment_base")
        return name("SEGBASE", c)
    if (n == "vm_assist")
        return (c ? "disable " : "enable ") name("VMASST_TYPE", hex(rsi))
    if (n == "update_va_mapping")
        return (hex(rdx) % 4 == 2) ? "UVMF_INVLPG" : \
            (hex(rdx) % 4 == 1) ? "UVMF_TLB_FLUSH" : "UVMF_NONE"
    if (n == "hvm_op" || n == "xenpmu_op")
        return c
    return ""
}

function note(k)
{
    if (!(k in calls))
        order[++norder] = k
    calls[k]++
}

BEGIN {
    while ((getline line < names) > 0)
    {
        split(line, f, " ")
        nm[f[1], f[2]] = f[3]
    }
    phase = "kernel"
    ret = substr(site, 1, 8) sprintf("%08x", hex(substr(site, 9)) + 5)
    resume = substr(site, 1, 8) sprintf("%08x", hex(substr(site, 9)) + 3)
}

# An exception report: its register dump describes the faulting code, not
# a hypercall site.
/ v=[0-9a-f][0-9a-f] e=[0-9a-f]* i=[01] cpl=/ {
    skip = 1
    if ($0 ~ / v=0[d6] e=[0-9a-f]* i=0 cpl=3 IP=e033:ffffffff/)
    {
        v = $0; sub(/.* v=/, "", v); v = substr(v, 1, 2)
        ip = $0; sub(/.* IP=e033:/, "", ip); sub(/ .*/, "", ip)
        ek = v " " ip
        emul[ek]++
        want_regs = 1
    }
    next
}

/^RAX=/ {
    split($0, r, /[ =]+/)
    rax = r[2]; rcx = r[6]; rdx = r[8]
    if (want_regs)
    {
        eax[ek] = add(eax[ek], substr(rax, 9))
        ecx[ek] = add(ecx[ek], substr(rcx, 9))
        want_regs = 0
    }
    next
}
/^RSI=/ { split($0, r, /[ =]+/); rsi = r[2]; rdi = r[4]; rsp = r[8]; next }
/^R8 =/ { split($0, r, /[ =]+/); r8 = r[2]; r10 = r[6]; next }

/^RIP=/ {
    rip = substr($1, 5)
    if (skip)
    {
        skip = 0
        next
    }
    if (rip == site)
    {
        nr = hex(rax)
        k = phase " | " name("HC", nr) " | " subop(nr, rdi, rsi, rdx)
        note(k)
        pend[below16(rsp)] = k
        # busybox's first thread-pointer write marks user space.
        if (name("HC", nr) == "set_segment_base" && hex(rdi) == 0 &&
            hex(rsi) != 0 && phase == "kernel")
            phase = "user"
    }
    else if (rip == resume)
    {
        if (rsp in pend)
            cont[pend[rsp]]++
    }
    else if (rip == ret)
    {
        if (rsp in pend)
        {
            k = pend[rsp]
            delete pend[rsp]
            res[k, sval(rax)]++
            if (!((k, sval(rax)) in seenres))
            {
                seenres[k, sval(rax)] = 1
                rlist[k] = rlist[k] " " sval(rax)
            }
        }
    }
    else if (rip == iret)
        note(phase " | iret | ")
    next
}

function add(set, v,    t)
{
    if (index(" " set " ", " " v " ") || split(set, t, " ") >= 12)
        return set
    return set == "" ? v : set " " v
}

END {
    print "# phase | hypercall | sub-op | calls | continuations | " \
        "results (value x count)" > out_hc
    for (i = 1; i <= norder; i++)
    {
        k = order[i]
        n = split(rlist[k], rv, " ")
        s = ""
        for (j = 1; j <= n; j++)
            s = s (j > 1 ? ", " : "") rv[j] " x" res[k, rv[j]]
        printf "%s | %d | %d | %s\n", k, calls[k], cont[k] + 0, \
            (s == "" ? "-" : s) > out_hc
    }
    for (ek in emul)
        print emul[ek], ek, eax[ek] "|" ecx[ek] > out_emul
}
