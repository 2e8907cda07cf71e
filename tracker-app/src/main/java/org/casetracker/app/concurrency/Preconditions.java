package org.casetracker.app.concurrency;

import jakarta.servlet.http.HttpServletRequest;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Evaluates the {@code If-Match} of the request being served against the case it writes to, while the write holds
 * the case's lock: the projection is first brought up to the head of the store (every write that committed before
 * this one got the lock is then counted), and the case's version compared with the tag. Without {@code If-Match}
 * nothing is checked: the last writer wins, which is safe because every write goes through the aggregates' rules.
 */
@Component
public class Preconditions {

    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final CaseVersions versions;
    private final ProjectionCatchUp catchUp;

    public Preconditions(CaseVersions versions, ProjectionCatchUp catchUp) {
        this.versions = versions;
        this.catchUp = catchUp;
    }

    public void check(WriteScope scope) {
        if (!scope.checkIfMatch()) {
            return;
        }
        String ifMatch = ifMatchOfCurrentRequest();
        if (ifMatch == null) {
            return;
        }
        if (!catchUp.awaitCaughtUp(CATCH_UP)) {
            throw new TryAgainLater("the case's version could not be read in time to check If-Match; try again");
        }
        OptionalLong current = versions.current(scope.primary());
        if (!ETags.matches(ifMatch, current)) {
            throw new PreconditionFailed(scope.primary(), ifMatch.strip(),
                    current.isPresent() ? ETags.of(current.getAsLong()) : null);
        }
    }

    private static String ifMatchOfCurrentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null; // not an HTTP request (the record loader)
        }
        HttpServletRequest request = servlet.getRequest();
        String value = request.getHeader(HttpHeaders.IF_MATCH);
        return value == null || value.isBlank() ? null : value;
    }
}
