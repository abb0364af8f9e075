/* SPDX-License-Identifier: GPL-2.0-only */
/* Every vmctl command in one table: its name, entry point, summary, usage
 * and help, the source of `vmctl --help` and `vmctl help CMD`. */
#include <string.h>

#include "vmctl.h"

const struct vmctl_cmd vmctl_cmds[] = {
    {
        "create", vmctl_main_create,
        "Create a domain from a libvirt domain XML file",
        "[OPTIONS] FILE",
        "Read FILE (libvirt domain XML, type='xen', a PV guest booted from\n"
        "a kernel file), build the domain and start it.\n"
        "\n"
        "  -n, --dry-run   only validate FILE and print the configuration\n"
        "                  as JSON; touches neither the hypervisor nor the\n"
        "                  files FILE names\n"
        "  -p, --paused    leave the domain paused once built\n"
        "  -c, --console   attach to the domain's console once it runs\n"
        "  -K, --no-kernel-cache\n"
        "                  unpack the kernel afresh and keep no copy (see\n"
        "                  KERNEL CACHE in vmctl(1))\n"
        "  -h, --help      print this help\n",
    },
    {
        "list", vmctl_main_list,
        "List domains",
        "[OPTIONS] [DOMAIN]",
        "List all domains, or DOMAIN only: name, id, memory, VCPUs, state\n"
        "and CPU time.\n"
        "\n"
        "  -j, --json      print a JSON array instead of a table\n"
        "  -h, --help      print this help\n",
    },
    {
        "info", vmctl_main_info,
        "Print information about the host and the hypervisor",
        "",
        "Print the hypervisor's version, the host's CPUs and memory and the\n"
        "free memory.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "destroy", vmctl_main_destroy,
        "Stop a domain at once and free its resources",
        "DOMAIN",
        "Kill DOMAIN (a name or a domain id) without asking its kernel:\n"
        "as pulling the power cord.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "shutdown", vmctl_main_shutdown,
        "Ask a domain to power off",
        "[OPTIONS] DOMAIN",
        "Ask DOMAIN's kernel to power off, through the xenstore node\n"
        "control/shutdown.\n"
        "\n"
        "  -w, --wait      return once the domain is gone\n"
        "  -h, --help      print this help\n",
    },
    {
        "reboot", vmctl_main_reboot,
        "Ask a domain to reboot",
        "[OPTIONS] DOMAIN",
        "Ask DOMAIN's kernel to reboot, through the xenstore node\n"
        "control/shutdown.\n"
        "\n"
        "  -w, --wait      return once the domain has restarted\n"
        "  -h, --help      print this help\n",
    },
    {
        "pause", vmctl_main_pause,
        "Stop scheduling a domain's VCPUs",
        "DOMAIN",
        "Pause DOMAIN: it keeps its memory but its VCPUs no longer run.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "unpause", vmctl_main_unpause,
        "Resume a paused domain",
        "DOMAIN",
        "Let DOMAIN's VCPUs run again after pause or create --paused.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "console", vmctl_main_console,
        "Attach to a domain's console",
        "DOMAIN",
        "Connect the terminal to DOMAIN's PV console; Ctrl-] detaches.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "dmesg", vmctl_main_dmesg,
        "Print the hypervisor's message buffer",
        "[OPTIONS]",
        "Print the hypervisor's console ring.\n"
        "\n"
        "  -c, --clear     empty the ring after printing it\n"
        "  -h, --help      print this help\n",
    },
    {
        "vcpu-pin", vmctl_main_vcpu_pin,
        "Restrict a domain's VCPUs to some physical CPUs",
        "DOMAIN VCPU CPUS",
        "Let VCPU (a number, or 'all') of DOMAIN run only on CPUS: a list\n"
        "of CPU numbers and ranges such as 0-3,6, or 'all'.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "sched-credit", vmctl_main_sched_credit,
        "Get or set a domain's credit scheduler parameters",
        "[OPTIONS]",
        "Print the weight and cap of every domain, or of DOMAIN; with -w\n"
        "or -c, set them.\n"
        "\n"
        "  -d, --domain=DOMAIN  the domain to print or change\n"
        "  -w, --weight=N       relative share of CPU time, 1 to 65535\n"
        "                       (the default weight is 256)\n"
        "  -c, --cap=N          upper limit in percent of one CPU, 0 to\n"
        "                       65535; 0 means no limit\n"
        "  -h, --help           print this help\n",
    },
    {
        "mem-max", vmctl_main_mem_max,
        "Set the most memory a domain may have",
        "DOMAIN SIZE",
        "Set DOMAIN's memory limit to SIZE: a number with an optional\n"
        "unit (b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T or TiB;\n"
        "KiB without one), as 512MiB or 1G.\n"
        "\n"
        "  -h, --help      print this help\n",
    },
    {
        "help", vmctl_main_help,
        "Print help for vmctl or one of its commands",
        "[COMMAND]",
        NULL,
    },
};

const unsigned int vmctl_nr_cmds = sizeof(vmctl_cmds) / sizeof(vmctl_cmds[0]);

const struct vmctl_cmd *vmctl_find_cmd(const char *name)
{
    unsigned int i;

    for ( i = 0; i < vmctl_nr_cmds; i++ )
        if ( !strcmp(vmctl_cmds[i].name, name) )
            return &vmctl_cmds[i];
    return NULL;
}
