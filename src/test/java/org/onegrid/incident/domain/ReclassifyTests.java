package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onegrid.incident.domain.Dongying.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.HistoryChain;

/** 核定事项类型: the owning centre confirms or changes an incident's item. */
class ReclassifyTests {

    private final Dongying city = new Dongying();

    private Incident suggested() {
        Incident reported = city.reported();
        IncidentSnapshot s = reported.snapshot();
        return Incident.restore(
                new IncidentSnapshot(
                        s.id(),
                        s.version(),
                        s.status(),
                        s.intake(),
                        s.terms(),
                        s.reportedAt(),
                        s.owner(),
                        s.handling(),
                        s.stage(),
                        s.pendingExtension(),
                        s.tally(),
                        s.mergedInto(),
                        s.result(),
                        s.satisfaction(),
                        s.resolutionLevel(),
                        s.closedAt(),
                        s.stageTimes(),
                        s.supervisions(),
                        true),
                reported.history(),
                DEADLINES);
    }

    @Test
    void aChangedItemKeepsTheRunningDeadlineAndLaterStagesRunOnTheNewItemsLimits() {
        Incident incident = city.reported();
        Instant acceptDeadline = incident.stage().orElseThrow().deadline();

        allowed(incident.reclassify(city.by(communityDispatcher).saying("实为饭店油烟"), RESTAURANT_FUMES));
        assertThat(incident.terms()).isEqualTo(RESTAURANT_FUMES);
        assertThat(incident.stage().orElseThrow().deadline()).isEqualTo(acceptDeadline);
        assertThat(actions(incident)).endsWith(Action.RECLASSIFY);
        assertThat(incident.history().get(incident.history().size() - 1).detail())
                .contains("from=" + STREET_VENDING.itemCode(), "to=" + RESTAURANT_FUMES.itemCode());

        allowed(incident.accept(city.by(communityDispatcher)));
        Act dispatch = city.by(communityDispatcher);
        allowed(incident.dispatch(dispatch, new Dispatch.Single(URBAN_MANAGEMENT)));
        assertThat(incident.stage().orElseThrow().deadline())
                .isEqualTo(DEADLINES.deadline(dispatch.at(), RESTAURANT_FUMES.handle()))
                .isNotEqualTo(DEADLINES.deadline(dispatch.at(), STREET_VENDING.handle()));
        assertThat(HistoryChain.verify(incident.history()).holds()).isTrue();
    }

    @Test
    void aChangeNeedsAReasonAndOnlyTheOwningCentreDecides() {
        Incident incident = city.reported();
        refused(incident.reclassify(city.by(communityDispatcher), RESTAURANT_FUMES), Decision.Kind.INVALID);
        refused(incident.reclassify(city.by(gridWorker).saying("应是油烟"), RESTAURANT_FUMES), Decision.Kind.FORBIDDEN);
        assertThat(incident.terms()).isEqualTo(STREET_VENDING);
        assertThat(incident.version()).isEqualTo(1);
    }

    @Test
    void aSuggestedItemIsConfirmedOnceWithoutAReason() {
        Incident incident = suggested();
        assertThat(incident.typeUnconfirmed()).isTrue();
        allowed(incident.reclassify(city.by(communityDispatcher), STREET_VENDING));
        assertThat(incident.typeUnconfirmed()).isFalse();
        assertThat(incident.terms()).isEqualTo(STREET_VENDING);
        refused(incident.reclassify(city.by(communityDispatcher), STREET_VENDING), Decision.Kind.CONFLICT);
    }
}
