package org.casetracker.app.concurrency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Every read of one case ({@code GET /api/cases/{caseId}} and below) carries the case's {@code ETag}. It is read
 * before the answer is made, so it is never newer than what the answer shows: a write sent with it can only be
 * refused too often (412, read again), never accepted on the strength of a state its client did not see.
 */
class CaseETagInterceptor implements HandlerInterceptor {

    private final CaseVersions versions;

    CaseETagInterceptor(CaseVersions versions) {
        this.versions = versions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("caseId") instanceof String caseId) {
            OptionalLong version = versions.current(caseId);
            if (version.isPresent()) {
                response.setHeader(HttpHeaders.ETAG, ETags.of(version.getAsLong()));
            }
        }
        return true;
    }
}
