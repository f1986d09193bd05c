package org.onegrid.incident.web.frontline;

import org.onegrid.incident.IncidentView;
import org.onegrid.staff.StaffPrincipal;

/**
 * Which forms the inbox shows for an incident: those the user's department may use in its status. The incident
 * module decides for real; this only spares the user forms that would be refused.
 */
record InboxActions(
        boolean lead,
        boolean sign,
        boolean returnToCentre,
        boolean extension,
        boolean complete,
        boolean reportIn,
        boolean recordPart) {

    static InboxActions of(IncidentView incident, StaffPrincipal me) {
        IncidentView.HandlingView h = incident.handling();
        if (h == null) {
            return new InboxActions(false, false, false, false, false, false, false);
        }
        boolean lead = h.lead() != null && h.lead().id() == me.orgId();
        boolean dispatched = "DISPATCHED".equals(incident.status());
        boolean inProgress = "IN_PROGRESS".equals(incident.status());
        IncidentView.AssistView assist = h.assisting().stream()
                .filter(a -> a.department().id() == me.orgId())
                .findFirst()
                .orElse(null);
        boolean open = dispatched || inProgress;
        return new InboxActions(
                lead,
                lead && dispatched,
                lead && dispatched,
                lead && inProgress && incident.pendingExtension() == null,
                lead && inProgress,
                assist != null && open && assist.reportedInAt() == null,
                assist != null && open && assist.reportedInAt() != null && assist.partRecordedAt() == null);
    }
}
