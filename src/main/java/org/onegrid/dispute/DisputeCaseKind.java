package org.onegrid.dispute;

import java.util.UUID;
import org.onegrid.casework.CaseKind;
import org.springframework.stereotype.Component;

/** How the shared 消息 page names a dispute and links to it. */
@Component
class DisputeCaseKind implements CaseKind {

    @Override
    public String kind() {
        return DisputeApi.KIND;
    }

    @Override
    public String label() {
        return "矛盾纠纷";
    }

    @Override
    public String pagePath(UUID caseId) {
        return "/disputes/" + caseId;
    }
}
