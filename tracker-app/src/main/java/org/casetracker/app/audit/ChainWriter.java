package org.casetracker.app.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends links to the hash chain, in global order, from the events as stored. It never rewrites a link: it starts
 * after the last one. It extends the chain only up to the highest index that can no longer be preceded by an event
 * still to commit, so it cannot skip an event that fills a gap later: it holds the {@link AppendLock}, so no appending
 * transaction can be between drawing an index and committing.
 * <p>
 * Every transaction that appends extends the chain over its own events before it commits
 * ({@link #extendHoldingTheAppendLock}, ADR 0026): it holds the append lock anyway, and events and their links commit
 * together. The {@link AuditChainProjection} only catches up with what was appended otherwise ({@link #catchUp}).
 */
@Component
public class ChainWriter {

    private static final String INSERT = "insert into audit_chain (global_index, event_identifier, hash) values (?, ?, ?)";

    private final StoredEvents events;
    private final JdbcTemplate jdbc;
    private final AppendLock appendLock;
    private final int pageSize;

    public ChainWriter(StoredEvents events, JdbcTemplate jdbc, AppendLock appendLock,
                       @Value("${tracker.audit.page-size:500}") int pageSize) {
        this.events = events;
        this.jdbc = jdbc;
        this.appendLock = appendLock;
        this.pageSize = pageSize;
    }

    /**
     * In a transaction that holds the append lock (it appended events, or is about to): extends the chain up to the
     * last event this transaction sees, its own uncommitted ones included. No other appending transaction can be
     * between drawing an index and committing meanwhile, so every index up to that one is settled.
     *
     * @return the number of links added
     */
    public int extendHoldingTheAppendLock() {
        StoredEvents.Head head = events.chainHead().orElse(new StoredEvents.Head(-1, HashChain.GENESIS));
        return extend(head, events.lastGlobalIndex());
    }

    /**
     * In the caller's transaction: extends the chain over events stored without a link, if any (a store of a version
     * before ADR 0026, or events appended without a transaction); the append lock is then taken for the rest of the
     * transaction, so that no appending transaction extends the chain at the same time.
     *
     * @return the number of links added
     */
    public int catchUp() {
        long chained = events.chainHead().map(StoredEvents.Head::position).orElse(-1L);
        if (events.lastGlobalIndex() <= chained) {
            return 0; // every committed event has its link: the appending transactions wrote them
        }
        appendLock.acquire();
        return extendHoldingTheAppendLock();
    }

    private int extend(StoredEvents.Head head, long settled) {
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
}
