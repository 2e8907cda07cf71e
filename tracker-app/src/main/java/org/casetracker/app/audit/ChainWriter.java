package org.casetracker.app.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends links to the hash chain, in global order, from the events as stored. It never rewrites a link: it starts
 * after the last one. It extends the chain only up to the highest index that can no longer be preceded by an event
 * still to commit (read while holding the {@link AppendLock}), so it cannot skip an event that fills a gap later.
 */
@Component
public class ChainWriter {

    private static final String INSERT = "insert into audit_chain (global_index, event_identifier, hash) values (?, ?, ?)";

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final AppendLock appendLock;
    private final TransactionTemplate separately;
    private final int pageSize;

    public ChainWriter(StoredEvents events, JdbcTemplate jdbc, AppendLock appendLock,
                       PlatformTransactionManager transactions,
                       @Value("${tracker.audit.page-size:500}") int pageSize) {
        this.events = events;
        this.jdbc = jdbc;
        this.appendLock = appendLock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pageSize = pageSize;
    }

    /**
     * Extends the chain as far as the store is settled, in the caller's transaction.
     *
     * @return the number of links added
     */
    public int extend() {
        StoredEvents.Head head = events.chainHead().orElse(new StoredEvents.Head(-1, HashChain.GENESIS));
        long settled = settledHorizon();
        String previous = head.hash();
        int added = 0;
        for (List<StoredEvent> page : events.pages(head.position(), settled, pageSize)) {
            List<Object[]> links = new ArrayList<>(page.size());
            for (StoredEvent event : page) {
                previous = HashChain.next(previous, event.canonicalBytes());
                links.add(new Object[]{event.globalIndex(), event.eventIdentifier(), previous});
            }
            jdbc.batchUpdate(INSERT, links);
            added += links.size();
        }
        return added;
    }

    /**
     * The highest global index in the store, read while holding the append lock in a short transaction of its own:
     * at that moment no appending transaction has drawn an index it has not committed, so every index up to this one
     * is either stored or will never be. The lock is released at once; appends wait only for this read.
     */
    private long settledHorizon() {
        Long last = separately.execute(status -> {
            appendLock.acquire();
            return events.lastGlobalIndex();
        });
        return last == null ? -1 : last;
    }
}
