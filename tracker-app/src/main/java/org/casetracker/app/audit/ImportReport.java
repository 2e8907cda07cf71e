package org.casetracker.app.audit;

/**
 * The answer of {@code POST /api/import}.
 *
 * @param eventsImported events appended to the store
 * @param headPosition   the global index of the last one
 * @param headHash       the head of the chain the export states (and verified); the tracker's chain reaches the same
 * @param caughtUp       the projections and the chain had processed every imported event when the answer was sent
 */
public record ImportReport(long eventsImported, Long headPosition, String headHash, boolean caughtUp) {
}
