package org.onegrid.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A screening plan 排查计划: a level orders periodic screening of its subtree, of grids or of organisations of a
 * kind, with a checklist 检查表 and the owners of the tasks. {@link #order} is the only way to make one; it refuses a
 * plan with every reason at once.
 *
 * @param scopePath the subtree screened: the ordering organisation's region or a part of it
 * @param dueDays days from a period's first day within which its tasks are due (null: by the period's last day)
 * @param generatedThrough the last period whose tasks were generated, by its last day (null: none yet)
 */
public record ScreeningPlan(
        UUID id,
        String name,
        long orderedByOrgId,
        String orderedByName,
        String orderedByPath,
        String scopePath,
        Target target,
        Frequency frequency,
        LocalDate startsOn,
        Integer dueDays,
        List<ChecklistItem> checklist,
        TaskOwner owner,
        boolean active,
        LocalDate generatedThrough,
        int version) {

    public static final int MAX_ITEMS = 100;
    public static final int MAX_NAME = 100;

    public ScreeningPlan {
        checklist = List.copyOf(checklist);
    }

    /**
     * Orders a plan, or refuses it with every reason: a name, a frequency that parses, a target, a non-empty checklist
     * whose items have unique codes and a text, owners not above the ordering level, a subtree within the ordering
     * organisation's region, a first day not in the past.
     */
    public static ScreeningPlan order(
            UUID id,
            Actor by,
            String name,
            String scopePath,
            Target target,
            String frequency,
            LocalDate startsOn,
            Integer dueDays,
            List<ChecklistItem> checklist,
            TaskOwner owner,
            LocalDate today) {
        List<Refusal> found = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            found.add(new Refusal("name", "plan.name", "请填写计划名称"));
        } else if (n.length() > MAX_NAME) {
            found.add(new Refusal("name", "plan.name", "计划名称不能超过 " + MAX_NAME + " 字"));
        }
        Frequency f = null;
        try {
            f = Frequency.parse(frequency);
        } catch (Refused r) {
            found.addAll(r.refusals());
        }
        String scope = scopePath == null || scopePath.isBlank() ? by.regionPath() : scopePath;
        if (!by.covers(scope)) {
            found.add(new Refusal("scope", "plan.scope", "排查范围须在本级辖区之内"));
        }
        if (target == null || target.kind() == null) {
            found.add(new Refusal("target", "plan.target", "请选择排查对象：辖区网格，或一类单位和场所"));
        } else if (target.kind() == Target.Kind.ORGANISATIONS && target.tag() == null) {
            found.add(new Refusal("target", "plan.target", "请选择单位和场所的类别（危化品企业、九小场所、出租房屋、在建工地 …）"));
        }
        if (owner == null) {
            found.add(new Refusal("owner", "plan.owner", "请选择任务由谁完成：网格员，或村、乡镇、县级"));
        } else if (owner != TaskOwner.GRID_WORKER && owner.depth() < depth(by.regionPath())) {
            found.add(new Refusal("owner", "plan.owner", "任务不能派给本级以上的层级"));
        }
        if (startsOn == null) {
            found.add(new Refusal("startsOn", "plan.starts", "请填写计划开始日期"));
        } else if (startsOn.isBefore(today.minusYears(10))) {
            found.add(new Refusal("startsOn", "plan.starts", "开始日期不能早于十年前"));
        }
        if (dueDays != null && (dueDays < 1 || dueDays > Frequency.MAX_EVERY_DAYS)) {
            found.add(new Refusal("dueDays", "plan.due", "完成时限须在 1 到 " + Frequency.MAX_EVERY_DAYS + " 天之间"));
        }
        found.addAll(checkChecklist(checklist));
        Refused.ifAny(found);
        return new ScreeningPlan(
                id,
                n,
                by.orgId(),
                by.orgName(),
                by.regionPath(),
                scope,
                target,
                f,
                startsOn,
                dueDays,
                checklist,
                owner,
                true,
                null,
                0);
    }

    static List<Refusal> checkChecklist(List<ChecklistItem> checklist) {
        List<Refusal> found = new ArrayList<>();
        if (checklist == null || checklist.isEmpty()) {
            found.add(new Refusal("checklist", "plan.checklist", "检查表至少要有一项"));
            return found;
        }
        if (checklist.size() > MAX_ITEMS) {
            found.add(new Refusal("checklist", "plan.checklist", "检查表不能超过 " + MAX_ITEMS + " 项"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistItem item = checklist.get(i);
            String field = "checklist[" + i + "]";
            if (item == null || item.code() == null || item.code().isBlank()) {
                found.add(new Refusal(field + ".code", "plan.item", "检查表第 " + (i + 1) + " 项缺少编号"));
                continue;
            }
            if (!codes.add(item.code().strip())) {
                found.add(new Refusal(field + ".code", "plan.item", "检查表编号“" + item.code() + "”重复"));
            }
            if (item.text() == null || item.text().isBlank() || item.text().length() > 500) {
                found.add(new Refusal(field + ".text", "plan.item", "检查表第 " + (i + 1) + " 项须有内容（500 字以内）"));
            }
            if (item.evidence() == null || item.failGrade() == null) {
                found.add(new Refusal(field, "plan.item", "检查表第 " + (i + 1) + " 项须写明所需佐证和不合格时的隐患等级"));
            }
        }
        return found;
    }

    /** The step that records the order. */
    public Step ordered(Actor by, Instant at) {
        return new Step(
                at,
                by,
                null,
                "ACTIVE",
                "ORDER",
                name,
                frequency.label() + " · " + target.label() + " · " + checklist.size() + " 项 · " + owner.label(),
                List.of());
    }

    public ChecklistItem item(String code) {
        return checklist.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    /** The periods to generate now: from the one after the last generated (or the first) to today's. */
    public List<Frequency.Slot> periodsDue(LocalDate today, int limit) {
        if (!active || today.isBefore(startsOn)) {
            return List.of();
        }
        LocalDate from = generatedThrough == null ? startsOn : generatedThrough.plusDays(1);
        if (from.isAfter(today)) {
            return List.of();
        }
        return frequency.slotsBetween(from, today, startsOn, limit);
    }

    /** The day a period's tasks are due. */
    public LocalDate dueOn(Frequency.Slot slot) {
        if (dueDays == null) {
            return slot.end();
        }
        LocalDate d = slot.start().plusDays(dueDays - 1L);
        return d.isAfter(slot.end()) ? slot.end() : d;
    }

    public ScreeningPlan stopped() {
        return new ScreeningPlan(
                id,
                name,
                orderedByOrgId,
                orderedByName,
                orderedByPath,
                scopePath,
                target,
                frequency,
                startsOn,
                dueDays,
                checklist,
                owner,
                false,
                generatedThrough,
                version);
    }

    static int depth(String path) {
        int d = 0;
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                d++;
            }
        }
        return d;
    }
}
