package org.casetracker.app.audit;

/**
 * The answer of {@code GET /api/audit/verify}.
 *
 * @param valid         every event up to the chain's head hashes to the link stored for it, and no link lacks its event
 * @param eventsChecked events recomputed and compared, up to and including the first broken one
 * @param headHash      the last link of the chain as stored ({@link HashChain#GENESIS} when the chain is empty)
 * @param headPosition  the global index of that link; null when the chain is empty
 * @param firstBrokenAt the global index of the first event whose recomputed hash differs from its link (or that has
 *                      no link, or whose link has lost its event); null when valid
 * @param eventsPending events recorded after the head, not chained yet (the chain runs a moment behind the store)
 */
public record VerifyReport(boolean valid, long eventsChecked, String headHash, Long headPosition, Long firstBrokenAt,
                           long eventsPending) {
}
