package org.casetracker.app.bulkreplay;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.util.Arrays;

/**
 * The tokens of a processor's segments during a bulk replay, as its own work packages would keep them: each starts from
 * what the reset stored (a replay token, or none for a processor that had not started) and is advanced over the events
 * in order, so an event carries a replay token exactly when Axon's replay would give it one. Stored with every batch,
 * which also extends this node's claims; every method that touches the store runs in the caller's transaction.
 */
final class SegmentTokens {

    private final String processor;
    private final TokenStore store;
    private final int[] ids;
    private final Segment[] segments;
    private final TrackingToken[] current;

    private SegmentTokens(String processor, TokenStore store, int[] ids, TrackingToken[] current) {
        this.processor = processor;
        this.store = store;
        this.ids = ids;
        this.current = current;
        this.segments = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids.clone()))
                .toArray(Segment[]::new);
    }

    /** Every segment's token; fetching claims it, and the reset has already claimed them all for this node. */
    static SegmentTokens claimed(TokenStore store, String processor) {
        int[] ids = store.fetchSegments(processor);
        TrackingToken[] tokens = Arrays.stream(ids).mapToObj(id -> store.fetchToken(processor, id))
                .toArray(TrackingToken[]::new);
        return new SegmentTokens(processor, store, ids, tokens);
    }

    int count() {
        return ids.length;
    }

    Segment segment(int i) {
        return segments[i];
    }

    /** The token of segment {@code i} advanced to an event of that segment: the token the event is handled with. */
    TrackingToken advance(int i, TrackingToken event) {
        current[i] = advanced(current[i], event);
        return current[i];
    }

    /** Every segment advanced to the last event of a batch, and stored. */
    void store(TrackingToken lastEvent) {
        for (int i = 0; i < ids.length; i++) {
            current[i] = advanced(current[i], lastEvent);
            store.storeToken(current[i], processor, ids[i]);
        }
    }

    void extendClaims() {
        for (int id : ids) {
            store.extendClaim(processor, id);
        }
    }

    /** Every segment at {@code head}, no replay left, and the claims released for the processor to take. */
    void finish(TrackingToken head) {
        for (int id : ids) {
            store.storeToken(head, processor, id);
            store.releaseClaim(processor, id);
        }
    }

    /** The claims released, the tokens as last stored: the processor goes on from there. */
    void release() {
        for (int id : ids) {
            store.releaseClaim(processor, id);
        }
    }

    /** A replay token knows when the replay ends; any other token is simply replaced by the event's. */
    private static TrackingToken advanced(TrackingToken current, TrackingToken event) {
        return current instanceof WrappedToken wrapped ? wrapped.advancedTo(event) : event;
    }
}
