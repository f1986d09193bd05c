package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.onegrid.incident.domain.Dongying.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.HistoryChain;
import org.onegrid.casework.time.TimeLimit;

/** What storage needs: a snapshot of plain values, the history to insert, and an incident that carries on. */
class IncidentRestoreTests {

    private final Dongying city = new Dongying();

    @Test
    void aRestoredIncidentCarriesOnWhereItStopped() {
        Incident original = city.inProgress();
        original.pullEvents();
        Incident restored = Incident.restore(original.snapshot(), original.history(), DEADLINES);
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.unsavedHistory()).isEmpty();
        assertThat(restored.pullEvents()).isEmpty();

        Act complete = city.by(urbanHandler).saying("已清理").attaching("photo-after");
        allowed(original.complete(complete));
        allowed(restored.complete(complete));

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.version()).isEqualTo(5);
        assertThat(restored.history()).isEqualTo(original.history());
        assertThat(restored.unsavedHistory())
                .singleElement()
                .extracting(HistoryEntry::sequence)
                .isEqualTo(5L);
        assertThat(restored.pullEvents()).singleElement().isInstanceOf(IncidentCompleted.class);
        assertThat(HistoryChain.verify(restored.history()).holds()).isTrue();
    }

    @Test
    void aNewIncidentHasItsReportEntryToInsert() {
        Incident incident = city.reported();

        assertThat(incident.unsavedHistory()).isEqualTo(incident.history()).hasSize(1);
    }

    @Test
    void aSnapshotOfAJointTaskKeepsEveryDepartmentsPart() {
        Incident incident = city.accepted();
        allowed(incident.dispatch(
                city.by(communityDispatcher), new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY))));
        allowed(incident.reportIn(city.by(ecologyHandler)));
        allowed(incident.supervise(city.by(districtLeader).saying("限时办结"), TimeLimit.workingHours(4)));

        Incident restored = Incident.restore(incident.snapshot(), incident.history(), DEADLINES);

        allowed(restored.recordPart(city.by(ecologyHandler).saying("已检测")));
        allowed(restored.replyToSupervision(city.by(communityDispatcher).saying("已部署"), 1));
        assertThat(restored.handling().orElseThrow().assisting().get(0).hasRecordedPart())
                .isTrue();
    }

    @Test
    void aHistoryThatDoesNotEndWhereTheStateIsCannotBeRestored() {
        Incident incident = city.dispatched();
        List<HistoryEntry> tooShort = incident.history().subList(0, 2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Incident.restore(incident.snapshot(), tooShort, DEADLINES))
                .withMessageContaining("version 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Incident.restore(incident.snapshot(), List.of(), DEADLINES));
    }

    @Test
    void eventsAreHandedOutOnce() {
        Incident incident = city.accepted();

        assertThat(incident.pullEvents()).hasSize(2);
        assertThat(incident.pullEvents()).isEmpty();
    }
}
