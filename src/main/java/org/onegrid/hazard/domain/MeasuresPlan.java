package org.onegrid.hazard.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The "五到位" plan of a 重大隐患: 整改措施、资金、时限、责任人、应急预案 all in place.
 *
 * @param funds yuan set aside
 */
public record MeasuresPlan(
        String measures, BigDecimal funds, LocalDate deadline, String responsible, String emergencyPlan) {

    static List<Refusal> check(MeasuresPlan p, LocalDate today) {
        List<Refusal> found = new ArrayList<>();
        if (p == null) {
            found.add(new Refusal("plan", "hazard.plan", "请填写“五到位”方案"));
            return found;
        }
        if (blank(p.measures())) {
            found.add(new Refusal("measures", "hazard.plan", "“五到位”须写明整改措施"));
        }
        if (p.funds() == null || p.funds().signum() < 0) {
            found.add(new Refusal("funds", "hazard.plan", "“五到位”须写明整改资金（元，不能为负）"));
        }
        if (p.deadline() == null) {
            found.add(new Refusal("deadline", "hazard.plan", "“五到位”须写明整改时限"));
        } else if (p.deadline().isBefore(today)) {
            found.add(new Refusal("deadline", "hazard.deadline-past", "整改时限 " + p.deadline() + " 已过，不能早于今天"));
        }
        if (blank(p.responsible())) {
            found.add(new Refusal("responsible", "hazard.plan", "“五到位”须写明责任人"));
        }
        if (blank(p.emergencyPlan())) {
            found.add(new Refusal("emergencyPlan", "hazard.plan", "“五到位”须写明整改期间的应急预案"));
        }
        return found;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
