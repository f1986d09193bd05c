package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.domain.Dongying.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.HistoryChain;

/** The hash-chained history (全程留痕): one entry per action, and any later edit shows. */
class HistoryChainTests {

    private final Dongying city = new Dongying();

    @Test
    void everyAcceptedActionAppendsOneChainedEntryAndRegistersOneEvent() {
        Incident incident = city.closed();

        List<HistoryEntry> history = incident.history();
        assertThat(history).hasSize(6).hasSameSizeAs(incident.pullEvents());
        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(history.get(0).previousHash()).isEqualTo(HistoryChain.GENESIS);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).previousHash())
                    .isEqualTo(history.get(i - 1).hash());
            assertThat(history.get(i).fromStatus()).isEqualTo(history.get(i - 1).toStatus());
        }
        assertThat(history).allSatisfy(entry -> assertThat(entry.hash()).matches("[0-9a-f]{64}"));
        assertThat(HistoryChain.verify(history).holds()).isTrue();
    }

    @Test
    void anEntryRecordsWhoDidWhatWhenForWhichOrganisation() {
        Incident incident = city.dispatched();

        HistoryEntry dispatch = incident.history().get(2);
        assertThat(dispatch.action()).isEqualTo(Action.DISPATCH);
        assertThat(dispatch.actorId()).isEqualTo(communityDispatcher.userId());
        assertThat(dispatch.actorName()).isEqualTo("东营社区坐席");
        assertThat(dispatch.role()).isEqualTo(Role.CENTRE_DISPATCHER);
        assertThat(dispatch.orgId()).isEqualTo(COMMUNITY_CENTRE.orgId());
        assertThat(dispatch.at()).isEqualTo(at("2026-03-09T09:30"));
        assertThat(dispatch.fromStatus()).isEqualTo(Status.ACCEPTED);
        assertThat(dispatch.toStatus()).isEqualTo(Status.DISPATCHED);
        assertThat(dispatch.detail()).isEqualTo("mode=SINGLE lead=501 deadline=2026-03-10T04:00:00.000Z");
    }

    @Test
    void editingAHistoryEntryBreaksTheChain() {
        List<HistoryEntry> history = new ArrayList<>(city.closed().history());
        HistoryEntry signed = history.get(3);
        history.set(3, edited(signed, "签收于次日", signed.hash()));

        HistoryChain.Verification verification = HistoryChain.verify(history);

        assertThat(verification.holds()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(4);
    }

    @Test
    void rehashingAnEditedEntryStillBreaksTheChainAtTheNextEntry() {
        List<HistoryEntry> history = new ArrayList<>(city.closed().history());
        HistoryEntry signed = history.get(3);
        HistoryEntry forged = edited(signed, "签收于次日", "");
        history.set(3, forged.withHash(HistoryChain.hashOf(forged)));

        assertThat(HistoryChain.verify(history)).isEqualTo(new HistoryChain.Verification(false, 5));
    }

    @Test
    void movingAnEntrysTimeBreaksTheChain() {
        List<HistoryEntry> history = new ArrayList<>(city.closed().history());
        HistoryEntry completed = history.get(4);
        history.set(
                4,
                new HistoryEntry(
                        completed.incidentId(),
                        completed.sequence(),
                        completed.at().minusSeconds(3600),
                        completed.actorId(),
                        completed.actorName(),
                        completed.role(),
                        completed.orgId(),
                        completed.fromStatus(),
                        completed.toStatus(),
                        completed.action(),
                        completed.comment(),
                        completed.detail(),
                        completed.attachmentIds(),
                        completed.previousHash(),
                        completed.hash()));

        assertThat(HistoryChain.verify(history).firstBroken()).isEqualTo(5);
    }

    @Test
    void deletingOrReorderingEntriesBreaksTheChain() {
        List<HistoryEntry> deleted = new ArrayList<>(city.closed().history());
        deleted.remove(2);
        List<HistoryEntry> swapped = new ArrayList<>(city.closed().history());
        swapped.add(2, swapped.remove(3));

        assertThat(HistoryChain.verify(deleted).firstBroken()).isEqualTo(3);
        assertThat(HistoryChain.verify(swapped).firstBroken()).isEqualTo(3);
    }

    @Test
    void entriesOfAnotherIncidentDoNotFit() {
        List<HistoryEntry> mixed = new ArrayList<>(city.closed().history());
        mixed.set(5, city.closed().history().get(5));

        assertThat(HistoryChain.verify(mixed).firstBroken()).isEqualTo(6);
    }

    @Test
    void anEmptyHistoryHolds() {
        assertThat(HistoryChain.verify(List.of()).holds()).isTrue();
    }

    @Test
    void theCanonicalFormIsLengthPrefixedWithUtcMillisecondsAndTheHashIsStable() {
        HistoryEntry entry = new HistoryEntry(
                IncidentId.of("6f1c2b9e-4a7d-4c1e-9a55-0d7e3f2b8c11"),
                2,
                Instant.parse("2026-03-09T01:20:00Z"),
                14,
                "东营社区坐席",
                Role.CENTRE_DISPATCHER,
                1000,
                Status.REPORTED,
                Status.ACCEPTED,
                Action.ACCEPT,
                "予以受理",
                "",
                List.of("photo-1", "photo-2"),
                HistoryChain.GENESIS,
                "");

        assertThat(HistoryChain.canonical(entry))
                .isEqualTo("36:6f1c2b9e-4a7d-4c1e-9a55-0d7e3f2b8c11" + "1:2" + "24:2026-03-09T01:20:00.000Z" + "2:14"
                        + "18:东营社区坐席" + "17:CENTRE_DISPATCHER" + "4:1000" + "8:REPORTED" + "8:ACCEPTED" + "6:ACCEPT"
                        + "12:予以受理" + "0:" + "[2]" + "7:photo-1" + "7:photo-2");
        // Fixed so that a change of the serialisation, which would make every stored history fail, cannot go unnoticed.
        assertThat(HistoryChain.hashOf(entry))
                .isEqualTo("e74abc7ca2e047ae86d6882f8ccf3d19eb852c06f1fcd0fcc909ec3fece33893");
    }

    @Test
    void storedChainsKeepTheirHashesWhateverTheirTextNumbersAndTimes() {
        IncidentId incident = IncidentId.of("0b5e1f3a-9c2d-4e7f-8a61-3d2c1b0a9f87");
        HistoryEntry first = new HistoryEntry(
                incident,
                1,
                Instant.parse("2026-11-23T16:05:09.987654Z"),
                0,
                "12345热线",
                Role.SYSTEM,
                0,
                null,
                Status.REPORTED,
                Action.REPORT,
                "小区门口有人占道经营😀，\uD800请处理\n第二行",
                "channel=HOTLINE item=MDJF-010 grid=370523101001 owner=1042 deadline=2026-11-24T02:05:09.987Z",
                List.of(),
                HistoryChain.GENESIS,
                "");
        String firstHash = "11247cb3f9b2dca3bde368bede999e07cbcf72d738e6aa754ae74be29aab0c7e";
        HistoryEntry second = new HistoryEntry(
                incident,
                2,
                Instant.EPOCH,
                9_007_199_254_740_993L,
                "王 五",
                Role.DEPARTMENT_HANDLER,
                Long.MAX_VALUE,
                Status.REPORTED,
                Status.ACCEPTED,
                Action.ACCEPT,
                "",
                "",
                List.of("a", "照片-2", ""),
                firstHash,
                "");
        String secondHash = "c723a46dda8e1fd73d96e45b50b4a59ceab673c769008587ac307f31ebc18d57";

        // Fixed to the values every earlier release computed: a stored history must verify forever.
        assertThat(HistoryChain.hashOf(first)).isEqualTo(firstHash);
        assertThat(HistoryChain.hashOf(second)).isEqualTo(secondHash);
        assertThat(HistoryChain.canonical(second))
                .isEqualTo("36:0b5e1f3a-9c2d-4e7f-8a61-3d2c1b0a9f87" + "1:2" + "24:1970-01-01T00:00:00.000Z"
                        + "16:9007199254740993" + "7:王 五" + "18:DEPARTMENT_HANDLER" + "19:9223372036854775807"
                        + "8:REPORTED" + "8:ACCEPTED" + "6:ACCEPT" + "0:" + "0:" + "[3]" + "1:a" + "8:照片-2" + "0:");
        List<HistoryEntry> chain = List.of(first.withHash(firstHash), second.withHash(secondHash));
        assertThat(HistoryChain.verify(chain)).isEqualTo(HistoryChain.Verification.HOLDS);
        assertThat(HistoryChain.verify(List.of(chain.get(0), second.withHash(firstHash))))
                .isEqualTo(new HistoryChain.Verification(false, 2));
        assertThat(HistoryChain.verify(List.of(chain.get(0), second.withHash(secondHash.toUpperCase()))))
                .isEqualTo(new HistoryChain.Verification(false, 2));
    }

    @Test
    void theHashIsSha256OverThePreviousHashAndTheDocumentedFormForAnyTextNumberAndTime() {
        Random random = new Random(20261123);
        IncidentId incident = IncidentId.random();
        String previousHash = HistoryChain.GENESIS;
        List<HistoryEntry> chain = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            HistoryEntry entry = new HistoryEntry(
                    incident,
                    i,
                    Instant.ofEpochSecond(
                            random.nextInt(3) == 0
                                    ? random.nextLong(-400_000_000_000L, 400_000_000_000L)
                                    : random.nextLong(0, 4_000_000_000L),
                            random.nextInt(1_000_000_000)),
                    random.nextBoolean() ? random.nextInt(100_000) : random.nextLong(),
                    text(random),
                    Role.values()[random.nextInt(Role.values().length)],
                    random.nextBoolean() ? random.nextInt(100_000) : random.nextLong(),
                    random.nextInt(4) == 0 ? null : Status.values()[random.nextInt(Status.values().length)],
                    Status.values()[random.nextInt(Status.values().length)],
                    Action.values()[random.nextInt(Action.values().length)],
                    text(random),
                    text(random),
                    random.ints(random.nextInt(4), 0, 10)
                            .mapToObj(n -> text(random))
                            .toList(),
                    previousHash,
                    "");

            String hash = HistoryChain.hashOf(entry);

            assertThat(hash).as("entry %d", i).isEqualTo(documentedHash(entry));
            chain.add(entry.withHash(hash));
            previousHash = hash;
        }
        assertThat(HistoryChain.verify(chain)).isEqualTo(HistoryChain.Verification.HOLDS);
    }

    /** Text of any kind: ASCII, Chinese, emoji, and surrogates without their pair. */
    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.append((char) random.nextInt(0x20, 0x7f));
                case 1 -> out.append((char) random.nextInt(0x80, 0x800));
                case 2 -> out.append((char) random.nextInt(0x4e00, 0x9fff));
                case 3 -> out.appendCodePoint(random.nextInt(0x1f300, 0x1faff));
                case 4 -> out.append((char) random.nextInt(0xd800, 0xe000));
                default -> out.append((char) random.nextInt(0xe000, 0x10000));
            }
        }
        return out.toString();
    }

    /** The hash as the class documents it, written out plainly: what every stored chain was sealed with. */
    private static String documentedHash(HistoryEntry entry) {
        StringBuilder out = new StringBuilder();
        documentedField(out, entry.incidentId().toString());
        documentedField(out, Long.toString(entry.sequence()));
        documentedField(
                out,
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(entry.at()));
        documentedField(out, Long.toString(entry.actorId()));
        documentedField(out, entry.actorName());
        documentedField(out, entry.role().name());
        documentedField(out, Long.toString(entry.orgId()));
        documentedField(
                out, entry.fromStatus() == null ? null : entry.fromStatus().name());
        documentedField(out, entry.toStatus().name());
        documentedField(out, entry.action().name());
        documentedField(out, entry.comment());
        documentedField(out, entry.detail());
        out.append('[').append(entry.attachmentIds().size()).append(']');
        entry.attachmentIds().forEach(id -> documentedField(out, id));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(entry.previousHash().getBytes(StandardCharsets.UTF_8));
            sha256.update(out.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void documentedField(StringBuilder out, String value) {
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value);
        }
    }

    @Test
    void instantsAreWrittenInUtcToTheMillisecondInAnyYear() {
        assertThat(HistoryChain.instant(Instant.parse("2026-11-23T16:05:09.987654Z")))
                .isEqualTo("2026-11-23T16:05:09.987Z");
        assertThat(HistoryChain.instant(Instant.parse("2026-03-09T01:20:00Z"))).isEqualTo("2026-03-09T01:20:00.000Z");
        assertThat(HistoryChain.instant(Instant.parse("0999-01-02T03:04:05.006Z")))
                .isEqualTo("0999-01-02T03:04:05.006Z");
        assertThat(HistoryChain.instant(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo("+10000-01-01T00:00:00.000Z");
        assertThat(HistoryChain.instant(Instant.parse("-0001-12-31T23:59:59.999999999Z")))
                .isEqualTo("-0001-12-31T23:59:59.999Z");
    }

    @Test
    void theFirstEntryHasNoFromStatusAndThatIsPartOfItsForm() {
        HistoryEntry report = city.reported().history().get(0);

        assertThat(report.fromStatus()).isNull();
        assertThat(HistoryChain.canonical(report)).contains("-8:REPORTED6:REPORT");
    }

    @Test
    void textThatLooksLikeTheFormatCannotMakeTwoEntriesSerialiseAlike() {
        HistoryEntry entry = city.reported().history().get(0);
        HistoryEntry a = edited(entry, "a", "");
        HistoryEntry b = withDetail(edited(entry, "", ""), "1:a");
        HistoryEntry c = withDetail(edited(entry, "a0:", ""), "");

        assertThat(HistoryChain.canonical(a))
                .isNotEqualTo(HistoryChain.canonical(b))
                .isNotEqualTo(HistoryChain.canonical(c));
    }

    @Test
    void instantsAreHashedToTheMillisecondSoStorageWithMicrosecondsKeepsTheChain() {
        Act act = Act.by(resident, Instant.parse("2026-03-09T01:20:00.123456789Z"));

        assertThat(act.at()).isEqualTo(Instant.parse("2026-03-09T01:20:00.123Z"));
    }

    private static HistoryEntry edited(HistoryEntry entry, String comment, String hash) {
        return new HistoryEntry(
                entry.incidentId(),
                entry.sequence(),
                entry.at(),
                entry.actorId(),
                entry.actorName(),
                entry.role(),
                entry.orgId(),
                entry.fromStatus(),
                entry.toStatus(),
                entry.action(),
                comment,
                entry.detail(),
                entry.attachmentIds(),
                entry.previousHash(),
                hash);
    }

    private static HistoryEntry withDetail(HistoryEntry entry, String detail) {
        return new HistoryEntry(
                entry.incidentId(),
                entry.sequence(),
                entry.at(),
                entry.actorId(),
                entry.actorName(),
                entry.role(),
                entry.orgId(),
                entry.fromStatus(),
                entry.toStatus(),
                entry.action(),
                entry.comment(),
                detail,
                entry.attachmentIds(),
                entry.previousHash(),
                entry.hash());
    }
}
