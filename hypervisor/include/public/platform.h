/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_platform_op(op): host-wide operations for the hardware
 * domain (time, MTRRs, microcode, firmware, ACPI power, CPU hotplug).
 */
#ifndef __XEN_PUBLIC_PLATFORM_H__
#define __XEN_PUBLIC_PLATFORM_H__

#include "xen.h"

#define XENPF_INTERFACE_VERSION 0x03000001

/* Sets the wallclock at a given system time. */
#define XENPF_settime32           17
struct xenpf_settime32 {
    uint32_t secs;              /* IN */
    uint32_t nsecs;             /* IN */
    uint64_t system_time;       /* IN */
};
typedef struct xenpf_settime32 xenpf_settime32_t;

#define XENPF_settime64           62
struct xenpf_settime64 {
    uint64_t secs;              /* IN */
    uint32_t nsecs;             /* IN */
    uint32_t mbz;               /* must be zero */
    uint64_t system_time;       /* IN */
};
typedef struct xenpf_settime64 xenpf_settime64_t;

#if __XEN_INTERFACE_VERSION__ < 0x00040600
#define XENPF_settime XENPF_settime32
#define xenpf_settime xenpf_settime32
#else
#define XENPF_settime XENPF_settime64
#define xenpf_settime xenpf_settime64
#endif
typedef struct xenpf_settime xenpf_settime_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_settime_t);

/* MTRR management. */
#define XENPF_add_memtype         31
struct xenpf_add_memtype {
    xen_pfn_t mfn;              /* IN */
    uint64_t nr_mfns;           /* IN */
    uint32_t type;              /* IN: MTRR type */
    uint32_t handle;            /* OUT */
    uint32_t reg;               /* OUT: MTRR register used */
};
typedef struct xenpf_add_memtype xenpf_add_memtype_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_add_memtype_t);

#define XENPF_del_memtype         32
struct xenpf_del_memtype {
    uint32_t handle;            /* IN */
    uint32_t reg;               /* IN */
};
typedef struct xenpf_del_memtype xenpf_del_memtype_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_del_memtype_t);

#define XENPF_read_memtype        33
struct xenpf_read_memtype {
    uint32_t reg;               /* IN */
    xen_pfn_t mfn;              /* OUT */
    uint64_t nr_mfns;           /* OUT */
    uint32_t type;              /* OUT */
};
typedef struct xenpf_read_memtype xenpf_read_memtype_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_read_memtype_t);

#define XENPF_microcode_update    35
struct xenpf_microcode_update {
    XEN_GUEST_HANDLE(const_void) data;  /* IN: microcode blob */
    uint32_t length;                    /* IN */
};
typedef struct xenpf_microcode_update xenpf_microcode_update_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_microcode_update_t);

#define XENPF_platform_quirk      39
#define QUIRK_NOIRQBALANCING      1
#define QUIRK_IOAPIC_BAD_REGSEL   2
#define QUIRK_IOAPIC_GOOD_REGSEL  3
struct xenpf_platform_quirk {
    uint32_t quirk_id;          /* IN: QUIRK_* */
};
typedef struct xenpf_platform_quirk xenpf_platform_quirk_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_platform_quirk_t);

/* EFI runtime services, called on the hardware domain's behalf. */
#define XENPF_efi_runtime_call    49
#define XEN_EFI_get_time                      1
#define XEN_EFI_set_time                      2
#define XEN_EFI_get_wakeup_time               3
#define XEN_EFI_set_wakeup_time               4
#define XEN_EFI_get_next_high_monotonic_count 5
#define XEN_EFI_get_variable                  6
#define XEN_EFI_set_variable                  7
#define XEN_EFI_get_next_variable_name        8
#define XEN_EFI_query_variable_info           9
#define XEN_EFI_query_capsule_capabilities   10
#define XEN_EFI_update_capsule               11

struct xenpf_efi_time {
    uint16_t year;
    uint8_t  month;
    uint8_t  day;
    uint8_t  hour;
    uint8_t  min;
    uint8_t  sec;
    uint32_t ns;
    int16_t  tz;
    uint8_t  daylight;
};

