package org.casetracker.app.audit;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The process's append lock (embedded H2, ADR 0024) is held by an appending transaction from its first event until it
 * ends, however often it appends, and another appending transaction waits for it, as for the lock row.
 */
class ProcessAppendLockTest {

    private final ProcessAppendLock lock = new ProcessAppendLock();

    @Test
    void anotherAppendingTransactionWaitsUntilTheFirstHasEnded() throws Exception {
        TransactionSynchronizationManager.initSynchronization(); // this thread: an appending transaction
        List<TransactionSynchronization> first;
        try {
            lock.acquireForTransaction();
            lock.acquireForTransaction(); // a second command of the same transaction appends too
            first = TransactionSynchronizationManager.getSynchronizations();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        AtomicReference<Thread> second = new AtomicReference<>();
        CompletableFuture<Void> appended = CompletableFuture.runAsync(() -> {
            second.set(Thread.currentThread());
            TransactionSynchronizationManager.initSynchronization();
            try {
                lock.acquireForTransaction();
                TransactionSynchronizationManager.getSynchronizations()
                        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            } finally {
                TransactionSynchronizationManager.clearSynchronization();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> second.get() != null
                && second.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(appended).as("waiting for the first transaction").isNotDone();

        first.forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        appended.get();
        assertThat(first).as("released once, however often it appended").hasSize(1);
    }
}
