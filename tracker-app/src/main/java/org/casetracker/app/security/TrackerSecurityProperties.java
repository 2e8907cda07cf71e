package org.casetracker.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * {@code tracker.security.*}: who may use the tracker.
 *
 * @param publicRead reads open to everyone ({@code true}, the default: court records are public), else READER only
 * @param users      {@code tracker.security.users.<name>.password} (a bcrypt hash, {@code {bcrypt}…}, or
 *                   {@code {noop}…} for tests) and {@code .roles} (comma-separated READER, RECORDER, ADMIN)
 * @param tokens     API tokens for scripts: {@code tracker.security.tokens.<name>.hash} (SHA-256 of the token, hex)
 *                   and {@code .user} (the configured user the token acts as); the token itself is never stored
 */
@ConfigurationProperties("tracker.security")
public record TrackerSecurityProperties(@DefaultValue("true") boolean publicRead, Map<String, User> users,
                                        Map<String, Token> tokens) {

    public TrackerSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    /** One configured user: a password hash and roles. */
    public record User(String password, String roles) {

        @Override
        public String toString() {
            return "User[roles=" + roles + "]"; // never the hash
        }
    }

    /** One API token: the SHA-256 of the token and the user it acts as. */
    public record Token(String hash, String user) {

        @Override
        public String toString() {
            return "Token[user=" + user + "]";
        }
    }
}
