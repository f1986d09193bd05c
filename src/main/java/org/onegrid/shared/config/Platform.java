package org.onegrid.shared.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform as people know it: its name ({@code onegrid.platform.name}, e.g. 东营市一网统管) in every page title,
 * the top bar, the login page and the texts that leave the platform. Pages read it as {@code ${@platform.name()}}.
 */
@Component("platform")
public class Platform {

    private final String name;

    Platform(@Value("${" + DemoCityDefaults.PLATFORM_NAME + "}") String name) {
        this.name = name.strip();
    }

    public String name() {
        return name;
    }
}
