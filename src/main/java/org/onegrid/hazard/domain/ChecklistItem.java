package org.onegrid.hazard.domain;

/**
 * One line of a checklist 检查表.
 *
 * @param code short and unique within the checklist ({@code 1}, {@code 2.3}, {@code 储罐监控})
 * @param evidence what a 合格 or 不合格 answer must come with
 * @param failGrade the grade a failure of this item is by rule (储罐无监测 → 重大); overridable with a reason
 */
public record ChecklistItem(String code, String text, Evidence evidence, Grade failGrade) {}
