package org.galvani.drivers.wire;

import org.galvani.trace.Implements;

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR; the check
 * value of the ASCII bytes "123456789" is 0x29B1. Chosen because small boards compute it in hardware or
 * with a 512-byte table, and it detects every burst error up to 16 bits in the short frames used here.
 */
@Implements("SRS-DRV-020")
public final class Crc16 {

    /** The CRC of no bytes. */
    public static final int INITIAL = 0xFFFF;

    private static final int[] TABLE = table();

    private Crc16() {
    }

    /** The CRC of {@code bytes[offset, offset + length)}. */
    public static int of(byte[] bytes, int offset, int length) {
        return update(INITIAL, bytes, offset, length);
    }

    /** Continues {@code crc} over {@code bytes[offset, offset + length)}. */
    public static int update(int crc, byte[] bytes, int offset, int length) {
        int c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = ((c << 8) ^ TABLE[((c >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return c;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            t[i] = c & 0xFFFF;
        }
        return t;
    }
}
