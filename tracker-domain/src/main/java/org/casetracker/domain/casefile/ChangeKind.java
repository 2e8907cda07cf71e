package org.casetracker.domain.casefile;

/** What a dated event of a case changed, in the words a researcher would use. */
public enum ChangeKind {
    CASE_OPENED, CLAIM_ASSERTED, FILING_ADDED, MOTION_DECIDED, FINDING_MADE, CLAIM_DISPOSED, CASE_CLOSED,
    CASE_REOPENED, CASE_LINKED
}
