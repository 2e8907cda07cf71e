package org.casetracker.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Logs every refused HTTP Basic login: the user name given (cleaned and cut short) and why it was refused, never
 * the password. Refused API tokens are logged by the token filter, without the token.
 */
@Component
class AuthenticationLog {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationLog.class);

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        log.warn("Authentication failed for user '{}': {}", printable(event.getAuthentication().getName()),
                event.getException().getClass().getSimpleName());
    }

    /** At most 64 characters, nothing that could forge a log line. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