struct xenpf_efi_guid {
    uint32_t data1;
    uint16_t data2;
    uint16_t data3;
    uint8_t  data4[8];
};

struct xenpf_efi_runtime_call {
    uint32_t function;          /* IN: XEN_EFI_* */
    uint32_t misc;              /* IN/OUT: per-function flags */
    xen_ulong_t status;         /* OUT: EFI status */
    union {                     /* IN/OUT: per function */
#define XEN_EFI_GET_TIME_SET_CLEARS_NS 0x00000001
        struct {
            struct xenpf_efi_time time;
            uint32_t resolution;
            uint32_t accuracy;
        } get_time;

        struct xenpf_efi_time set_time;

#define XEN_EFI_GET_WAKEUP_TIME_ENABLED 0x00000001
#define XEN_EFI_GET_WAKEUP_TIME_PENDING 0x00000002
        struct xenpf_efi_time get_wakeup_time;

#define XEN_EFI_SET_WAKEUP_TIME_ENABLE      0x00000001
#define XEN_EFI_SET_WAKEUP_TIME_ENABLE_ONLY 0x00000002
        struct xenpf_efi_time set_wakeup_time;

#define XEN_EFI_VARIABLE_NON_VOLATILE       0x00000001
#define XEN_EFI_VARIABLE_BOOTSERVICE_ACCESS 0x00000002
#define XEN_EFI_VARIABLE_RUNTIME_ACCESS     0x00000004
        struct {
            XEN_GUEST_HANDLE(void) name;    /* UCS-2, NUL-terminated */
            xen_ulong_t size;
            XEN_GUEST_HANDLE(void) data;
            struct xenpf_efi_guid vendor_guid;
        } get_variable, set_variable;

        struct {
            xen_ulong_t size;
            XEN_GUEST_HANDLE(void) name;
            struct xenpf_efi_guid vendor_guid;
        } get_next_variable_name;

#define XEN_EFI_VARINFO_BOOT_SNAPSHOT       0x00000001
        struct {
            uint32_t attr;
            uint64_t max_store_size;
            uint64_t remain_store_size;
            uint64_t max_size;
        } query_variable_info;

        struct {
            XEN_GUEST_HANDLE(void) capsule_header_array;
            xen_ulong_t capsule_count;
            uint64_t max_capsule_size;
            uint32_t reset_type;
        } query_capsule_capabilities;

        struct {
            XEN_GUEST_HANDLE(void) capsule_header_array;
            xen_ulong_t capsule_count;
            uint64_t sg_list;       /* machine address */
        } update_capsule;
    } u;
};
typedef struct xenpf_efi_runtime_call xenpf_efi_runtime_call_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_efi_runtime_call_t);

/* Firmware data the hypervisor gathered at boot (EDD, VBE, EFI). */
#define XENPF_firmware_info       50
#define XEN_FW_DISK_INFO          1 /* from int 0x13, AH=0x08 and 0x48 */
#define XEN_FW_DISK_MBR_SIGNATURE 2
#define XEN_FW_VBEDDC_INFO        3 /* from int 0x10, AX=0x4f15 */
#define XEN_FW_EFI_INFO           4 /* index selects XEN_FW_EFI_* */
#define XEN_FW_EFI_VERSION          0
#define XEN_FW_EFI_CONFIG_TABLE     1
#define XEN_FW_EFI_VENDOR           2
#define XEN_FW_EFI_MEM_INFO         3
#define XEN_FW_EFI_RT_VERSION       4
#define XEN_FW_EFI_PCI_ROM          5
#define XEN_FW_EFI_APPLE_PROPERTIES 6
#define XEN_FW_KBD_SHIFT_FLAGS    5
struct xenpf_firmware_info {
    uint32_t type;              /* IN: XEN_FW_* */
    uint32_t index;             /* IN: which instance */
    union {                     /* OUT */
        struct {
            uint8_t device;
            uint8_t version;
            uint16_t interface_support;
            uint16_t legacy_max_cylinder;
            uint8_t legacy_max_head;
            uint8_t legacy_sectors_per_track;
            XEN_GUEST_HANDLE(void) edd_params; /* IN: buffer, first word
                                                  gives its size */
        } disk_info;
        struct {
            uint8_t device;
            uint32_t mbr_signature;
        } disk_mbr_signature;
        struct {
            uint8_t capabilities;
            uint8_t edid_transfer_time;
            XEN_GUEST_HANDLE(uint8) edid; /* IN: 128-byte buffer */
        } vbeddc_info;

