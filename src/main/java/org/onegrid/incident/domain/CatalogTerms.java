package org.onegrid.incident.domain;

import java.util.List;
import java.util.Objects;
import org.onegrid.casework.time.TimeLimit;

/**
 * The terms of the catalog item (事项清单) an incident was reported under, copied at intake: a later change of
 * the catalog does not change incidents already running on the old terms.
 *
 * @param itemCode the catalog item (小类) code
 * @param itemName its name at intake
 * @param departmentCodes the responsible departments' codes (责任部门), as a hint for dispatch
 * @param normalLevel the level that normally handles the item
 * @param accept limit of the {@link Stage#ACCEPT} stage
 * @param handle limit of the {@link Stage#HANDLE} stage
 * @param verify limit of the {@link Stage#VERIFY} stage
 * @param jointAllowed whether joint handling (吹哨报到) is allowed
 * @param emergency whether this is an emergency type (应急类)
 * @param autoEscalateOnOverdue whether an overdue stage escalates the incident to the parent centre by itself
 */
public record CatalogTerms(
        String itemCode,
        String itemName,
        List<String> departmentCodes,
        Level normalLevel,
        TimeLimit accept,
        TimeLimit handle,
        TimeLimit verify,
        boolean jointAllowed,
        boolean emergency,
        boolean autoEscalateOnOverdue) {

    public CatalogTerms {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(itemName, "itemName");
        departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
        Objects.requireNonNull(normalLevel, "normalLevel");
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(verify, "verify");
    }

    public TimeLimit limitOf(Stage stage) {
        return switch (stage) {
            case ACCEPT -> accept;
            case HANDLE -> handle;
            case VERIFY -> verify;
        };
    }
}
