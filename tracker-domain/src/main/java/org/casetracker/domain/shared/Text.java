package org.casetracker.domain.shared;

/** Checks of free text in commands: required, bounded, storable. */
public final class Text {

    private Text() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw DocketRuleViolation.invalid(field, "is required");
        }
        return bounded(field, value.strip(), maxLength);
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(field, value.strip(), maxLength);
    }

    private static String bounded(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw DocketRuleViolation.invalid(field, "is longer than " + maxLength + " characters");
        }
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL's text cannot hold it: the projections could never show such an event
            throw DocketRuleViolation.invalid(field, "contains the NUL character (U+0000)");
        }
        return value;
    }
}