        union xenpf_efi_info {
            uint32_t version;
            struct {
                uint64_t addr;
                uint32_t nent;
            } cfg;
            struct {
                uint32_t revision;
                uint32_t bufsz;
                XEN_GUEST_HANDLE(void) name;
            } vendor;
            struct {
                uint64_t addr;
                uint64_t size;
                uint64_t attr;
                uint32_t type;
            } mem;
            struct {
                uint16_t segment;
                uint8_t bus;
                uint8_t devfn;
                uint16_t vendor;
                uint16_t devid;
                uint64_t address;
                xen_ulong_t size;
            } pci_rom;
            struct {
                uint64_t address;
                xen_ulong_t size;
            } apple_properties;
        } efi_info;

        uint8_t kbd_shift_flags;
    } u;
};
typedef struct xenpf_firmware_info xenpf_firmware_info_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_firmware_info_t);

#define XENPF_enter_acpi_sleep    51
struct xenpf_enter_acpi_sleep {
#if __XEN_INTERFACE_VERSION__ < 0x00040300
    uint16_t pm1a_cnt_val;      /* IN */
    uint16_t pm1b_cnt_val;      /* IN */
#else
    uint16_t val_a;             /* IN: PM1a_CNT, or sleep control */
    uint16_t val_b;             /* IN: PM1b_CNT, or sleep status */
#endif
    uint32_t sleep_state;       /* IN: S-state */
#define XENPF_ACPI_SLEEP_EXTENDED 0x00000001
    uint32_t flags;             /* IN: XENPF_ACPI_SLEEP_* */
};
typedef struct xenpf_enter_acpi_sleep xenpf_enter_acpi_sleep_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_enter_acpi_sleep_t);

#define XENPF_change_freq         52
struct xenpf_change_freq {
    uint32_t flags;             /* must be zero */
    uint32_t cpu;               /* IN */
    uint64_t freq;              /* IN: Hz */
};
typedef struct xenpf_change_freq xenpf_change_freq_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_change_freq_t);

/* Idle time of the CPUs in a map, all sampled at one instant. */
#define XENPF_getidletime         53
struct xenpf_getidletime {
    XEN_GUEST_HANDLE(uint8) cpumap_bitmap;  /* IN/OUT: CPUs to sample */
    uint32_t cpumap_nr_cpus;                /* IN */
    XEN_GUEST_HANDLE(uint64) idletime;      /* OUT: ns, per CPU */
    uint64_t now;                           /* OUT: system time */
};
typedef struct xenpf_getidletime xenpf_getidletime_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_getidletime_t);

/* ACPI processor power data the hardware domain parsed for us. */
#define XENPF_set_processor_pminfo 54

#define XEN_PROCESSOR_PM_CX       1
#define XEN_PROCESSOR_PM_PX       2
#define XEN_PROCESSOR_PM_TX       4

#define XEN_PM_CX                 0
#define XEN_PM_PX                 1
#define XEN_PM_TX                 2
#define XEN_PM_PDC                3

#define XEN_PX_PCT                1
#define XEN_PX_PSS                2
#define XEN_PX_PPC                4
#define XEN_PX_PSD                8

struct xen_power_register {
    uint32_t space_id;
    uint32_t bit_width;
    uint32_t bit_offset;
    uint32_t access_size;
    uint64_t address;
};

struct xen_processor_csd {
    uint32_t domain;
    uint32_t coord_type;
    uint32_t num;
};
typedef struct xen_processor_csd xen_processor_csd_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_csd_t);

struct xen_processor_cx {
    struct xen_power_register reg;
    uint8_t  type;
    uint32_t latency;
    uint32_t power;
    uint32_t dpcnt;
    XEN_GUEST_HANDLE(xen_processor_csd_t) dp;
};
typedef struct xen_processor_cx xen_processor_cx_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_cx_t);

