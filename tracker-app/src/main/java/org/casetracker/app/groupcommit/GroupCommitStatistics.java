package org.casetracker.app.groupcommit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** Counts of the group commit since start: how many commands shared a commit, and how many batches fell apart. */
public final class GroupCommitStatistics {

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchedCommands = new AtomicLong();
    private final AtomicLong alone = new AtomicLong();
    private final AtomicLong rerunBatches = new AtomicLong();
    private final LongAccumulator largestBatch = new LongAccumulator(Math::max, 0);

    void committedTogether(int size) {
        batches.incrementAndGet();
        batchedCommands.addAndGet(size);
        largestBatch.accumulate(size);
    }

    void oneAlone() {
        alone.incrementAndGet();
    }

    void rerunOneByOne(int size) {
        rerunBatches.incrementAndGet();
        largestBatch.accumulate(size);
    }

    /** Batches of two or more commands committed in one transaction. */
    public long batches() {
        return batches.get();
    }

    /** Commands committed in those batches. */
    public long batchedCommands() {
        return batchedCommands.get();
    }

    /** Commands committed in a transaction of their own (a batch of one, or run again after a batch fell apart). */
    public long committedAlone() {
        return alone.get();
    }

    /** Batches rolled back because one of their commands was refused or failed (or the commit failed). */
    public long rerunBatches() {
        return rerunBatches.get();
    }

    public long largestBatch() {
        return largestBatch.get();
    }
}
