package org.onegrid.casework;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Component;

/** Every kind of case the modules keep, by its stored name: for the shared pages' names and links. */
@Component("caseKinds")
public class CaseKinds {

    private final Map<String, CaseKind> byName;

    CaseKinds(List<CaseKind> kinds) {
        this.byName = kinds.stream().collect(Collectors.toUnmodifiableMap(CaseKind::kind, Function.identity()));
    }

    /** The kind's name for people, 事件, 矛盾纠纷 …; the stored name itself for a kind no module keeps any more. */
    public String label(String kind) {
        CaseKind known = kind == null ? null : byName.get(kind);
        return known == null ? String.valueOf(kind) : known.label();
    }

    /** The page a case leads this reader to, or null for an unknown kind. */
    public String pagePath(String kind, UUID caseId, StaffPrincipal viewer) {
        CaseKind known = kind == null ? null : byName.get(kind);
        return known == null || caseId == null ? null : known.pagePath(caseId, viewer);
    }
}
