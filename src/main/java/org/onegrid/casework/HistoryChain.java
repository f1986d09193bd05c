package org.onegrid.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over a case's history (留痕防篡改) — an incident's, a dispute's, a hazard's, one rule for all: {@code hash = SHA-256(previousHash || canonical(entry))},
 * hex-encoded, so that editing, deleting, inserting or reordering any stored entry shows.
 *
 * <p>The canonical form is the entry's fields in a fixed order, each written as its UTF-8 byte length, a colon
 * and the bytes ({@code 5:hello}), a missing value as {@code -}, a list as {@code [n]} followed by its items, and
 * instants in ISO-8601 UTC with milliseconds ({@code 2026-03-09T01:30:00.000Z}). Length prefixes make it
 * unambiguous: no choice of comment can make two different entries serialise alike.
 */
public final class HistoryChain {

    /** The {@code previousHash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The length of an instant in the canonical form, in the years 0 to 9999. */
    private static final int INSTANT_LENGTH = "2026-03-09T01:30:00.000Z".length();

    /**
     * The result of {@link #verify}.
     *
     * @param holds whether every entry is intact and chained to the one before
     * @param firstBroken the sequence number of the first entry that is not, 0 if the chain holds
     */
    public record Verification(boolean holds, long firstBroken) {

        public static final Verification HOLDS = new Verification(true, 0);

        static Verification brokenAt(long sequence) {
            return new Verification(false, sequence);
        }
    }

    private HistoryChain() {}

    /**
     * Checks a whole history, in sequence order: sequence numbers 1, 2, 3, …, one case throughout, each
     * {@code previousHash} equal to the hash before (the first to {@link #GENESIS}), each hash recomputed.
     */
    public static Verification verify(List<? extends ChainedEntry> entries) {
        Hasher hasher = new Hasher();
        String previousHash = GENESIS;
        long expected = 1;
        String chain = entries.isEmpty() ? null : entries.get(0).chainId();
        for (ChainedEntry entry : entries) {
            boolean intact = entry.sequence() == expected
                    && entry.chainId().equals(chain)
                    && entry.previousHash().equals(previousHash)
                    && hasher.matches(entry);
            if (!intact) {
                // A gap or a swap shows at the position where the expected entry is missing.
                return Verification.brokenAt(expected);
            }
            previousHash = entry.hash();
            expected++;
        }
        return Verification.HOLDS;
    }

    /** The hash an entry must carry: over its {@code previousHash} and its fields, not over its own hash. */
    public static String hashOf(ChainedEntry entry) {
        return HexFormat.of().formatHex(new Hasher().digest(entry));
    }

    /** The canonical serialisation of an entry's fields (without its hash), as the text its UTF-8 bytes are. */
    public static String canonical(ChainedEntry entry) {
        Hasher hasher = new Hasher();
        hasher.canonical(entry);
        return new String(hasher.buffer, 0, hasher.size, StandardCharsets.UTF_8);
    }

