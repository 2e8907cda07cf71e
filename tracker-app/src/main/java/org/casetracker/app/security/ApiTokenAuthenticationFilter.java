package org.casetracker.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * {@code Authorization: Bearer <token>}: a valid API token authenticates the request as the user the token acts
 * as; an invalid one is a 401 at once (never a silent fall back to anonymous). Requests without a bearer token pass
 * on untouched, to HTTP Basic or to the public reads. Not a bean: it runs only inside the security filter chain.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenAuthenticationFilter.class);
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ApiTokenAuthenticationFilter(ApiTokens tokens, UserDetailsService users, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = header.substring(BEARER.length()).strip();
        UserDetails user = tokens.find(presented).map(token -> userOf(token, request)).orElse(null);
        if (user == null) {
            contexts.clearContext();
            log.warn("Authentication failed: an unknown API token from {} for {} {}", request.getRemoteAddr(),
                    request.getMethod(), request.getRequestURI());
            entryPoint.commence(request, response, new BadCredentialsException("unknown API token"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private UserDetails userOf(ApiTokens.ApiToken token, HttpServletRequest request) {
        try {
            UserDetails user = users.loadUserByUsername(token.user());
            if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()) {
                return null;
            }
            log.debug("API token {} authenticates {} for {} {}", token.name(), token.user(), request.getMethod(),
                    request.getRequestURI());
            return user;
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
