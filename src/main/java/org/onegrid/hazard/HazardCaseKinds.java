package org.onegrid.hazard;

import java.util.UUID;
import org.onegrid.casework.CaseKind;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's kinds of case as the shared pages know them: where a notice about each leads its reader. */
@Configuration
class HazardCaseKinds {

    @Bean
    CaseKind hazardCaseKind() {
        return new Kind(CaseRecords.HAZARD, "隐患", "/hazards/");
    }

    @Bean
    CaseKind screeningPlanCaseKind() {
        return new Kind(CaseRecords.PLAN, "排查计划", "/screening-plans/");
    }

    @Bean
    CaseKind ledgerTaskCaseKind() {
        return new Kind(CaseRecords.LEDGER_TASK, "任务台账", "/ledger-tasks/");
    }

    @Bean
    CaseKind screeningTaskCaseKind() {
        return new Kind(CaseRecords.TASK, "排查任务", "/screening-tasks/") {
            /** Grid workers do their tasks on the phone. */
            @Override
            public String pagePath(UUID caseId, StaffPrincipal viewer) {
                return viewer.hasRole(Role.GRID_WORKER) && !viewer.hasRole(Role.CENTRE_DISPATCHER)
                        ? "/m/screening/" + caseId
                        : pagePath(caseId);
            }
        };
    }

    static class Kind implements CaseKind {
        private final String kind;
        private final String label;
        private final String base;

        Kind(String kind, String label, String base) {
            this.kind = kind;
            this.label = label;
            this.base = base;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String pagePath(UUID caseId) {
            return base + caseId;
        }
    }
}
