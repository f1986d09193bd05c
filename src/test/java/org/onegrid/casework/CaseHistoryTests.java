package org.onegrid.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A dispute's or a hazard's history is kept as an incident's is: numbered, chained, sealed and never rewritten. */
@IntegrationTest
class CaseHistoryTests {

    @Autowired
    CaseHistory history;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    private static CaseStep step(String from, String to, String action, String comment, Instant at) {
        return new CaseStep(at, 7, "王调解", "MEDIATOR", 3, from, to, action, comment, "", List.of());
    }

    private UUID recordedCase() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-02T01:00:00Z");
        tx.executeWithoutResult(s -> history.appendAll(
                "dispute",
                id,
                List.of(
                        step(null, "REGISTERED", "REGISTER", "来访登记：楼上空置房漏水", at),
                        step("REGISTERED", "ACCEPTED", "ACCEPT", "受理", at.plusSeconds(600)),
                        step("ACCEPTED", "MEDIATING", "SESSION", "第一次调解", at.plusSeconds(86_400)))));
        return id;
    }

    @Test
    void stepsAreNumberedInOrderAndChainedSoTheHistoryVerifies() {
        UUID id = recordedCase();
        List<CaseEntry> entries = history.of("dispute", id);
        assertThat(entries).extracting(CaseEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).previousHash()).isEqualTo(HistoryChain.GENESIS);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).comment()).isEqualTo("第一次调解");
        assertThat(history.verify("dispute", id).holds()).isTrue();
        assertThat(history.of("hazard", id)).isEmpty();
    }

    @Test
    void theStoredHistoryRefusesEveryUpdateAndDelete() {
        UUID id = recordedCase();
        assertThatThrownBy(() -> jdbc.sql("UPDATE case_history SET comment = '改过' WHERE case_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_history WHERE case_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(history.verify("dispute", id).holds()).isTrue();
    }

    @Test
    void anEntryEditedBehindTheTriggersShowsWhereTheChainBreaks() {
        UUID id = recordedCase();
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE case_history DISABLE TRIGGER case_history_no_update_or_delete")
                    .update();
            jdbc.sql("UPDATE case_history SET comment = '未受理' WHERE case_id = :id AND sequence = 2")
                    .param("id", id)
                    .update();
            jdbc.sql("ALTER TABLE case_history ENABLE TRIGGER case_history_no_update_or_delete")
                    .update();
        });
        HistoryChain.Verification verification = history.verify("dispute", id);
        assertThat(verification.holds()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
    }

    @Test
    void aStepIsOnlyAppendedInsideTheCaseActionsOwnTransaction() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> history.append(
                        "dispute", id, step(null, "REGISTERED", "REGISTER", "", Instant.parse("2026-11-02T01:00:00Z"))))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(history.of("dispute", id)).isEmpty();
    }
}