    /** An instant as the canonical form writes it: ISO-8601 UTC, milliseconds cut, not rounded. */
    public static String instant(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (!fourDigitYear(utc)) {
            return UTC_MILLIS.format(instant);
        }
        byte[] text = new byte[INSTANT_LENGTH];
        writeInstant(text, 0, utc);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static boolean fourDigitYear(LocalDateTime utc) {
        return utc.getYear() >= 0 && utc.getYear() <= 9999;
    }

    /** Writes {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} as {@link #UTC_MILLIS} does for a four-digit year. */
    private static void writeInstant(byte[] out, int at, LocalDateTime utc) {
        digits(out, at, utc.getYear(), 4);
        out[at + 4] = '-';
        digits(out, at + 5, utc.getMonthValue(), 2);
        out[at + 7] = '-';
        digits(out, at + 8, utc.getDayOfMonth(), 2);
        out[at + 10] = 'T';
        digits(out, at + 11, utc.getHour(), 2);
        out[at + 13] = ':';
        digits(out, at + 14, utc.getMinute(), 2);
        out[at + 16] = ':';
        digits(out, at + 17, utc.getSecond(), 2);
        out[at + 19] = '.';
        // the fraction is cut, not rounded, to milliseconds
        digits(out, at + 20, utc.getNano() / 1_000_000, 3);
        out[at + 23] = 'Z';
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Hashes entries one after another with one digest, writing each entry's canonical form straight into a byte
     * buffer: no text is built only to be encoded again.
     */
    private static final class Hasher {

        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private final MessageDigest sha256 = sha256();
        private byte[] buffer = new byte[512];
        private int size;

        /** Whether the entry carries the hash it must: the lowercase hex of {@link #digest}. */
        boolean matches(ChainedEntry entry) {
            byte[] digest = digest(entry);
            String hash = entry.hash();
            if (hash.length() != 2 * digest.length) {
                return false;
            }
            for (int i = 0; i < digest.length; i++) {
                int b = digest[i] & 0xff;
                if (hash.charAt(2 * i) != HEX[b >>> 4] || hash.charAt(2 * i + 1) != HEX[b & 0xf]) {
                    return false;
                }
            }
            return true;
        }

        byte[] digest(ChainedEntry entry) {
            size = 0;
            utf8(entry.previousHash());
            canonical(entry);
            sha256.update(buffer, 0, size);
            return sha256.digest();
        }

        void canonical(ChainedEntry entry) {
            field(entry.chainId());
            field(entry.sequence());
            field(entry.at());
            field(entry.actorId());
            field(entry.actorName());
            field(entry.roleName());
            field(entry.orgId());
            field(entry.fromStatusName());
            field(entry.toStatusName());
            field(entry.actionName());
            field(entry.comment());
            field(entry.detail());
            put('[');
            decimal(entry.attachmentIds().size());
            put(']');
            for (String id : entry.attachmentIds()) {
                field(id);
            }
        }

        /** {@code length:bytes} of the value's UTF-8, or {@code -} for none. */
        private void field(String value) {
            if (value == null) {
                put('-');
                return;
            }
            decimal(utf8Length(value));
            put(':');
            utf8(value);
        }

        private void field(long number) {
            if (number < 0) {
                field(Long.toString(number));
                return;
            }
            decimal(decimalLength(number));
            put(':');
            decimal(number);
        }

        private void field(Instant instant) {
            LocalDateTime utc =
                    LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
            if (!fourDigitYear(utc)) {
                field(UTC_MILLIS.format(instant));
                return;
            }
            decimal(INSTANT_LENGTH);
            put(':');
            ensure(INSTANT_LENGTH);
            writeInstant(buffer, size, utc);
            size += INSTANT_LENGTH;
        }

        private void put(char ascii) {
            ensure(1);
            buffer[size++] = (byte) ascii;
        }

        /** A number of at least 0 in decimal digits. */
        private void decimal(long number) {
            int length = decimalLength(number);
            ensure(length);
            for (int i = size + length - 1; i >= size; i--) {
                buffer[i] = (byte) ('0' + number % 10);
                number /= 10;
            }
            size += length;
        }

        private static int decimalLength(long number) {
            int length = 1;
            while (number >= 10) {
                number /= 10;
                length++;
            }
            return length;
        }

        /**
         * The length of {@code value} in UTF-8 as {@link String#getBytes} encodes it: a surrogate without its pair
         * becomes one {@code ?}.
         */
        private static int utf8Length(String value) {
            int length = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    length += 1;
                } else if (c < 0x800) {
                    length += 2;
                } else if (!Character.isSurrogate(c)) {
                    length += 3;
                } else if (pairAt(value, i)) {
                    length += 4;
                    i++;
                } else {
                    length += 1;
                }
            }
            return length;
        }

        /** {@code value} in UTF-8, exactly as {@link String#getBytes} with UTF-8 gives it. */
        private void utf8(String value) {
            ensure(3 * value.length());
            byte[] out = buffer;
            int at = size;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xc0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (!Character.isSurrogate(c)) {
                    out[at++] = (byte) (0xe0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (c & 0x3f));
                } else if (pairAt(value, i)) {
                    int code = Character.toCodePoint(c, value.charAt(++i));
                    out[at++] = (byte) (0xf0 | (code >> 18));
                    out[at++] = (byte) (0x80 | ((code >> 12) & 0x3f));
                    out[at++] = (byte) (0x80 | ((code >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (code & 0x3f));
                } else {
                    out[at++] = '?';
                }
            }
            size = at;
        }

        private static boolean pairAt(String value, int i) {
            return Character.isHighSurrogate(value.charAt(i))
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, size + more));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
