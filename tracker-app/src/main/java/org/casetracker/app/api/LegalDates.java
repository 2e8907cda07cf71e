package org.casetracker.app.api;

import org.casetracker.domain.shared.DocketRuleViolation;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A legal date a researcher records has happened: it is refused when after tomorrow (tomorrow is
 * allowed, for a court whose day has begun while ours has not).
 */
public final class LegalDates {

    private LegalDates() {
    }

    public static LocalDate notInTheFuture(String field, LocalDate date, Clock clock) {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        if (date != null && date.isAfter(tomorrow)) {
            throw DocketRuleViolation.invalid(field, date + " has not happened yet");
        }
        return date;
    }
}
