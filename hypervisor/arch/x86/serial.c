/* SPDX-License-Identifier: GPL-2.0-only */
/* COM1: a polled 16550 UART at 0x3f8, 115200 8N1, no interrupts. */

#include <hv/console.h>
#include <asm/io.h>

#define COM1_BASE       0x3f8
#define UART_CLOCK      115200
#define BAUD            115200

#define UART_THR        0       /* transmit (DLAB=0) */
#define UART_RBR        0       /* receive (DLAB=0) */
#define UART_DLL        0       /* divisor low (DLAB=1) */
#define UART_IER        1
#define UART_DLM        1       /* divisor high (DLAB=1) */
#define UART_FCR        2
#define UART_LCR        3
#define UART_MCR        4
#define UART_LSR        5

#define LCR_8N1         0x03
#define LCR_DLAB        0x80
#define FCR_ENABLE      0x01
#define FCR_CLEAR       0x06
#define MCR_DTR_RTS     0x03
#define LSR_DR          0x01
#define LSR_THRE        0x20

/* Give up on a stuck or absent UART rather than hang the machine. */
#define TX_SPIN_LIMIT   100000

void serial_init(void)
{
    unsigned int div = UART_CLOCK / BAUD;

    outb(0, COM1_BASE + UART_IER);
    outb(LCR_DLAB, COM1_BASE + UART_LCR);
    outb(div & 0xff, COM1_BASE + UART_DLL);
    outb(div >> 8, COM1_BASE + UART_DLM);
    outb(LCR_8N1, COM1_BASE + UART_LCR);
    outb(FCR_ENABLE | FCR_CLEAR, COM1_BASE + UART_FCR);
    outb(MCR_DTR_RTS, COM1_BASE + UART_MCR);
}

void serial_putc(char c)
{
    unsigned int spin = TX_SPIN_LIMIT;

    while ( !(inb(COM1_BASE + UART_LSR) & LSR_THRE) && --spin )
        continue;
    outb((uint8_t)c, COM1_BASE + UART_THR);
}

int serial_getc(void)
{
    if ( !(inb(COM1_BASE + UART_LSR) & LSR_DR) )
        return -1;
    return inb(COM1_BASE + UART_RBR);
}
