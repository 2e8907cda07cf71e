package org.casetracker.app.page;

import org.casetracker.app.api.EffectsBody;
import org.casetracker.app.recordfiling.RecordFilingRequest;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The page's form to record a docket entry, as the browser sends it: text. Turning text into numbers, dates and
 * choices is the form's job (the REST API's JSON reader does it there); every rule of the docket is left to the same
 * write path as {@code POST /api/cases/{caseId}/filings}. One optional effect: the motion this entry decides.
 */
public record FilingForm(String entryNumber, String dateFiled, Boolean dateFiledEstimated, String filedBy,
                         String type, String title, String description, String pageCount, List<String> claimIds,
                         String citation, String verification, String motion, String outcome) {

    static final FilingForm EMPTY = new FilingForm(null, null, false, null, null, null, null, null, List.of(), null,
            "VERIFIED", null, null);

    public FilingForm {
        claimIds = claimIds == null ? List.of() : List.copyOf(claimIds);
    }

    public boolean claimed(String claimId) {
        return claimIds.contains(claimId);
    }

    /** The request the REST API would get, or {@code null} with {@code errors} saying which fields cannot be read. */
    RecordFilingRequest toRequest(FormErrors errors) {
        Integer number = number("entryNumber", entryNumber, errors);
        LocalDate date = date(errors);
        FilingType kind = choice("type", type, FilingType.class, errors);
        Integer pages = number("pageCount", pageCount, errors);
        Verification level = choice("verification", verification, Verification.class, errors);
        MotionStatus decided = choice("outcome", outcome, MotionStatus.class, errors);
        if (errors.any()) {
            return null;
        }
        EffectsBody effects = blank(motion) && decided == null ? null
                : new EffectsBody(List.of(new EffectsBody.Motion(text(motion), decided)), null, null, null, null);
        return new RecordFilingRequest(number, date, Boolean.TRUE.equals(dateFiledEstimated), text(filedBy), kind,
                text(title), text(description), pages, claimIds.isEmpty() ? null : claimIds,
                new Source(text(citation), level), effects);
    }

    private LocalDate date(FormErrors errors) {
        if (blank(dateFiled)) {
            return null; // the write path says it is required
        }
        try {
            return LocalDate.parse(dateFiled.strip());
        } catch (DateTimeParseException e) {
            errors.add("dateFiled", "must be a real date written 2021-01-21");
            return null;
        }
    }

    private static Integer number(String field, String value, FormErrors errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, FormErrors errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
