package org.casetracker.domain.shared;

/** A docket entry: {@code {caseId}-dkt-{entryNumber}}, or a generated id for an unnumbered entry. */
public record FilingId(String value) {

    public FilingId {
        if (value == null || value.isBlank()) {
            throw DocketRuleViolation.invalid("filingId", "a filing id is required");
        }
    }

    public static FilingId numbered(CaseId caseId, int entryNumber) {
        return new FilingId(caseId.value() + "-dkt-" + entryNumber);
    }

    /** True when the id was formed from this case's id (numbered and generated ids both are). */
    public boolean belongsTo(CaseId caseId) {
        return value.startsWith(caseId.value() + "-");
    }

    @Override
    public String toString() {
        return value;
    }
}
