package org.casetracker.app.metadata;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is sane, else a new UUID.
 * The id is echoed in the response header and recorded with every event the request stores.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = CorrelationIds.fromClient(request.getHeader(CorrelationIds.HEADER));
        response.setHeader(CorrelationIds.HEADER, id);
        try (CorrelationIds.Scope ignored = CorrelationIds.open(id)) {
            chain.doFilter(request, response);
        }
    }
}
