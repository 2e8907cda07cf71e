package org.casetracker.domain.shared;

/**
 * Where a recorded fact came from: a citation (URL or docket reference) and how far it was verified.
 * Every fact in the tracker carries one, so a reader can always go back to the document.
 */
public record Source(String citation, Verification verification) {

    public static final int MAX_CITATION_LENGTH = 2000;

    /** Checks a source given in a command; events keep what was accepted. */
    public static Source required(String field, Source source) {
        if (source == null) {
            throw DocketRuleViolation.invalid(field, "a source is required: a citation and its verification");
        }
        Text.required(field + ".citation", source.citation(), MAX_CITATION_LENGTH);
        if (source.verification() == null) {
            throw DocketRuleViolation.invalid(field + ".verification", "is required: VERIFIED, SECONDARY or UNVERIFIED");
        }
        return new Source(source.citation().strip(), source.verification());
    }
}
