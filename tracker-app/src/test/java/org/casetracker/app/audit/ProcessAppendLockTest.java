package org.casetracker.app.audit;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The process's append lock (embedded H2, ADR 0024) is held by an appending transaction from its first event until it
 * ends, however often it appends, and the chain's read of the settled head waits for it, as it waits for the lock row.
 */
class ProcessAppendLockTest {

    private final ProcessAppendLock lock = new ProcessAppendLock();

    @Test
    void theSettledHeadIsReadOnlyOnceTheAppendingTransactionHasEnded() throws Exception {
        TransactionSynchronizationManager.initSynchronization(); // this thread: an appending transaction
        try {
            lock.acquireForTransaction();
            lock.acquireForTransaction(); // a second command of the same transaction appends too
            assertThat(lock.whileHeld(() -> 7)).as("the appending transaction itself may read").isEqualTo(7);

            AtomicReference<Thread> reader = new AtomicReference<>();
            CompletableFuture<Long> head = CompletableFuture.supplyAsync(() -> {
                reader.set(Thread.currentThread());
                return lock.whileHeld(() -> 42);
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> reader.get() != null
                    && reader.get().getState() == Thread.State.TIMED_WAITING);
            assertThat(head).as("waiting for the appending transaction").isNotDone();

            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            assertThat(head.get()).isEqualTo(42);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(TransactionSynchronizationManager.hasResource(ProcessAppendLock.class)).isFalse();
        assertThat(lock.whileHeld(() -> 1)).as("released").isEqualTo(1);
    }
}
