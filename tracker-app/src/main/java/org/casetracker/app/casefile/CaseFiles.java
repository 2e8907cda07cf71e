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
 * The case files researchers read. The live one comes from the projection; one as of another date or
 * moment is folded from the case's own events by the very same fold.
 */
@Service
@Transactional(readOnly = true)
public class CaseFiles {

    private final CaseFileRows fileRows;
    private final CaseEventStore events;
    private final CaseFileCodec codec;

    public CaseFiles(CaseFileRows fileRows, CaseEventStore events, CaseFileCodec codec) {
        this.fileRows = fileRows;
        this.events = events;
        this.codec = codec;
    }

    /**
     * The case as it stands today, as far as the projection has come. The projection folds everything
     * recorded; should that include a legal date after today (at most tomorrow, in another time zone),
     * the case is folded as of today instead, so a live read always equals the read as of today.
     */
    public Optional<CaseFile> live(String caseId, LocalDate today) {
        return fileRows.findById(caseId).flatMap(row -> asOfToday(codec.read(row.document()), today));
    }

    /** Every case today, in the order they were filed. */
    public List<CaseFile> allLive(LocalDate today) {
        return fileRows.findAllByOrderByFiledOnAscCaseIdAsc().stream()
                .map(row -> asOfToday(codec.read(row.document()), today))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<CaseFile> asOfToday(CaseFile file, LocalDate today) {
        if (file.lastLegalDate() == null || !file.lastLegalDate().isAfter(today)) {
            return Optional.of(file);
        }
        return asOf(file.id().value(), today, null, false);
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

    public List<CaseFile> allAsOf(LocalDate asOf, Instant knownAt) {
        return fileRows.findAllByOrderByFiledOnAscCaseIdAsc().stream()
                .map(row -> asOf(row.caseId(), asOf, knownAt, false))
                .flatMap(Optional::stream)
                .toList();
    }
}
