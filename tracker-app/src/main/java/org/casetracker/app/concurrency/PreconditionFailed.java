package org.casetracker.app.concurrency;

/** A write's {@code If-Match} names a version of the case that is no longer the current one: 412, nothing stored. */
public class PreconditionFailed extends RuntimeException {

    private final String caseId;
    private final String currentETag;

    public PreconditionFailed(String caseId, String ifMatch, String currentETag) {
        super("case " + caseId + " has changed since " + ifMatch + (currentETag == null ? ""
                : "; it is now " + currentETag) + ": read it again, then decide whether to write");
        this.caseId = caseId;
        this.currentETag = currentETag;
    }

    public String caseId() {
        return caseId;
    }

    /** The case's current tag, or null when the case has no version (it does not exist). */
    public String currentETag() {
        return currentETag;
    }
}
