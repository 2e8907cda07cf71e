package org.casetracker.app.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * Recomputes the chain from the event store as it is now, in global order and one page at a time (constant memory),
 * and compares every hash with the link stored for it. The store and the chain are read with plain SQL: what is
 * checked is exactly what is stored.
 */
@Service
public class ChainVerification {

    private final StoredEvents events;
    private final ChainCatchUp chain;
    private final int pageSize;
    private final Duration awaitChain;

    public ChainVerification(StoredEvents events, ChainCatchUp chain,
                             @Value("${tracker.audit.page-size:500}") int pageSize,
                             @Value("${tracker.audit.await-chain:10s}") Duration awaitChain) {
        this.events = events;
        this.chain = chain;
        this.pageSize = pageSize;
        this.awaitChain = awaitChain;
    }

    public VerifyReport verify() {
        chain.awaitChained(awaitChain); // events appended otherwise than by a transaction that links them
        Optional<StoredEvents.Head> head = events.chainHead();
        long headPosition = head.map(StoredEvents.Head::position).orElse(-1L);
        String previous = HashChain.GENESIS;
        long checked = 0;
        Long brokenAt = null;
        for (StoredEvent event : events.inOrder(-1, headPosition, pageSize)) {
            String recomputed = HashChain.next(previous, event.canonicalBytes());
            checked++;
            if (!recomputed.equals(event.chainedHash())) {
                brokenAt = event.globalIndex();
                break;
            }
            previous = recomputed;
        }
        Optional<Long> orphan = events.firstLinkWithoutEvent();
        if (orphan.isPresent() && (brokenAt == null || orphan.get() < brokenAt)) {
            brokenAt = orphan.get(); // an event was deleted
        }
        return new VerifyReport(brokenAt == null, checked, head.map(StoredEvents.Head::hash).orElse(HashChain.GENESIS),
                head.map(StoredEvents.Head::position).orElse(null), brokenAt, events.countEventsAfter(headPosition));
    }
}
