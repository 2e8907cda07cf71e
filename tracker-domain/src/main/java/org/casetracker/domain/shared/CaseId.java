package org.casetracker.domain.shared;

/** A case (one docket in one court), e.g. {@code wawd-2-21-cv-00031}: the slug of court and docket number. */
public record CaseId(String value) {

    public CaseId {
        if (value == null || value.isBlank()) {
            throw DocketRuleViolation.invalid("caseId", "a case id is required");
        }
    }

    public static CaseId of(String court, String docketNumber) {
        return new CaseId(Slugs.slug(court + " " + docketNumber));
    }

    /** Axon takes the aggregate identifier from toString(). */
    @Override
    public String toString() {
        return value;
    }
}
