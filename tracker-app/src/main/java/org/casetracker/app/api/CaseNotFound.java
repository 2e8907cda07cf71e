package org.casetracker.app.api;

import java.time.Instant;
import java.time.LocalDate;

/** No such case, or none yet on the date (or at the moment) asked about. */
public class CaseNotFound extends RuntimeException {

    public CaseNotFound(String caseId) {
        super("no case " + caseId);
    }

    public CaseNotFound(String caseId, LocalDate asOf, Instant knownAt) {
        super("no case " + caseId + " as of " + asOf + (knownAt == null ? "" : " as known at " + knownAt));
    }
}
