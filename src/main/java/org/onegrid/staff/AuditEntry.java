package org.onegrid.staff;

import java.time.Instant;

/** One line of the audit trail. */
public record AuditEntry(
        long id, Instant at, String username, Long userId, String event, String remoteAddr, String detail) {}
