package org.casetracker.domain.shared;

/** How far a fact can be trusted: a primary document, press or summary, or nothing checked. */
public enum Verification {
    /** Seen in a primary (or near-primary) source: the court document or the court's docket text. */
    VERIFIED,
    /** Backed only by secondary reporting, which may be a single outlet. */
    SECONDARY,
    /** Not checked against any source; never presented as fact. */
    UNVERIFIED
}
