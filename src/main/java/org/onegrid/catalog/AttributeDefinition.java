package org.onegrid.catalog;

import java.util.List;
import java.util.Set;

/**
 * An extra attribute a report of an item asks for, as in an Open311 GeoReport v2 service definition: e.g. {@code
 * floor} (楼层), a number, optional.
 *
 * @param code the attribute's code, unique within the item
 * @param description what the reporter is asked (shown as the field's label)
 * @param datatype one of {@link #DATATYPES}, as Open311 names them
 * @param values the choices of a {@code singlevaluelist} or {@code multivaluelist}, empty otherwise
 */
public record AttributeDefinition(
        String code, String description, String datatype, boolean required, List<AttributeValue> values) {

    /** Open311's datatypes. */
    public static final Set<String> DATATYPES =
            Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");

    public AttributeDefinition {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether the reporter picks from {@link #values}. */
    public boolean offersChoices() {
        return "singlevaluelist".equals(datatype) || "multivaluelist".equals(datatype);
    }

    /** One choice of a list attribute. */
    public record AttributeValue(String key, String name) {}
}
