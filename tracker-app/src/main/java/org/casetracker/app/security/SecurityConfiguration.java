package org.casetracker.app.security;

import jakarta.servlet.DispatcherType;
import org.casetracker.app.idempotency.IdempotencyFilter;
import org.casetracker.app.idempotency.IdempotencyStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what (docs/security.md):
 * <ul>
 *     <li>the OpenAPI document and Swagger UI: everyone;</li>
 *     <li>reads ({@code GET}/{@code HEAD}): everyone while {@code tracker.security.public-read} is true (the
 *     default: court records are public), otherwise READER (which RECORDER and ADMIN include);</li>
 *     <li>writes ({@code POST /api/cases/**}): RECORDER;</li>
 *     <li>the audit and the operations on the whole store ({@code /api/audit/**}, {@code /api/admin/**},
 *     {@code /api/export}, {@code /api/import}) and the actuator's endpoints: ADMIN, whatever the method;</li>
 *     <li>{@code /actuator/health}: everyone (its details: ADMIN).</li>
 * </ul>
 * HTTP Basic, or an API token as {@code Authorization: Bearer}. Stateless: no session, no cookie, so no CSRF
 * token either (a browser never sends these credentials on its own to another site's request). A request without
 * credentials where they are needed, or with wrong ones anywhere, is a 401; a missing role is a 403; both as
 * {@code application/problem+json}.
 * <p>
 * The researcher's page ({@code /}, {@code /cases/**}) has a chain of its own, {@link PageSecurityConfiguration}:
 * a form login and a session, for those paths only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TrackerSecurityProperties.class)
public class SecurityConfiguration {

    static final String REALM = "case-tracker";

    private static final String[] ADMIN_PATHS = {"/api/audit", "/api/audit/**", "/api/admin", "/api/admin/**",
            "/api/export", "/api/export/**", "/api/import", "/api/import/**", "/actuator", "/actuator/**"};
    /** For load balancers and probes: the status only (details need ADMIN, management.endpoint.health.*). */
    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    SecurityFilterChain trackerSecurity(HttpSecurity http, TrackerSecurityProperties properties,
                                        UserDetailsService users, HttpProblems problems,
                                        IdempotencyStore idempotency) throws Exception {
        AuthenticationEntryPoint entryPoint = unauthorized(problems);
        ApiTokens tokens = ApiTokens.from(properties, userNames(users, properties));
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(forbidden(problems)))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, entryPoint),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new IdempotencyFilter(idempotency, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                            .requestMatchers(API_DOCS).permitAll()
                            .requestMatchers(HEALTH).permitAll()
                            .requestMatchers(ADMIN_PATHS).hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/**")
                            .hasRole(Role.RECORDER.name());
                    if (properties.publicRead()) {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                                .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                                .requestMatchers("/api/**").authenticated()
                                .anyRequest().permitAll();
                    } else {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.READER.name())
                                .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Role.READER.name())
                                .requestMatchers("/api/**").authenticated()
                                .anyRequest().hasRole(Role.READER.name());
                    }
                });
        return http.build();
    }

    /** A recorder and an admin may read whatever a reader may; an admin records only if also a RECORDER. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.RECORDER.name()).implies(Role.READER.name())
                .role(Role.ADMIN.name()).implies(Role.READER.name())
                .build();
    }

    /**
     * The configured users, read-only: not a {@code UserDetailsPasswordService}, so Spring Security never
     * "upgrades" a password it has checked (it would re-hash a {@code {noop}} test password with bcrypt and keep the
     * new hash in memory).
     */
    @Bean
    UserDetailsService trackerUsers(TrackerSecurityProperties properties) {
        List<UserDetails> users = TrackerUsers.from(properties);
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }

    /** {@code {bcrypt}…} and {@code {noop}…} (tests only), as {@link TrackerUsers} stores the configured hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A URL the firewall refuses (e.g. an encoded slash or a {@code ;} in the path): 400, as problem+json. */
    @Bean
    RequestRejectedHandler requestRejected(HttpProblems problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "Invalid request", "the request URL is not one this tracker accepts");
    }

    static AuthenticationEntryPoint unauthorized(HttpProblems problems) {
        return (request, response, failure) -> {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            boolean sentCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", sentCredentials
                    ? "the credentials are not valid"
                    : "this request needs credentials: HTTP Basic or an API token (Authorization: Bearer)");
        };
    }

    static AccessDeniedHandler forbidden(HttpProblems problems) {
        return (request, response, denied) -> problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
                "the authenticated user lacks the role this request needs (see docs/security.md)");
    }

    private static Set<String> userNames(UserDetailsService users, TrackerSecurityProperties properties) {
        if (properties.users().isEmpty()) {
            return Set.of(TrackerUsers.GENERATED_ADMIN);
        }
        return properties.users().keySet().stream().collect(Collectors.toSet());
    }
}
