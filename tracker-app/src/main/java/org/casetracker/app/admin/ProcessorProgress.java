package org.casetracker.app.admin;

/**
 * One event processor as {@code GET /api/admin/projections} shows it.
 *
 * @param name            the processing group, e.g. {@code case-files} or {@code audit-chain}
 * @param running         the processor is started
 * @param replaying       it is replaying the store after a reset (a rebuild)
 * @param rebuildable     a rebuild resets it; false for the hash chain, which is never rebuilt
 * @param position        the global index it has processed up to; null until it has claimed its segment
 * @param eventsDone      events in the store up to that position
 * @param eventsTotal     events in the store
 * @param eventsPerSecond during or after a rebuild, events replayed per second since it started; else null
 * @param etaSeconds      while replaying, the seconds left at that rate; 0 once caught up; null when unknown
 */
public record ProcessorProgress(String name, boolean running, boolean replaying, boolean rebuildable, Long position,
                                long eventsDone, long eventsTotal, Double eventsPerSecond, Double etaSeconds) {
}
