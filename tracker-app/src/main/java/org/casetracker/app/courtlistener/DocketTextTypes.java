package org.casetracker.app.courtlistener;

import org.casetracker.domain.filings.FilingType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filing type inferred from a docket text, conservatively: only from the words the clerk puts first
 * ("ORDER denying …", "MOTION for …", "NOTICE of Voluntary Dismissal …"), never from words further in, which
 * often name another filing ("RESPONSE to 2 MOTION"). Anything else is {@code OTHER}. Always marked as inferred.
 */
final class DocketTextTypes {

    /** Longest prefixes first, so "NOTICE OF REMOVAL" wins over "NOTICE". */
    private static final List<Map.Entry<String, FilingType>> PREFIXES = List.of(
            Map.entry("NOTICE OF VOLUNTARY DISMISSAL", FilingType.NOTICE_OF_VOLUNTARY_DISMISSAL),
            Map.entry("NOTICE OF REMOVAL", FilingType.NOTICE_OF_REMOVAL),
            Map.entry("AMENDED COMPLAINT", FilingType.COMPLAINT),
            Map.entry("COMPLAINT", FilingType.COMPLAINT),
            Map.entry("EMERGENCY MOTION", FilingType.MOTION),
            Map.entry("MOTION", FilingType.MOTION),
            Map.entry("MINUTE ORDER", FilingType.ORDER),
            Map.entry("MINUTE ENTRY", FilingType.MINUTE_ENTRY),
            Map.entry("ORDER", FilingType.ORDER),
            Map.entry("RESPONSE IN OPPOSITION", FilingType.OPPOSITION),
            Map.entry("OPPOSITION", FilingType.OPPOSITION),
            Map.entry("REPLY", FilingType.REPLY),
            Map.entry("DECLARATION", FilingType.DECLARATION),
            Map.entry("EXHIBIT", FilingType.EXHIBIT),
            Map.entry("STIPULATION", FilingType.STIPULATION),
            Map.entry("JUDGMENT", FilingType.JUDGMENT),
            Map.entry("NOTICE", FilingType.NOTICE));

    private DocketTextTypes() {
    }

    static FilingType infer(String docketText) {
        if (docketText == null) {
            return FilingType.OTHER;
        }
        String start = docketText.strip().toUpperCase(Locale.ROOT);
        for (Map.Entry<String, FilingType> prefix : PREFIXES) {
            if (start.startsWith(prefix.getKey()) && wordEndsAt(start, prefix.getKey().length())) {
                return prefix.getValue();
            }
        }
        return FilingType.OTHER;
    }

    private static boolean wordEndsAt(String text, int index) {
        return index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
