package org.casetracker.app.audit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The highest global index in the store, read while holding the {@link AppendLock} in a short transaction of its own:
 * at that moment no appending transaction has drawn an index it has not committed, so every index up to this one is
 * either stored or will never be. The lock is released at once; appends wait only for this read (and, as for every
 * holder of the lock, for linking events stored without a link, if any, before it commits: ADR 0026). A projection
 * rebuild replays up to it and hands its processor a token there (ADR 0021).
 */
@Component
public class SettledHead {

    private final AppendLock appendLock;
    private final StoredEvents events;
    private final TransactionTemplate separately;

    public SettledHead(AppendLock appendLock, StoredEvents events, PlatformTransactionManager transactions) {
        this.appendLock = appendLock;
        this.events = events;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The settled head's global index; -1 when the store is empty. */
    public long read() {
        Long last = separately.execute(status -> {
            appendLock.acquire();
            return events.lastGlobalIndex();
        });
        return last == null ? -1 : last;
    }
}
