package org.onegrid.catalog;

import java.util.List;

/**
 * What an administrator writes of a catalog item, to create it or to replace its terms. See {@link CatalogItemView}
 * for the fields.
 *
 * @param description may be null (none)
 * @param keywords may be null (none)
 * @param attributes may be null (none)
 * @param published whether its reports may be published; null: for a new item, no in the categories 矛盾纠纷, 社会治安
 *     and 公共卫生 (reports there are often personal) and yes elsewhere; for a change, as it was
 */
public record CatalogItemDraft(
        String categoryCode,
        String name,
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
        Boolean published) {}
