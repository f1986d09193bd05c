package org.onegrid.integration.hotline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The hotline's settings, and the webhook's own security: the hotline signs each push with the shared secret
 * ({@link HotlineSignature}) instead of signing in, so the push itself passes the sign-in filters (no session, no CSRF
 * token) and the controller checks the signature before it reads anything.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineSettings.class)
class HotlineConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain hotlineWebhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/hotline/orders"))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }
}
