package org.onegrid.registry;

import java.time.Instant;
import java.util.List;

/** One unmasked read of a person: who, whom, which fields, when and why (查看事由). */
public record AccessLogView(
        long id, Instant at, long userId, String username, long personId, List<String> fields, String purpose) {}
