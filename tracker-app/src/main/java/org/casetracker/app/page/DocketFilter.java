package org.casetracker.app.page;

import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.DocketRuleViolation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Predicate;

/** The docket table's filter: one type of entry, and filed from and to a date (both inclusive; each optional). */
public record DocketFilter(FilingType type, LocalDate from, LocalDate to) implements Predicate<DocketEntry> {

    static final DocketFilter NONE = new DocketFilter(null, null, null);

    static DocketFilter of(String type, String from, String to) {
        DocketFilter filter = new DocketFilter(type(type), PageCut.date("from", from), PageCut.date("to", to));
        if (filter.from != null && filter.to != null && filter.to.isBefore(filter.from)) {
            throw DocketRuleViolation.invalid("to", "is before from");
        }
        return filter;
    }

    @Override
    public boolean test(DocketEntry entry) {
        return (type == null || entry.type() == type)
                && (from == null || !entry.dateFiled().isBefore(from))
                && (to == null || !entry.dateFiled().isAfter(to));
    }

    public boolean active() {
        return type != null || from != null || to != null;
    }

    private static FilingType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FilingType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw DocketRuleViolation.invalid("type", "cannot read '" + value + "': must be one of "
                    + Arrays.toString(FilingType.values()));
        }
    }
}
