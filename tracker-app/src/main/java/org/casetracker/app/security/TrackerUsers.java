package org.casetracker.app.security;

import org.casetracker.app.metadata.RecordingUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The users of the tracker, from {@code tracker.security.users.*}, checked at start-up: a configuration that could
 * not work (an unknown role, a password that is not a hash the tracker can check, a reserved name) stops the start
 * with a message naming the user. With no user configured, one {@code admin} with a random password is made for
 * this run and its password is logged once, so a fresh install can be used at once.
 */
final class TrackerUsers {

    static final String GENERATED_ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(TrackerUsers.class);

    /** A modular-crypt bcrypt hash as {@code htpasswd -B} and Spring's encoder write it. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    /** What a user name may be: it travels in Basic credentials (no colon) and in every event it records. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private TrackerUsers() {
    }

    static List<UserDetails> from(TrackerSecurityProperties properties) {
        if (properties.users().isEmpty()) {
            return List.of(generatedAdmin());
        }
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, TrackerSecurityProperties.User> entry : new TreeMap<>(properties.users()).entrySet()) {
            users.add(user(entry.getKey(), entry.getValue()));
        }
        return users;
    }

    private static UserDetails user(String name, TrackerSecurityProperties.User configured) {
        String where = "tracker.security.users." + name;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(where + ": a user name is 1 to 64 letters, digits and . _ @ -");
        }
        if (name.equals(RecordingUser.SYSTEM) || name.equals(RecordingUser.ANONYMOUS)) {
            throw new IllegalStateException(where + ": '" + name + "' is reserved for the history (work of the "
                    + "tracker itself, or of a request without credentials)");
        }
        if (configured == null || configured.password() == null || configured.password().isBlank()) {
            throw new IllegalStateException(where + ".password is required (a bcrypt hash)");
        }
        String password = storedPassword(where, configured.password().strip());
        if (password.startsWith("{noop}")) {
            log.warn("User '{}' has a plain-text password ({noop}); use a bcrypt hash outside tests", name);
        }
        Set<Role> roles = roles(where, configured.roles());
        return User.withUsername(name).password(password)
                .authorities(roles.stream().map(Role::authority).toArray(String[]::new)).build();
    }

    /** The password as the delegating encoder stores it: {@code {bcrypt}…} or {@code {noop}…}. */
    private static String storedPassword(String where, String configured) {
        if (BCRYPT.matcher(configured).matches()) {
            return "{bcrypt}" + configured;
        }
        if (configured.startsWith("{bcrypt}") && BCRYPT.matcher(configured.substring(8)).matches()) {
            return configured;
        }
        if (configured.startsWith("{noop}") && configured.length() > "{noop}".length()) {
            return configured;
        }
        throw new IllegalStateException(where + ".password must be a bcrypt hash ($2y$10$…, or {bcrypt}$2a$…), or "
                + "{noop}<password> in tests; see docs/security.md");
    }

    private static Set<Role> roles(String where, String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(where + ".roles is required: a comma-separated list of "
                    + List.of(Role.values()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : configured.split(",")) {
            if (role.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.parse(role));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException(where + ".roles: " + unknown.getMessage(), unknown);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(where + ".roles names no role");
        }
        return roles;
    }

    private static UserDetails generatedAdmin() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        log.warn("""

                ************************************************************************
                No users are configured (tracker.security.users), so this run has one:
                    user '{}', password '{}'
                with the roles ADMIN, RECORDER and READER. It is logged this once and is
                gone when the tracker stops. Configure users: see docs/security.md.
                ************************************************************************""",
                GENERATED_ADMIN, password);
        // bcrypt's work factor slows the guessing of chosen passwords; against 144 random bits it adds nothing, and
        // the default (10) cost 0.1-0.3 s of every start without configured users (C1 only, docs/performance.md)
        return User.withUsername(GENERATED_ADMIN).password("{bcrypt}" + new BCryptPasswordEncoder(4).encode(password))
                .authorities(Role.ADMIN.authority(), Role.RECORDER.authority(), Role.READER.authority()).build();
    }
}
