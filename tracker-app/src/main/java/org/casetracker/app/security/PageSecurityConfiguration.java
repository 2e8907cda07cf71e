package org.casetracker.app.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

import java.util.Set;

/**
 * The researcher's page: HTML for people in a browser, so a form login and a session (with CSRF protection, which
 * a session needs), for the page's paths only; the API keeps its stateless chain ({@link SecurityConfiguration})
 * and so its behaviour. Who may do what is the same: reading is open while {@code tracker.security.public-read} is
 * true (else READER), recording a filing needs RECORDER.
 * <p>
 * Who needs to sign in is sent to the login form if it is a browser (it asks for {@code text/html}); anything else
 * gets the API's 401, so a script learns what went wrong instead of being redirected.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PageSecurityConfiguration {

    static final String[] PAGE_PATHS = {"/", "/cases/**", "/login", "/logout", "/css/**", "/js/**",
            "/favicon.ico"};
    private static final String[] ASSETS = {"/css/**", "/js/**", "/favicon.ico"};

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http, TrackerSecurityProperties properties,
                                     HttpProblems problems) throws Exception {
        http
                .securityMatcher(PAGE_PATHS)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // signed out, back at the login form: "/" must not be permitted to all by the logout (private reads)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn(problems))
                        .accessDeniedHandler(refused(problems)))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                            .requestMatchers(ASSETS).permitAll()
                            .requestMatchers(HttpMethod.POST, "/cases/*/filings").hasRole(Role.RECORDER.name());
                    if (properties.publicRead()) {
                        requests.anyRequest().permitAll();
                    } else {
                        requests.anyRequest().hasRole(Role.READER.name());
                    }
                });
        return http.build();
    }

    /** A form sent without its CSRF token (or with a stale one) is told so, not that a role is missing. */
    private static AccessDeniedHandler refused(HttpProblems problems) {
        AccessDeniedHandler forbidden = SecurityConfiguration.forbidden(problems);
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "the form's CSRF token is "
                        + "missing or out of date (a new session?): reload the page and send the form again");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    private static AuthenticationEntryPoint signIn(HttpProblems problems) {
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(),
                MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL)); // "*/*" alone is a script, not a browser
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint api = SecurityConfiguration.unauthorized(problems);
        return (request, response, failure) -> (browser.matches(request) ? login : api)
                .commence(request, response, failure);
    }
}
