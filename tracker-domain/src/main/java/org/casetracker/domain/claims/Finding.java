package org.casetracker.domain.claims;

/**
 * A non-final assessment of a claim by the court, kept beside its status: e.g. the preliminary-injunction
 * order's view that a claim is NOT_LIKELY_TO_SUCCEED does not dispose of it.
 */
public enum Finding {
    LIKELY_TO_SUCCEED, NOT_LIKELY_TO_SUCCEED, SERIOUS_QUESTIONS, PLAUSIBLY_PLEADED, NOT_PLAUSIBLY_PLEADED
}
