package org.casetracker.domain.cases;

/** How a case was closed. REMOVED and REMANDED close one docket because the dispute moved to another court. */
public enum Disposition {
    VOLUNTARILY_DISMISSED, DISMISSED, REMANDED, REMOVED, SETTLED, JUDGMENT, TRANSFERRED
}
