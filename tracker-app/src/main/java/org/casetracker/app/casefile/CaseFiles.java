package org.casetracker.app.casefile;

import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.casefile.CaseFileFold;
import org.casetracker.domain.casefile.RecordedEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The case files researchers read. Every one is folded from the case's own events by the one fold, gone on from its
 * checkpoints (ADR 0017): the live one is the read as of today known now (ADR 0022), for a case the live projection
 * has a row for. The case list reads the projection's rows, which hold each case's status in force.
 */
@Service
@Transactional(readOnly = true)
public class CaseFiles {

    private final CaseFileRows fileRows;
    private final CaseEventStore events;

    public CaseFiles(CaseFileRows fileRows, CaseEventStore events) {
        this.fileRows = fileRows;
        this.events = events;
    }

    /**
     * The case as it stands today, as far as the projection has come: the read as of today known now, which folds
     * the events the projection has indexed. Should they include a legal date after today (at most tomorrow, in
     * another time zone), it is left out, so a live read always equals the read as of today.
     */
    public Optional<CaseFile> live(String caseId, LocalDate today) {
        return fileRows.existsById(caseId) ? asOf(caseId, today, null, false) : Optional.empty();
    }

    /**
     * Every case today, in the order they were filed, from the projection's rows; a case holding a legal date after
     * today is folded as of today instead (see {@link CaseFileRow#listedOn}).
     */
    public List<ListedCase> allLive(LocalDate today) {
        return fileRows.findAllByOrderByFiledOnAscCaseIdAsc().stream()
                .map(row -> row.listedOn(today)
                        .or(() -> asOf(row.caseId(), today, null, false).map(ListedCase::of)))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The case on {@code asOf} as known at {@code knownAt}: a fold of exactly that case's events, gone on from the
     * nearest checkpoint of the same fold at or before {@code asOf} (ADR 0017).
     */
    public Optional<CaseFile> asOf(String caseId, LocalDate asOf, Instant knownAt, boolean includeRetracted) {
        return events.foldOf(caseId, knownAt, includeRetracted).flatMap(fold -> fold.fold(asOf, knownAt));
    }

    /** The same read folded from the first event, without checkpoints: what the benchmark compares against. */
    public Optional<CaseFile> asOfFromScratch(String caseId, LocalDate asOf, Instant knownAt,
                                              boolean includeRetracted) {
        return events.historyOf(caseId, knownAt)
                .flatMap(history -> CaseFileFold.fold(history, asOf, knownAt, includeRetracted));
    }

    /** Every event of the case, for the timeline and change reads; empty when there is no such case. */
    public List<RecordedEvent> eventsOf(String caseId) {
        return events.eventsOf(caseId);
    }

    public List<ListedCase> allAsOf(LocalDate asOf, Instant knownAt) {
        return fileRows.findAllByOrderByFiledOnAscCaseIdAsc().stream()
                .map(row -> asOf(row.caseId(), asOf, knownAt, false).map(ListedCase::of))
                .flatMap(Optional::stream)
                .toList();
    }
}
