package org.casetracker.app.casefile;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casetracker.app.metadata.MetadataKeys;
import org.casetracker.domain.casefile.EventSummaries;
import org.casetracker.domain.casefile.FoldCheckpoints;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.Source;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps, per case, the index of its events (which is also its history) and the case's row: its status in force and
 * what the case list shows, from the same fold the as-of reads use ({@link FoldCheckpoints}), over every event
 * recorded so far. The fold goes on from the case's checkpoints when the batch's events only extend the case's legal
 * order, so a batch costs what it holds, not what the case holds (ADR 0022). Idempotent: an event seen again (a
 * replay) finds its own index row, keyed by its position, rewrites it only if it differs, and adds none.
 */
@Component
@ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
public class CaseFileProjection {

    public static final String PROCESSING_GROUP = "case-files";
    private static final String BATCH = CaseFileProjection.class.getName() + ".batch";

    private final CaseEventIndex index;
    private final CaseFileSummaries summaries;
    private final CaseEventStore events;
    private final CaseFoldLocks foldLocks;

    CaseFileProjection(CaseEventIndex index, CaseFileSummaries summaries, CaseEventStore events,
                       CaseFoldLocks foldLocks) {
        this.index = index;
        this.summaries = summaries;
        this.events = events;
        this.foldLocks = foldLocks;
    }

    @EventHandler
    void on(DocketEvent event, DomainEventMessage<?> message, ReplayStatus replay, TrackingToken token) {
        long replayedUpTo = replayedUpTo(replay, token);
        Batch batch = batch();
        // Written unless the row exists and says the same (CaseEventIndex): a replay repairs rows in place and never
        // adds one, so a rebuild needs no emptied tables (see reset).
        List<String> cases = casesOf(event).stream().map(CaseId::value).toList();
        batch.handled.add(new Handled(entry(token, cases, event, message), event));
        cases.forEach(caseId -> batch.touched.merge(caseId, replayedUpTo, Math::max));
    }

    /** Its own case, and for a correction the other cases its filing's effects changed (re-dated with it). */
    private static List<CaseId> casesOf(DocketEvent event) {
        if (event instanceof FilingCorrected corrected && !corrected.otherCases().isEmpty()) {
            List<CaseId> cases = new ArrayList<>(List.of(event.caseId()));
            cases.addAll(corrected.otherCases());
            return cases;
        }
        return List.of(event.caseId());
    }

    /** The token's index: the event's position unless the event filled a gap, which {@link CaseEventIndex} checks. */
    private static CaseEventIndex.Entry entry(TrackingToken token, List<String> cases, DocketEvent event,
                                              DomainEventMessage<?> message) {
        long tokenPosition = token == null ? -1 : token.position().orElse(-1);
        Source source = EventSummaries.source(event).orElse(null);
        return new CaseEventIndex.Entry(tokenPosition, message.getIdentifier(), cases,
                message.getAggregateIdentifier(), message.getSequenceNumber(), event.getClass().getSimpleName(),
                event.legalDate(), message.getTimestamp(), EventSummaries.summary(event),
                EventSummaries.reason(event).orElse(null),
                source == null ? null : source.citation(),
                source == null ? null : source.verification().name(),
                metadata(message, MetadataKeys.USER), metadata(message, MetadataKeys.CORRELATION_ID));
    }

    /** In a replay, the position it has reached; outside one, {@link Long#MAX_VALUE}: the case is always folded. */
    private static long replayedUpTo(ReplayStatus replay, TrackingToken token) {
        return replay.isReplay() && token != null ? token.position().orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
    }

    /** An event of the batch: its index entry, and the payload it came with, handed to the fold. */
    private record Handled(CaseEventIndex.Entry entry, DocketEvent event) {
    }

    /**
     * What a batch has handled so far: its events, and the cases they touched with the replay's position; once it
     * prepares to commit, the folds of its cases, which the cache takes after the commit.
     */
    private static final class Batch {
        final List<Handled> handled = new ArrayList<>();
        final Map<String, Long> touched = new TreeMap<>();
        final List<CaseEventStore.Pending> folded = new ArrayList<>();

        List<CaseEventIndex.Entry> entries() {
            return handled.stream().map(Handled::entry).toList();
        }

        /** The batch's events of each case, at their verified positions, in store order. */
        Map<String, List<RecordedEvent>> byCase(Map<String, Long> positions) {
            Map<String, List<RecordedEvent>> byCase = new HashMap<>();
            for (Handled handled : handled) {
                CaseEventIndex.Entry entry = handled.entry();
                RecordedEvent recorded = new RecordedEvent(handled.event(), positions.get(entry.eventId()),
                        entry.recordedAt(), entry.eventId());
                entry.caseIds().forEach(caseId -> byCase.computeIfAbsent(caseId, c -> new ArrayList<>()).add(recorded));
            }
            byCase.values().forEach(events -> events.sort(Comparator.comparingLong(RecordedEvent::position)));
            return byCase;
        }
    }

    /**
     * A batch writes its index rows and folds each case it touched once, when it commits, not once per event: rows
     * first (in JDBC batches), then the folds under the cases' fold locks, cases in sorted order (see
     * {@link CaseFoldLocks}). The events it handled go to the folds as they are: they are not read back.
     */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> {
                CaseEventIndex.Written written = index.write(batch.entries());
                Map<String, List<RecordedEvent>> byCase = batch.byCase(written.positions());
                batch.touched.forEach((caseId, replayedUpTo) -> refreshUnlessReplayedLater(caseId, replayedUpTo,
                        byCase.getOrDefault(caseId, List.of()), written.insertedFor(caseId), batch.folded));
            });
            // the cache takes the batch's view of its cases only once it is committed (a rollback leaves it as it was)
            unitOfWork.afterCommit(committed -> batch.folded.forEach(CaseEventStore.Pending::keep));
            return batch;
        });
    }

    /**
     * In a replay the case's index already holds its later events (a rebuild rewrites the rows in place, deleting
     * none), and the batch that replays the last of them folds the case with all of them. Folding it in every batch
     * before that one as well was wasted: a case of 10,000 events was folded 100 times in a rebuild, now once.
     */
    private void refreshUnlessReplayedLater(String caseId, long replayedUpTo, List<RecordedEvent> handed,
                                            int inserted, List<CaseEventStore.Pending> folded) {
        boolean replay = replayedUpTo != Long.MAX_VALUE;
        if (replay && events.lastIndexedPosition(caseId) > replayedUpTo) {
            return;
        }
        foldLocks.lock(caseId);
        // a replay counts the case's rows (it may have repaired some in batches that did not fold the case)
        CaseEventStore.Pending pending = events.withBatch(caseId, handed, inserted, replay);
        // effects on a case recorded before its opening cannot happen; until it is opened there is nothing to show
        pending.foldKnownNow().flatMap(fold -> fold.fold(null, null))
                .ifPresent(file -> summaries.write(file, pending.shape()));
        folded.add(pending);
    }

    /**
     * Whether the index reads its rows and writes only those that differ (on, the default; ADR 0020) or writes every
     * row as before; the benchmark measures both in one run.
     */
    public void compareIndexRowsBeforeWriting(boolean on) {
        index.compareBeforeWriting(on);
    }

    private static String metadata(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    /**
     * A rebuild (POST /api/admin/projections/rebuild) deletes nothing: the replay repairs in place the history rows
     * that differ and writes each case file once, so reads keep answering from the previous rows until the replay has
     * passed them.
     */
    @ResetHandler
    void reset() {
        // nothing to empty: see on(...)
    }
}
