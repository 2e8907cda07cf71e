package org.casetracker.domain.filings;

/** A motion is PENDING until an order decides it or its movant withdraws it. */
public enum MotionStatus {
    PENDING, GRANTED, GRANTED_IN_PART, DENIED, MOOT, WITHDRAWN
}
