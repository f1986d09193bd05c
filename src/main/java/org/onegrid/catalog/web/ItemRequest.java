package org.onegrid.catalog.web;

import java.time.Duration;
import java.util.List;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.AttributeDefinition.AttributeValue;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.catalog.rules.CatalogRules;
import org.onegrid.shared.web.Problems;
import org.onegrid.worktime.TimeMode;

/**
 * The body of {@code POST /api/v1/catalog/items} and {@code PUT /api/v1/catalog/items/{code}}. Flags left out are
 * false; {@code version} is required to update; {@code active} left out keeps the item as it is, and so does {@code
 * published} (a new item without it takes its category's default).
 */
record ItemRequest(
        String code,
        String categoryCode,
        String name,
        String description,
        List<String> departmentCodes,
        HandlingLevel level,
        LimitRequest accept,
        LimitRequest handle,
        LimitRequest verify,
        Boolean jointAllowed,
        Boolean emergency,
        Boolean autoEscalate,
        List<String> keywords,
        List<AttributeRequest> attributes,
        Boolean published,
        Boolean active,
        Integer version) {

    record LimitRequest(Long minutes, TimeMode mode) {}

    /** An attribute as Open311 writes it; {@code required} left out is false. */
    record AttributeRequest(
            String code, String description, String datatype, Boolean required, List<AttributeValue> values) {

        AttributeDefinition definition() {
            return new AttributeDefinition(code, description, datatype, Boolean.TRUE.equals(required), values);
        }
    }

    CatalogItemDraft draft() {
        return new CatalogItemDraft(
                categoryCode,
                name,
                description,
                departmentCodes,
                level,
                limit("accept", accept),
                limit("handle", handle),
                limit("verify", verify),
                Boolean.TRUE.equals(jointAllowed),
                Boolean.TRUE.equals(emergency),
                Boolean.TRUE.equals(autoEscalate),
                keywords,
                attributes == null
                        ? null
                        : attributes.stream()
                                .map(a -> a == null ? null : a.definition())
                                .toList(),
                published);
    }

    /** A limit the rules can judge; one without minutes or mode is refused here, naming the missing part. */
    private static StageLimit limit(String field, LimitRequest limit) {
        if (limit == null) {
            return null;
        }
        if (limit.minutes() == null) {
            throw Problems.invalid(field + ".minutes", field + ".minutes: 必须指定时限分钟数");
        }
        if (limit.mode() == null) {
            throw Problems.invalid(field + ".mode", field + ".mode: 必须指定计时方式（WORKING 工作时或 NATURAL 自然时）");
        }
        if (limit.minutes() > CatalogRules.LONGEST_LIMIT.toMinutes()) {
            throw Problems.invalid(
                    field + ".minutes",
                    field + ".minutes: 时限不能超过 90 天（" + CatalogRules.LONGEST_LIMIT.toMinutes() + " 分钟）");
        }
        return new StageLimit(Duration.ofMinutes(limit.minutes()), limit.mode());
    }
}
