package org.onegrid.incident.notification;

import java.util.UUID;
import org.onegrid.casework.CaseKind;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Component;

/** Incidents as the shared pages know them: 事件, and the page a notice about one leads its reader to. */
@Component
public class IncidentCaseKind implements CaseKind {

    public static final String KIND = "incident";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "事件";
    }

    @Override
    public String pagePath(UUID caseId) {
        return "/incidents/" + caseId;
    }

    /**
     * The workbench's incident page for those who run the loop, else the page of the role's own work — the
     * department's inbox, the grid worker's phone.
     */
    @Override
    public String pagePath(UUID caseId, StaffPrincipal viewer) {
        if (viewer.hasRole(Role.CENTRE_DISPATCHER) || viewer.hasRole(Role.LEADER) || viewer.hasRole(Role.ADMIN)) {
            return "/incidents/" + caseId;
        }
        if (viewer.hasRole(Role.DEPARTMENT_HANDLER)) {
            return "/inbox/" + caseId;
        }
        return viewer.hasRole(Role.GRID_WORKER) ? "/m/i/" + caseId : "/incidents/" + caseId;
    }
}
