package org.casetracker.app.security;

import org.casetracker.app.metadata.RecordingUser;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who records the events being stored on this thread: the authenticated user of the HTTP request (by Basic
 * credentials or an API token, which acts as its user), {@code system} for work outside any request (the record
 * loader at start-up), {@code anonymous} for a request without credentials (which cannot write: writes need
 * RECORDER). Never anything a client put in a body. The event metadata takes its {@code user} from here.
 */
@Component
@Primary
public class CurrentRecorder implements RecordingUser {

    @Override
    public String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        return RequestContextHolder.getRequestAttributes() != null ? ANONYMOUS : SYSTEM;
    }
}
