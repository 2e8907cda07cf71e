package org.casetracker.app.bulkreplay;

/** A batch of a bulk replay did not commit; the batches before it did. */
public class BulkReplayFailed extends RuntimeException {

    BulkReplayFailed(String processor, long lastIndex, Throwable cause) {
        super("the bulk replay of " + processor + " failed in the batch ending at global index " + lastIndex, cause);
    }
}
