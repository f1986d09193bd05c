package org.onegrid.staff.security;

import java.util.Map;
import org.onegrid.shared.web.MapTiles;
import org.onegrid.staff.AuditLog;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.persistence.UserRows;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Three filter chains:
 *
 * <ul>
 *   <li>{@code /open311/**}: Open311 GeoReport v2, public to other systems; posting a service request is checked
 *       against the client's {@code api_key} by the endpoint itself. No session, no CSRF: the forms come from other
 *       systems, not from a browser holding a session.
 *   <li>{@code /api/**}: bearer tokens (stateless, no CSRF for them) or the session of a signed-in page; 401 and 403
 *       answered as problem details, never a redirect.
 *   <li>everything else: pages behind the login form, with CSRF protection; first-start setup while no
 *       administrator exists.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffSecurityProperties.class)
@EnableMethodSecurity
class SecurityConfig {

    static final String[] PUBLIC_PAGES = {
        "/login", "/setup", "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
        "/swagger-ui/**", "/swagger-ui.html", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
        "/r", "/r/**"
    };

    /**
     * No observations of security filters, authentications or authorizations: nobody reads them, and an API request
     * passes some fifteen filters. Spring Security wraps every filter, authorization manager and secured method for
     * observation whenever an observation registry exists; an {@code ObservationPredicate} (what {@code
     * management.observations.enable.spring.security=false} configures) only discards each observation after it was
     * built. {@code http.server.requests} is not a security observation and stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Content-Security-Policy (with a nonce per request), Referrer-Policy and Permissions-Policy on every answer, ahead
     * of Spring Security's filters so that a redirect to the login page or a refusal carries them too.
     */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(MapTiles tiles) {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(tiles));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager staffAuthenticationManager(Authenticator authenticator) {
        return new ProviderManager(new StaffAuthenticationProvider(authenticator));
    }

    @Bean
    @Order(0)
    SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, AuthenticationManager manager, Tokens tokens, ProblemResponses problems, UserRows users)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            boolean badToken = BearerTokenFilter.token(request).isPresent();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    badToken ? "令牌无效、已过期或已注销" : "请先登录：请求须带有效的 Bearer 令牌",
                    Map.of());
        };
        AccessDeniedHandler denied = (request, response, e) -> problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                e instanceof CsrfException ? "缺少或无效的 CSRF 令牌" : "无权执行此操作",
                Map.of());
        RequestMatcher bearer = request -> BearerTokenFilter.token(request).isPresent();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(manager)
                .addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), BasicAuthenticationFilter.class)
                .addFilterAfter(new CurrentAccountFilter(users), SecurityContextHolderFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/v1/auth/token")))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http, AuthenticationManager manager, SetupState setup, AuditLog audit, UserRows users)
            throws Exception {
        AuthenticationFailureHandler failure = (request, response, e) -> {
            String reason =
                    e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
        LogoutHandler auditLogout = (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal user) {
                audit.record(user.username(), user.userId(), AuditLog.LOGOUT, request.getRemoteAddr(), "form");
            }
        };
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(manager)
                .addFilterBefore(new SetupRedirectFilter(setup), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CurrentAccountFilter(users), SecurityContextHolderFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(failure)
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(auditLogout)
                        .logoutSuccessUrl("/login?logout")
                        .permitAll());
        return http.build();
    }
}
