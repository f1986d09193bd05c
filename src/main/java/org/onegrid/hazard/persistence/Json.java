package org.onegrid.hazard.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.onegrid.hazard.domain.Answer;
import org.onegrid.hazard.domain.ChecklistItem;
import org.onegrid.hazard.domain.Evidence;
import org.onegrid.hazard.domain.Grade;
import org.onegrid.hazard.domain.MeasuresPlan;
import org.onegrid.hazard.domain.Milestone;
import org.onegrid.hazard.domain.Unit;
import org.onegrid.hazard.domain.Verdict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of the module's tables: plain records of strings and numbers, written and read by a mapper of
 * their own, so that neither the domain's records nor the application's JSON settings change what is stored.
 */
final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {}

    record Item(String code, String text, String evidence, String failGrade) {}

    record Measures(String measures, String funds, String deadline, String responsible, String emergencyPlan) {}

    record CoUnit(long id, String name) {}

    record Stage(int number, String name, String deadline, String doneOn, String evidence, String urgedOn) {}

    record Given(
            String itemCode, String verdict, String note, List<String> photoIds, String grade, String gradeReason) {}

    static String checklist(List<ChecklistItem> items) {
        return JSON.writeValueAsString(items.stream()
                .map(i -> new Item(
                        i.code(), i.text(), i.evidence().name(), i.failGrade().name()))
                .toList());
    }

    static List<ChecklistItem> checklist(String json) {
        return JSON.readValue(json, new TypeReference<List<Item>>() {}).stream()
                .map(i -> new ChecklistItem(
                        i.code(), i.text(), Evidence.valueOf(i.evidence()), Grade.valueOf(i.failGrade())))
                .toList();
    }

    static String measures(MeasuresPlan p) {
        return p == null
                ? null
                : JSON.writeValueAsString(new Measures(
                        p.measures(),
                        p.funds().toPlainString(),
                        p.deadline().toString(),
                        p.responsible(),
                        p.emergencyPlan()));
    }

    static MeasuresPlan measures(String json) {
        if (json == null) {
            return null;
        }
        Measures m = JSON.readValue(json, Measures.class);
        return new MeasuresPlan(
                m.measures(),
                new BigDecimal(m.funds()),
                LocalDate.parse(m.deadline()),
                m.responsible(),
                m.emergencyPlan());
    }

    static String units(List<Unit> units) {
        return JSON.writeValueAsString(
                units.stream().map(u -> new CoUnit(u.id(), u.name())).toList());
    }

    static List<Unit> units(String json) {
        return JSON.readValue(json, new TypeReference<List<CoUnit>>() {}).stream()
                .map(u -> new Unit(Unit.Kind.DEPARTMENT, u.id(), u.name()))
                .toList();
    }

    static String milestones(List<Milestone> ms) {
        return JSON.writeValueAsString(ms.stream()
                .map(m -> new Stage(
                        m.number(), m.name(), m.deadline().toString(), str(m.doneOn()), m.evidence(), str(m.urgedOn())))
                .toList());
    }

    static List<Milestone> milestones(String json) {
        return JSON.readValue(json, new TypeReference<List<Stage>>() {}).stream()
                .map(s -> new Milestone(
                        s.number(),
                        s.name(),
                        LocalDate.parse(s.deadline()),
                        day(s.doneOn()),
                        s.evidence(),
                        day(s.urgedOn())))
                .toList();
    }

    static String answers(List<Answer> answers) {
        return JSON.writeValueAsString(answers.stream()
                .map(a -> new Given(
                        a.itemCode(),
                        a.verdict().name(),
                        a.note(),
                        a.photoIds(),
                        a.grade() == null ? null : a.grade().name(),
                        a.gradeReason()))
                .toList());
    }

    static List<Answer> answers(String json) {
        if (json == null) {
            return List.of();
        }
        return JSON.readValue(json, new TypeReference<List<Given>>() {}).stream()
                .map(g -> new Answer(
                        g.itemCode(),
                        Verdict.valueOf(g.verdict()),
                        g.note(),
                        g.photoIds(),
                        g.grade() == null ? null : Grade.valueOf(g.grade()),
                        g.gradeReason()))
                .toList();
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate day(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
