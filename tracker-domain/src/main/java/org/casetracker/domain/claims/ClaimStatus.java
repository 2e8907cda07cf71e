package org.casetracker.domain.claims;

/** A claim is PENDING until disposed of; every other value is a final disposition. */
public enum ClaimStatus {
    PENDING, DISMISSED_WITH_PREJUDICE, DISMISSED_WITHOUT_PREJUDICE, WITHDRAWN, JUDGMENT_FOR_PLAINTIFF,
    JUDGMENT_FOR_DEFENDANT, SETTLED
}
