package org.casetracker.domain.shared;

/** A count pleaded in a case: {@code {caseId}-count-{count}}. */
public record ClaimId(String value) {

    public ClaimId {
        if (value == null || value.isBlank()) {
            throw DocketRuleViolation.invalid("claimId", "a claim id is required");
        }
    }

    public static ClaimId of(CaseId caseId, int count) {
        return new ClaimId(caseId.value() + "-count-" + count);
    }

    /** True when this claim was pleaded in the given case (its id starts with the case's). */
    public boolean belongsTo(CaseId caseId) {
        return value.startsWith(caseId.value() + "-count-");
    }

    @Override
    public String toString() {
        return value;
    }
}
