package org.casetracker.domain.shared;

import java.util.Locale;

/** Readable ids: lower case, every run of characters other than a-z and 0-9 becomes one '-'. */
public final class Slugs {

    private Slugs() {
    }

    public static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String dashed = lower.replaceAll("[^a-z0-9]+", "-");
        return trimDashes(dashed);
    }

    private static String trimDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
