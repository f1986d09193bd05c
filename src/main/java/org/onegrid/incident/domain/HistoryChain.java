package org.onegrid.incident.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over an incident's history (留痕防篡改): {@code hash = SHA-256(previousHash || canonical(entry))},
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

    /**
     * The result of {@link #verify}.
     *
     * @param holds whether every entry is intact and chained to the one before
     * @param firstBroken the sequence number of the first entry that is not, 0 if the chain holds
     */
    public record Verification(boolean holds, long firstBroken) {

        static final Verification HOLDS = new Verification(true, 0);

        static Verification brokenAt(long sequence) {
            return new Verification(false, sequence);
        }
    }

    private HistoryChain() {}

    /**
     * Checks a whole history, in sequence order: sequence numbers 1, 2, 3, …, one incident throughout, each
     * {@code previousHash} equal to the hash before (the first to {@link #GENESIS}), each hash recomputed.
     */
    public static Verification verify(List<HistoryEntry> entries) {
        String previousHash = GENESIS;
        long expected = 1;
        IncidentId incident = entries.isEmpty() ? null : entries.get(0).incidentId();
        for (HistoryEntry entry : entries) {
            boolean intact = entry.sequence() == expected
                    && entry.incidentId().equals(incident)
                    && entry.previousHash().equals(previousHash)
                    && entry.hash().equals(hashOf(entry));
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
    public static String hashOf(HistoryEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(entry.previousHash().getBytes(StandardCharsets.UTF_8));
        sha256.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The canonical serialisation of an entry's fields (without its hash). */
    public static String canonical(HistoryEntry entry) {
        StringBuilder out = new StringBuilder(256);
        field(out, entry.incidentId().toString());
        field(out, Long.toString(entry.sequence()));
        field(out, instant(entry.at()));
        field(out, Long.toString(entry.actorId()));
        field(out, entry.actorName());
        field(out, entry.role().name());
        field(out, Long.toString(entry.orgId()));
        field(out, entry.fromStatus() == null ? null : entry.fromStatus().name());
        field(out, entry.toStatus().name());
        field(out, entry.action().name());
        field(out, entry.comment());
        field(out, entry.detail());
        out.append('[').append(entry.attachmentIds().size()).append(']');
        for (String id : entry.attachmentIds()) {
            field(out, id);
        }
        return out.toString();
    }

    static String instant(Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
            return;
        }
        out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
