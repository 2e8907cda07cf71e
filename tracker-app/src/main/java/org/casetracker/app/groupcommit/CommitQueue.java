package org.casetracker.app.groupcommit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Leader and followers: the commands that arrive while a batch is being committed wait here; when that batch is done,
 * one of their senders becomes the leader and commits the next batch, for all of them, in one transaction. No thread
 * of its own, no timer: a lone writer leads a batch of one at once, and batches grow only when writers queue.
 * <p>
 * A batch never holds two commands that write to the same case, and a command is never taken before an earlier one
 * to a case it writes to: a case sees its writes one after the other, in the order they arrived, as before.
 */
final class CommitQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchDone = lock.newCondition();
    private final Deque<Member> waiting = new ArrayDeque<>();
    private final int maxBatch;
    private boolean leading;

    CommitQueue(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalStateException("tracker.append.group-commit.max-batch must be at least 1: " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /**
     * Returns once {@code member} is settled: committed by whichever sender led its batch (this one or another).
     * {@code commit} must settle every member of the batch it is given.
     */
    void submit(Member member, Consumer<List<Member>> commit) {
        lock.lock();
        try {
            waiting.add(member);
            while (!member.settled()) {
                if (leading) {
                    batchDone.awaitUninterruptibly();
                    continue;
                }
                leading = true;
                List<Member> batch = nextBatch();
                lock.unlock();
                try {
                    commit.accept(batch);
                } finally {
                    lock.lock();
                    leading = false;
                    batchDone.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes, in arrival order, up to {@code maxBatch} waiting members whose cases no earlier waiting member writes. */
    private List<Member> nextBatch() {
        List<Member> batch = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Iterator<Member> next = waiting.iterator(); next.hasNext() && batch.size() < maxBatch; ) {
            Member member = next.next();
            boolean free = Collections.disjoint(claimed, member.cases());
            claimed.addAll(member.cases()); // a later write to these cases waits behind this one, taken or not
            if (free) {
                batch.add(member);
                next.remove();
            }
        }
        return batch;
    }

    /** How many commands wait for a batch. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
