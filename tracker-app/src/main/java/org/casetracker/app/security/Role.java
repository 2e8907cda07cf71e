package org.casetracker.app.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do. {@code READER} reads (needed only when reads are not public), {@code RECORDER} records
 * (opens cases, asserts claims, records, corrects and retracts filings), {@code ADMIN} runs the audit and the
 * operations on the whole store (verify, rebuild, import, export). A recorder and an admin may also read; an admin
 * is not a recorder unless given both roles.
 */
public enum Role {
    READER, RECORDER, ADMIN;

    /** The authority Spring Security checks, e.g. {@code ROLE_RECORDER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses one role as configured (case and surrounding spaces do not matter). */
    public static Role parse(String configured) {
        String name = configured.strip().toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + configured.strip() + "': the roles are "
                + Arrays.toString(values()));
    }
}
