package org.onegrid.integration.hotline;

import java.time.OffsetDateTime;

/**
 * A work order (工单) as the 12345 hotline platform pushes it.
 *
 * @param orderId the hotline's own order id (工单编号): pushing the same id again finds the same incident
 * @param caller who called (来电人), both fields optional
 * @param text what the caller reported (诉求内容)
 * @param address where, as the caller said it
 * @param category the hotline's category code (热线分类), mapped to a catalog item by the category table
 * @param timeLimit the hotline's time limit for the order (办理时限), optional
 * @param longitude WGS-84, when the hotline geocoded the address; with {@code latitude}
 * @param gridCode the grid (网格), when the hotline knows it
 */
record OrderPush(
        String orderId,
        Caller caller,
        String text,
        String address,
        String category,
        OffsetDateTime timeLimit,
        Double longitude,
        Double latitude,
        String gridCode) {

    /** 来电人. */
    record Caller(String name, String phone) {}

    String callerName() {
        return caller == null ? null : caller.name();
    }

    String callerPhone() {
        return caller == null ? null : caller.phone();
    }

    boolean located() {
        return longitude != null || latitude != null || (gridCode != null && !gridCode.isBlank());
    }
}
