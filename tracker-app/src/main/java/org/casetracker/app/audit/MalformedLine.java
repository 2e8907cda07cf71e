package org.casetracker.app.audit;

/** A line of an export that is not an event as the export writes it. */
public class MalformedLine extends Exception {

    private final Long globalIndex;

    MalformedLine(String message, Long globalIndex) {
        super(message);
        this.globalIndex = globalIndex;
    }

    /** The line's global index, when it could be read. */
    public Long globalIndex() {
        return globalIndex;
    }
}