struct xen_processor_flags {
    uint32_t bm_control:1;
    uint32_t bm_check:1;
    uint32_t has_cst:1;
    uint32_t power_setup_done:1;
    uint32_t bm_rld_set:1;
};

struct xen_processor_power {
    uint32_t count;
    struct xen_processor_flags flags;
    XEN_GUEST_HANDLE(xen_processor_cx_t) states;
};

struct xen_pct_register {
    uint8_t  descriptor;
    uint16_t length;
    uint8_t  space_id;
    uint8_t  bit_width;
    uint8_t  bit_offset;
    uint8_t  reserved;
    uint64_t address;
};

struct xen_processor_px {
    uint64_t core_frequency;        /* MHz */
    uint64_t power;                 /* mW */
    uint64_t transition_latency;    /* us */
    uint64_t bus_master_latency;    /* us */
    uint64_t control;
    uint64_t status;
};
typedef struct xen_processor_px xen_processor_px_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_px_t);

struct xen_psd_package {
    uint64_t num_entries;
    uint64_t revision;
    uint64_t domain;
    uint64_t coord_type;
    uint64_t num_processors;
};

struct xen_processor_performance {
    uint32_t flags;                 /* XEN_PX_* present */
    uint32_t platform_limit;
    struct xen_pct_register control_register;
    struct xen_pct_register status_register;
    uint32_t state_count;
    XEN_GUEST_HANDLE(xen_processor_px_t) states;
    struct xen_psd_package domain_info;
#define XEN_CPUPERF_SHARED_TYPE_HW   1
#define XEN_CPUPERF_SHARED_TYPE_ALL  2
#define XEN_CPUPERF_SHARED_TYPE_ANY  3
    uint32_t shared_type;
};
typedef struct xen_processor_performance xen_processor_performance_t;
DEFINE_XEN_GUEST_HANDLE(xen_processor_performance_t);

struct xenpf_set_processor_pminfo {
    uint32_t id;                    /* IN: ACPI processor id */
    uint32_t type;                  /* IN: XEN_PM_* */
    union {
        struct xen_processor_power power;       /* IN: _CST */
        struct xen_processor_performance perf;  /* IN: _PCT/_PSS/... */
        XEN_GUEST_HANDLE(uint32) pdc;           /* IN/OUT: _PDC */
    } u;
};
typedef struct xenpf_set_processor_pminfo xenpf_set_processor_pminfo_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_set_processor_pminfo_t);

#define XENPF_get_cpuinfo         55
struct xenpf_pcpuinfo {
    uint32_t xen_cpuid;             /* IN */
    uint32_t max_present;           /* OUT: highest present CPU */
#define XEN_PCPU_FLAGS_ONLINE   1
#define XEN_PCPU_FLAGS_INVALID  2   /* no such CPU */
    uint32_t flags;                 /* OUT */
    uint32_t apic_id;               /* OUT */
    uint32_t acpi_id;               /* OUT */
};
typedef struct xenpf_pcpuinfo xenpf_pcpuinfo_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_pcpuinfo_t);

#define XENPF_get_cpu_version     48
struct xenpf_pcpu_version {
    uint32_t xen_cpuid;             /* IN */
    uint32_t max_present;           /* OUT */
    char vendor_id[12];             /* OUT */
    uint32_t family;                /* OUT */
    uint32_t model;                 /* OUT */
    uint32_t stepping;              /* OUT */
};
typedef struct xenpf_pcpu_version xenpf_pcpu_version_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_pcpu_version_t);

#define XENPF_cpu_online          56
#define XENPF_cpu_offline         57
struct xenpf_cpu_ol {
    uint32_t cpuid;                 /* IN */
};
typedef struct xenpf_cpu_ol xenpf_cpu_ol_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_cpu_ol_t);

#define XENPF_cpu_hotadd          58
struct xenpf_cpu_hotadd {
    uint32_t apic_id;               /* IN */
    uint32_t acpi_id;               /* IN */
    uint32_t pxm;                   /* IN: proximity domain */
};
typedef struct xenpf_cpu_hotadd xenpf_cpu_hotadd_t;

