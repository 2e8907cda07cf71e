package org.casetracker.app.audit;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@link AppendLock} of a store only this process can open (embedded H2): a semaphore held by the appending
 * transaction from its first event until it has committed or rolled back. It orders appends as the lock row does,
 * without writing: locking a row in H2 makes the transaction write (a chunk of about 12 KB per transaction measured,
 * and a transaction of its own for every extension of the chain by its processor) and cost the writers a tenth of
 * their samples (ADR 0024).
 */
final class ProcessAppendLock {

    /** As long as H2 waits for a locked row by default, and refused the same way. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Object HELD = ProcessAppendLock.class;

    private final Semaphore permit = new Semaphore(1, true);

    /** Takes the lock for the current transaction, once however often it appends; released when it ends. */
    void acquireForTransaction() {
        if (TransactionSynchronizationManager.hasResource(HELD)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended in a transaction Spring does not synchronize");
        }
        take();
        TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                permit.release();
            }
        });
    }

    private void take() {
        try {
            if (!permit.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CannotAcquireLockException("the append lock was not free within " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("interrupted while waiting for the append lock", e);
        }
    }
}
