package org.onegrid.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onegrid.shared.geo.Position;

/**
 * One screening task 排查任务: a plan's period at one target (a grid, or an organisation), due by a day. Done at the
 * place in one step with the whole checklist answered; each failed item becomes a hazard in that same step.
 *
 * @param targetOrgId the registry organisation screened; null for a grid
 * @param ownerPath the owning level's region path (for {@link TaskOwner#GRID_WORKER}: the target's own)
 */
public record ScreeningTask(
        UUID id,
        UUID planId,
        String periodKey,
        String periodLabel,
        Long targetOrgId,
        String targetName,
        String gridCode,
        String regionPath,
        Position place,
        TaskOwner owner,
        String ownerPath,
        LocalDate opensOn,
        LocalDate dueOn,
        TaskStatus status,
        int version) {

    public static final int MAX_PHOTOS = 9;
    public static final int MAX_NOTE = 1000;

    /** What completing a task produced: its step, the place's distance, and the findings that become hazards. */
    public record Done(
            ScreeningTask task, Step step, int distanceMetres, boolean far, boolean late, List<Finding> findings) {}

    /** Whether the task is open past its due day: 逾期未完成. */
    public boolean missed(LocalDate today) {
        return status == TaskStatus.OPEN && today.isAfter(dueOn);
    }

    /** Whether {@code actor} (working in {@code actorGrids}) is one of the task's owners. */
    public boolean ownedBy(Actor actor, Set<String> actorGrids) {
        if (owner == TaskOwner.GRID_WORKER) {
            return actorGrids.contains(gridCode);
        }
        return ownerPath.equals(actor.regionPath());
    }

    /**
     * Completes the task, or refuses with every reason: not the owner, done already, not open yet, no position or
     * {@link PlaceRules#refuseMetres()} away, an item unanswered or answered twice, an answer without the evidence its
     * item needs, a grade changed without a reason.
     */
    public Done complete(
            Actor actor,
            Set<String> actorGrids,
            Position at,
            List<Answer> answers,
            List<ChecklistItem> checklist,
            PlaceRules rules,
            LocalDate today,
            Instant now) {
        if (status != TaskStatus.OPEN) {
            throw new Refused("status", "task.state", "该排查任务已完成，不能重复提交");
        }
        List<Refusal> found = new ArrayList<>();
        if (!ownedBy(actor, actorGrids)) {
            found.add(new Refusal("owner", "task.owner", "该任务由" + owner.label() + "完成，您不是该任务的责任人"));
        }
        if (today.isBefore(opensOn)) {
            found.add(new Refusal("opensOn", "task.early", "该任务 " + opensOn + " 起才能排查"));
        }
        int distance = -1;
        if (at == null || !at.valid()) {
            found.add(new Refusal("position", "task.position", "未取得当前位置，请允许定位后再提交排查"));
        } else if (place != null) {
            distance = (int) Math.round(at.metresTo(place));
            if (distance >= rules.refuseMetres()) {
                found.add(new Refusal(
                        "position",
                        "task.too-far",
                        String.format(
                                "当前位置距排查对象 %.1f 公里，超过 %.1f 公里，不能提交排查；请到现场后再提交",
                                distance / 1000.0, rules.refuseMetres() / 1000.0)));
            }
        }
        Map<String, Answer> byItem = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        int passed = 0;
        int na = 0;
        for (int i = 0; i < (answers == null ? 0 : answers.size()); i++) {
            Answer a = answers.get(i);
            String field = "answers[" + i + "]";
            ChecklistItem item = a == null
                    ? null
                    : checklist.stream()
                            .filter(c -> c.code().equals(a.itemCode()))
                            .findFirst()
                            .orElse(null);
            if (item == null) {
                found.add(new Refusal(
                        field + ".itemCode", "task.item", "检查表中没有第 “" + (a == null ? "" : a.itemCode()) + "” 项"));
                continue;
            }
            if (byItem.put(item.code(), a) != null) {
                found.add(new Refusal(field + ".itemCode", "task.item", "检查项“" + item.text() + "”回答了两次"));
                continue;
            }
            if (a.verdict() == null) {
                found.add(new Refusal(field + ".verdict", "task.verdict", "检查项“" + item.text() + "”须选择 合格、不合格 或 不适用"));
                continue;
            }
            String note =
                    a.note() == null || a.note().isBlank() ? null : a.note().strip();
            if (note != null && note.length() > MAX_NOTE) {
                found.add(new Refusal(
                        field + ".note", "task.note", "检查项“" + item.text() + "”的说明不能超过 " + MAX_NOTE + " 字"));
            }
            if (a.photoIds().size() > MAX_PHOTOS) {
                found.add(new Refusal(field + ".photoIds", "task.photos", "每项最多 " + MAX_PHOTOS + " 张照片"));
            }
            switch (a.verdict()) {
                case NOT_APPLICABLE -> {
                    na++;
                    if (note == null) {
                        found.add(new Refusal(field + ".note", "task.evidence", "检查项“" + item.text() + "”选择不适用，须说明原因"));
                    }
                }
                case PASS, FAIL -> {
                    if (item.evidence().needsPhoto() && a.photoIds().isEmpty()) {
                        found.add(new Refusal(field + ".photoIds", "task.evidence", "检查项“" + item.text() + "”须附现场照片"));
                    }
                    if ((item.evidence().needsNote() || a.verdict() == Verdict.FAIL) && note == null) {
                        found.add(new Refusal(
                                field + ".note",
                                "task.evidence",
                                a.verdict() == Verdict.FAIL
                                        ? "检查项“" + item.text() + "”不合格，须说明发现的隐患"
                                        : "检查项“" + item.text() + "”须附文字说明"));
                    }
                    if (a.verdict() == Verdict.PASS) {
                        passed++;
                    } else {
                        Grade grade = a.grade() == null ? item.failGrade() : a.grade();
                        String reason =
                                a.gradeReason() == null || a.gradeReason().isBlank()
                                        ? null
                                        : a.gradeReason().strip();
                        if (grade != item.failGrade() && reason == null) {
                            found.add(new Refusal(
                                    field + ".gradeReason",
                                    "task.grade",
                                    "检查项“" + item.text() + "”按规定为"
                                            + item.failGrade().label() + "，改为" + grade.label() + "须说明理由"));
                        }
                        findings.add(new Finding(
                                item.code(),
                                item.text(),
                                note,
                                grade,
                                grade != item.failGrade() ? reason : null,
                                a.photoIds()));
                    }
                }
            }
        }
        for (ChecklistItem item : checklist) {
            if (!byItem.containsKey(item.code())) {
                found.add(new Refusal("answers", "task.unanswered", "检查项“" + item.text() + "”尚未回答"));
            }
        }
        Refused.ifAny(found);
        boolean far = distance > rules.flagMetres();
        boolean late = today.isAfter(dueOn);
        List<String> photos =
                answers.stream().flatMap(a -> a.photoIds().stream()).toList();
        String detail = "合格 " + passed + " 项，不合格 " + findings.size() + " 项，不适用 " + na + " 项"
                + (distance >= 0 ? "；距现场 " + distance + " 米" + (far ? "（偏远，待核实）" : "") : "")
                + (late ? "；逾期完成" : "");
        Step step = new Step(now, actor, status.name(), TaskStatus.DONE.name(), "COMPLETE", null, detail, photos);
        ScreeningTask done = new ScreeningTask(
                id,
                planId,
                periodKey,
                periodLabel,
                targetOrgId,
                targetName,
                gridCode,
                regionPath,
                place,
                owner,
                ownerPath,
                opensOn,
                dueOn,
                TaskStatus.DONE,
                version + 1);
        return new Done(done, step, distance, far, late, List.copyOf(findings));
    }
}