#define XENPF_mem_hotadd          59
struct xenpf_mem_hotadd {
    uint64_t spfn;                  /* IN: first frame */
    uint64_t epfn;                  /* IN: end frame, exclusive */
    uint32_t pxm;                   /* IN */
    uint32_t flags;                 /* IN */
};
typedef struct xenpf_mem_hotadd xenpf_mem_hotadd_t;

#define XENPF_core_parking        60
#define XEN_CORE_PARKING_SET      1
#define XEN_CORE_PARKING_GET      2
struct xenpf_core_parking {
    uint32_t type;                  /* IN: XEN_CORE_PARKING_* */
    uint32_t idle_nums;             /* IN (set) / OUT (get) */
};
typedef struct xenpf_core_parking xenpf_core_parking_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_core_parking_t);

/* A batch of MSR accesses on one CPU. */
#define XENPF_resource_op         61
#define XEN_RESOURCE_OP_MSR_READ  0
#define XEN_RESOURCE_OP_MSR_WRITE 1
struct xenpf_resource_entry {
    union {
        uint32_t cmd;               /* IN: XEN_RESOURCE_OP_* */
        int32_t  ret;               /* OUT: 0 or -errno */
    } u;
    uint32_t rsvd;                  /* must be zero */
    uint64_t idx;                   /* IN: MSR */
    uint64_t val;                   /* IN/OUT */
};
typedef struct xenpf_resource_entry xenpf_resource_entry_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_resource_entry_t);

struct xenpf_resource_op {
    uint32_t nr_entries;            /* IN */
    uint32_t cpu;                   /* IN */
    XEN_GUEST_HANDLE(xenpf_resource_entry_t) entries; /* IN/OUT */
};
typedef struct xenpf_resource_op xenpf_resource_op_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_resource_op_t);

/* Walks the hypervisor's symbol table, one symbol per call. */
#define XENPF_get_symbol          63
struct xenpf_symdata {
    uint32_t namelen;               /* IN/OUT: buffer size / name size */
    uint32_t symnum;                /* IN/OUT: next symbol to read */
    XEN_GUEST_HANDLE(char) name;    /* OUT */
    uint64_t address;               /* OUT */
    char type;                      /* OUT: nm-style type letter */
};
typedef struct xenpf_symdata xenpf_symdata_t;
DEFINE_XEN_GUEST_HANDLE(xenpf_symdata_t);

struct xen_platform_op {
    uint32_t cmd;                   /* IN: XENPF_* */
    uint32_t interface_version;     /* IN: XENPF_INTERFACE_VERSION */
    union {
        xenpf_settime_t              settime;
        xenpf_settime32_t            settime32;
        xenpf_settime64_t            settime64;
        xenpf_add_memtype_t          add_memtype;
        xenpf_del_memtype_t          del_memtype;
        xenpf_read_memtype_t         read_memtype;
        xenpf_microcode_update_t     microcode;
        xenpf_platform_quirk_t       platform_quirk;
        xenpf_efi_runtime_call_t     efi_runtime_call;
        xenpf_firmware_info_t        firmware_info;
        xenpf_enter_acpi_sleep_t     enter_acpi_sleep;
        xenpf_change_freq_t          change_freq;
        xenpf_getidletime_t          getidletime;
        xenpf_set_processor_pminfo_t set_pminfo;
        xenpf_pcpuinfo_t             pcpu_info;
        xenpf_pcpu_version_t         pcpu_version;
        xenpf_cpu_ol_t               cpu_ol;
        xenpf_cpu_hotadd_t           cpu_add;
        xenpf_mem_hotadd_t           mem_add;
        xenpf_core_parking_t         core_parking;
        xenpf_resource_op_t          resource_op;
        xenpf_symdata_t              symdata;
        uint8_t                      pad[128];
    } u;
};
typedef struct xen_platform_op xen_platform_op_t;
DEFINE_XEN_GUEST_HANDLE(xen_platform_op_t);

#endif /* __XEN_PUBLIC_PLATFORM_H__ */
