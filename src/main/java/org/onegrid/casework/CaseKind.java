package org.onegrid.casework;

import java.util.UUID;
import org.onegrid.staff.StaffPrincipal;

/**
 * A kind of case a module keeps — incidents, disputes, hazards, tasks — as the shared pages need to know it: its name
 * in the history and notification tables, its name for people, and where its page is. Each module that keeps cases
 * provides one as a bean.
 */
public interface CaseKind {

    /** The kind as stored, e.g. {@code incident}, {@code dispute}. */
    String kind();

    /** The kind for people, e.g. 事件, 矛盾纠纷. */
    String label();

    /** The path of a case's page, e.g. {@code /disputes/…}. */
    String pagePath(UUID caseId);

    /** The page a notice about a case leads this reader to; by default the case's page, whoever reads. */
    default String pagePath(UUID caseId, StaffPrincipal viewer) {
        return pagePath(caseId);
    }
}
