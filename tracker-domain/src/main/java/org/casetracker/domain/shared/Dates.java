package org.casetracker.domain.shared;

import java.time.LocalDate;

/** Checks of legal dates in commands. */
public final class Dates {

    private Dates() {
    }

    public static LocalDate required(String field, LocalDate date) {
        if (date == null) {
            throw DocketRuleViolation.invalid(field, "is required (an ISO date such as 2021-01-21)");
        }
        return date;
    }

    /** Nothing in a case happens before the case was filed. */
    public static LocalDate notBefore(String field, LocalDate date, LocalDate caseFiledOn) {
        required(field, date);
        if (date.isBefore(caseFiledOn)) {
            throw DocketRuleViolation.invalid(field, date + " is before the case was filed on " + caseFiledOn);
        }
        return date;
    }
}
