package org.casetracker.app.bulkreplay;

/**
 * How far a bulk replay has committed. Written by the replay's handling thread after each batch's commit, read by
 * anyone: one reference, so the position and its count are always read together.
 */
public final class BulkProgress {

    /**
     * @param position the last global index committed; -1 before the first batch
     * @param done     the events read up to it (handled, or skipped for want of a handler)
     */
    public record Committed(long position, long done) {
    }

    private volatile Committed last = new Committed(-1, 0);
    private volatile long handling = -1;
    private volatile long readingCpuNanos;
    private volatile long handlingCpuNanos;

    void committed(long position, long done) {
        last = new Committed(position, done);
    }

    public Committed last() {
        return last;
    }

    void handling(long position) {
        handling = position;
    }

    /**
     * The global index of the event being handled, its batch not yet committed: finer than {@link #last()}, whose
     * position moves a batch (5,000 events) at a time. For timing a stretch of the store, not for resuming.
     */
    public long handlingPosition() {
        return handling;
    }

    void readingCpu(long nanos) {
        readingCpuNanos = nanos;
    }

    void handlingCpu(long nanos) {
        handlingCpuNanos = nanos;
    }

    /**
     * The CPU time of the reading thread (reading, deserializing) once it has ended: on a shared machine the CPU each
     * thread took says what the replay costs better than its wall time, and the busier of the two threads bounds it.
     */
    public long readingCpuNanos() {
        return readingCpuNanos;
    }

    /** The CPU time of the handling thread (handlers, commits) once the replay has ended. */
    public long handlingCpuNanos() {
        return handlingCpuNanos;
    }
}
