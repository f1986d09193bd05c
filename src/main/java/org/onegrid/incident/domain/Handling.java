package org.onegrid.incident.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who handles a dispatched incident (承办): the lead department, for a joint task the assisting departments and
 * what each has done, and for dual dispatch the grid worker who supervises.
 *
 * @param mode {@link DispatchMode#SINGLE}, {@link DispatchMode#DUAL} or {@link DispatchMode#JOINT}
 * @param lead the department that signs, handles and completes (主办)
 * @param assisting the assisting departments of a joint task (协办), empty otherwise
 * @param supervisorUserId the supervising grid worker of a dual dispatch, null otherwise
 * @param dispatchedAt when it was dispatched
 * @param signedAt when the lead department signed for it (签收), null before
 */
public record Handling(
        DispatchMode mode,
        Department lead,
        List<Assist> assisting,
        Long supervisorUserId,
        Instant dispatchedAt,
        Instant signedAt) {

    public Handling {
        Objects.requireNonNull(mode, "mode");
        if (mode == DispatchMode.DOWN) {
            throw new IllegalArgumentException("Dispatching down hands the incident to a centre, not a department");
        }
        Objects.requireNonNull(lead, "lead");
        assisting = assisting == null ? List.of() : List.copyOf(assisting);
        Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    }

    /** One assisting department of a joint task and what it has done so far. */
    public record Assist(Department department, Instant reportedInAt, String part, Instant partRecordedAt) {

        public Assist {
            Objects.requireNonNull(department, "department");
        }

        public boolean hasReportedIn() {
            return reportedInAt != null;
        }

        public boolean hasRecordedPart() {
            return partRecordedAt != null;
        }
    }

    public boolean isLead(long orgId) {
        return lead.orgId() == orgId;
    }

    public Optional<Assist> assist(long orgId) {
        return assisting.stream().filter(a -> a.department().orgId() == orgId).findFirst();
    }

    /** Lead and assisting departments' organisation ids. */
    public List<Long> departmentIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(lead.orgId());
        assisting.forEach(a -> ids.add(a.department().orgId()));
        return List.copyOf(ids);
    }

    /** Assisting departments that have not yet both reported in and recorded their part. */
    public List<Long> assistingStillOwing() {
        return assisting.stream()
                .filter(a -> !a.hasReportedIn() || !a.hasRecordedPart())
                .map(a -> a.department().orgId())
                .toList();
    }

    Handling signed(Instant at) {
        return new Handling(mode, lead, assisting, supervisorUserId, dispatchedAt, at);
    }

    Handling withAssist(Assist changed) {
        List<Assist> list = new ArrayList<>(assisting);
        list.replaceAll(a -> a.department().orgId() == changed.department().orgId() ? changed : a);
        return new Handling(mode, lead, list, supervisorUserId, dispatchedAt, signedAt);
    }
}
