package org.onegrid.catalog;

import java.util.List;

/**
 * A catalog item 小类 and the terms an incident reported under it runs on.
 *
 * @param departmentCodes the responsible departments' short codes (责任部门, e.g. {@code chengguan}), lead first
 * @param level the level that normally handles the item
 * @param accept limit of the accept stage (受理)
 * @param handle limit of the handle stage (处置)
 * @param verify limit of the verify stage (核查)
 * @param jointAllowed whether joint handling (吹哨报到) is allowed
 * @param emergency whether this is an emergency type (应急类)
 * @param autoEscalate whether an overdue stage escalates the incident to the parent centre by itself
 * @param keywords words that point a free-text report to this item
 * @param attributes extra attributes a report asks for (Open311 service definition)
 * @param published whether its reports may be published (Open311's public list of service requests: their text,
 *     masked, and their point); false for items of a personal nature (矛盾纠纷, 社会治安, personal 公共卫生 items)
 * @param active whether the item is offered for new reports; inactive items stay readable by code
 * @param version rises with every change
 */
public record CatalogItemView(
        String code,
        String name,
        String categoryCode,
        String categoryName,
        String description,
        List<String> departmentCodes,
        HandlingLevel level,
        StageLimit accept,
        StageLimit handle,
        StageLimit verify,
        boolean jointAllowed,
        boolean emergency,
        boolean autoEscalate,
        List<String> keywords,
        List<AttributeDefinition> attributes,
        boolean published,
        boolean active,
        int version) {

    public CatalogItemView {
        departmentCodes = List.copyOf(departmentCodes);
        keywords = List.copyOf(keywords);
        attributes = List.copyOf(attributes);
    }

    /** The lead responsible department (牵头部门). */
    public String leadDepartment() {
        return departmentCodes.get(0);
    }
}
