package org.onegrid.shared.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo city's own names, below every other source: with {@code onegrid.demo.enabled} (the default) the platform
 * calls itself 东营市一网统管 and numbers incidents {@code DY-…}; a real deployment (demo off) starts from the generic
 * defaults of {@link #PLATFORM_NAME} and {@link #NUMBER_PREFIX} unless it sets its own.
 */
public class DemoCityDefaults implements EnvironmentPostProcessor {

    /** The platform's name in page titles, the top bar, the login page and outgoing texts. */
    public static final String PLATFORM_NAME = "onegrid.platform.name";

    /** The prefix of incident numbers (事件编号). */
    public static final String NUMBER_PREFIX = "onegrid.incident.number-prefix";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean demo = env.getProperty("onegrid.demo.enabled", Boolean.class, true);
        Map<String, Object> names = demo
                ? Map.of(PLATFORM_NAME, "东营市一网统管", NUMBER_PREFIX, "DY")
                : Map.of(PLATFORM_NAME, "一网统管", NUMBER_PREFIX, "SJ");
        env.getPropertySources().addLast(new MapPropertySource("onegrid-city-defaults", names));
    }
}
