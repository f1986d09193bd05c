package org.onegrid.shared.web;

import java.sql.SQLTransientConnectionException;

/**
 * Whether a request failed because it got no database connection within the pool's connection timeout: the machine is
 * overloaded or the database cannot be reached, so the answer is {@code 503} with {@code Retry-After}, not {@code
 * 500}. {@link NoConnectionFilter} answers so for every request; an endpoint with an error format of its own (Open311)
 * asks here.
 */
public final class NoConnection {

    /** The seconds a client is told to wait before it retries. */
    public static final String RETRY_AFTER = "1";

    private NoConnection() {}

    /** Whether {@code e} is the pool's timeout, however Spring wrapped it. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
