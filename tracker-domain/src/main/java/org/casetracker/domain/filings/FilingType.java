package org.casetracker.domain.filings;

import java.util.EnumSet;
import java.util.Set;

/** The kind of a docket entry. */
public enum FilingType {
    COMPLAINT, MOTION, OPPOSITION, REPLY, DECLARATION, EXHIBIT, ORDER, MINUTE_ENTRY, HEARING, NOTICE,
    NOTICE_OF_REMOVAL, NOTICE_OF_VOLUNTARY_DISMISSAL, STIPULATION, JUDGMENT, OTHER;

    private static final Set<FilingType> BY_THE_COURT = EnumSet.of(ORDER, MINUTE_ENTRY, HEARING, JUDGMENT);

    /** Entries the court makes: only these rule on motions or assess claims. */
    public boolean isByTheCourt() {
        return BY_THE_COURT.contains(this);
    }
}
