package org.onegrid.shared.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every module stamps its actions and runs its scans with: UTC; tests replace it to move time forward. */
@Configuration(proxyBeanMethods = false)
class PlatformClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
