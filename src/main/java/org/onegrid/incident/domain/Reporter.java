package org.onegrid.incident.domain;

import java.util.Objects;

/**
 * Who raised the incident (反映人): the person the platform reports back to and who evaluates the result.
 *
 * @param userId the reporter's account, or null when they have none (a hotline caller, a walk-in visitor, a
 *     sensor): then the owning centre records their evaluation from the return call (回访)
 * @param name the reporter's name as given
 */
public record Reporter(Long userId, String name) {

    public Reporter {
        Objects.requireNonNull(name, "name");
    }

    public static Reporter withoutAccount(String name) {
        return new Reporter(null, name);
    }

    public boolean hasAccount() {
        return userId != null;
    }
}
