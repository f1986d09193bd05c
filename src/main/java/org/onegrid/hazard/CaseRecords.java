package org.onegrid.hazard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.onegrid.casework.CaseEntry;
import org.onegrid.casework.CaseHistory;
import org.onegrid.casework.CaseStep;
import org.onegrid.casework.HistoryChain;
import org.onegrid.casework.attach.Attachments;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.casework.notify.Notifications.Recipient;
import org.onegrid.hazard.domain.Actor;
import org.onegrid.hazard.domain.Step;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.springframework.stereotype.Component;

/**
 * The module's use of the shared case mechanics: every step into the hash-chained history, notices through the
 * outbox, photos attached to the case they prove.
 */
@Component
class CaseRecords {

    static final String HAZARD = "hazard";
    static final String TASK = "screening-task";
    static final String PLAN = "screening-plan";
    static final String LEDGER_TASK = "ledger-task";

    private final CaseHistory history;
    private final Notifications notifications;
    private final Attachments attachments;
    private final Organisations organisations;

    CaseRecords(
            CaseHistory history, Notifications notifications, Attachments attachments, Organisations organisations) {
        this.history = history;
        this.notifications = notifications;
        this.attachments = attachments;
        this.organisations = organisations;
    }

    CaseEntry append(String kind, UUID id, Step s) {
        Actor a = s.actor();
        return history.append(
                kind,
                id,
                new CaseStep(
                        s.at(),
                        a.userId(),
                        a.name(),
                        a.role(),
                        a.orgId(),
                        s.fromStatus(),
                        s.toStatus(),
                        s.action(),
                        s.comment(),
                        s.detail(),
                        s.attachmentIds()));
    }

    List<CaseEntry> of(String kind, UUID id) {
        return history.of(kind, id);
    }

    HistoryChain.Verification verify(String kind, UUID id) {
        return history.verify(kind, id);
    }

    /** Attaches the caller's uploaded photos to a case. */
    void attach(List<String> photoIds, String kind, UUID id, long uploadedBy) {
        if (photoIds != null && !photoIds.isEmpty()) {
            attachments.attach(photoIds.stream().map(UUID::fromString).toList(), kind, id, uploadedBy);
        }
    }

    Attachments attachments() {
        return attachments;
    }

    /** Tells an organisation's staff (its dispatchers for a centre, its handlers for a department). */
    void tellOrg(long orgId, String kind, UUID id, String what, String text, Instant at) {
        Role role = organisations
                .find(orgId)
                .map(o -> o.kind() == OrgKind.DEPARTMENT ? Role.DEPARTMENT_HANDLER : Role.CENTRE_DISPATCHER)
                .orElse(Role.CENTRE_DISPATCHER);
        notifications.notify(List.of(Notifications.org(orgId, role)), kind, id, what, text, at);
    }

    /** Tells the centre of the region above the one given by path (the level above), if there is one. */
    void tellLevelAbove(String regionPath, String kind, UUID id, String what, String text, Instant at) {
        String parent = parentCode(regionPath);
        if (parent != null) {
            organisations
                    .centreOf(parent)
                    .map(OrganisationView::id)
                    .ifPresent(org -> tellOrg(org, kind, id, what, text, at));
        }
    }

    void tellUser(long userId, String kind, UUID id, String what, String text, Instant at) {
        notifications.notify(List.<Recipient>of(Notifications.user(userId)), kind, id, what, text, at);
    }

    /** The code of the region above the one of the path ({@code /3705/370523/} → {@code 3705}); null at the top. */
    static String parentCode(String regionPath) {
        String[] parts = java.util.Arrays.stream(regionPath.split("/"))
                .filter(p -> !p.isEmpty())
                .toArray(String[]::new);
        return parts.length < 2 ? null : parts[parts.length - 2];
    }

    /** The code of the region of a path: its last segment. */
    static String codeOf(String regionPath) {
        String[] parts = java.util.Arrays.stream(regionPath.split("/"))
                .filter(p -> !p.isEmpty())
                .toArray(String[]::new);
        return parts.length == 0 ? "" : parts[parts.length - 1];
    }
}
