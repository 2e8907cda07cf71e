package org.casetracker.app.concurrency;

/** The tracker could not do the write now (a lock not had in time, projections far behind): 503, nothing stored. */
public class TryAgainLater extends RuntimeException {

    public TryAgainLater(String message) {
        super(message);
    }

    public TryAgainLater(String message, Throwable cause) {
        super(message, cause);
    }
}
