package org.casetracker.app.concurrency;

import java.util.OptionalLong;

/**
 * The case's entity tag: a strong validator, the version of the case's record in quotes ({@code "1234"}), and the
 * evaluation of {@code If-Match} against it (RFC 9110 §13.1.1: strong comparison, so a weak tag never matches;
 * {@code *} matches any case that exists).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static boolean matches(String ifMatch, OptionalLong current) {
        if (current.isEmpty()) {
            return false;
        }
        String expected = of(current.getAsLong());
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
