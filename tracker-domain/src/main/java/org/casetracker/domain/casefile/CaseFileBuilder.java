package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.CaseFile.ClaimView;
import org.casetracker.domain.casefile.CaseFile.Correction;
import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.casefile.CaseFile.FindingView;
import org.casetracker.domain.casefile.CaseFile.RelatedCase;
import org.casetracker.domain.casefile.CaseFile.StatusChange;
import org.casetracker.domain.casefile.ResolvedHistory.Dated;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accumulator of {@link CaseFileFold}: events are applied in legal order. It is mutable for speed
 * (a docket of 10,000 entries is not copied per event) and never escapes the fold, except as a frozen
 * copy: a checkpoint ({@link FoldCheckpoints}) from which later folds of the same history go on.
 * <p>
 * The docket is an array in docket order ({@link DocketSlots}): each filing has its slot before the fold
 * starts, so the docket is never sorted, and copying the filled part of the array copies the docket.
 */
final class CaseFileBuilder {

    private final ResolvedHistory history;
    private final DocketSlots slots;
    private final boolean includeRetracted;
    private CaseOpened opened;
    private StatusChange lastStatusChange;
    private final List<RelatedCase> related;
    private final Map<ClaimId, ClaimView> claims;
    private final DocketEntry[] docket;
    private int docketEnd; // one past the highest slot filled
    private int docketEntries;
    private long lastPosition = -1;
    private LocalDate lastLegalDate;

    CaseFileBuilder(ResolvedHistory history, boolean includeRetracted) {
        this.history = history;
        this.slots = history.docketSlots();
        this.includeRetracted = includeRetracted;
        this.related = new ArrayList<>();
        this.claims = new LinkedHashMap<>();
        this.docket = new DocketEntry[slots.size()];
    }

    /**
     * A copy of {@code from} for folding {@code history} (its own, or a history that extends it: the same slots for
     * the same filings, ADR 0022), its docket array cut to {@code docketLength} (a checkpoint keeps only what is
     * filled).
     */
    private CaseFileBuilder(CaseFileBuilder from, ResolvedHistory history, int docketLength) {
        this.history = history;
        this.slots = history.docketSlots();
        this.includeRetracted = from.includeRetracted;
        this.opened = from.opened;
        this.lastStatusChange = from.lastStatusChange;
        this.related = new ArrayList<>(from.related);
        this.claims = new LinkedHashMap<>(from.claims);
        this.docket = Arrays.copyOf(from.docket, docketLength);
        this.docketEnd = from.docketEnd;
        this.docketEntries = from.docketEntries;
        this.lastPosition = from.lastPosition;
        this.lastLegalDate = from.lastLegalDate;
    }

    /** A frozen copy of this state, holding only the filled part of the docket. */
    CaseFileBuilder checkpoint() {
        return new CaseFileBuilder(this, history, docketEnd);
    }

    /**
     * A state to fold {@code history} on from (this checkpoint's own history or one that extends it), copied from this
     * checkpoint (which stays as it is), with room for what a fold of its first {@code events} legal events files: no
     * more is copied or allocated than the read needs.
     */
    CaseFileBuilder resume(ResolvedHistory history, int events) {
        return new CaseFileBuilder(this, history, history.docketSlots().filledAfter(events));
    }

    /** References held by this state's collections: what a checkpoint of it costs, besides its object headers. */
    long references() {
        return docket.length + related.size() + 2L * claims.size();
    }

    void evolve(Dated dated) {
        DocketEvent event = dated.recorded().event();
        lastPosition = Math.max(lastPosition, dated.recorded().position());
        lastLegalDate = dated.on(); // events come in legal order
        if (history.isUndoneEffect(event)) {
            return;
        }
        if (event instanceof CaseOpened caseOpened) {
            opened = caseOpened;
        } else if (event instanceof CaseClosed closed) {
            lastStatusChange = new StatusChange(CaseStatus.CLOSED, closed.disposition(), dated.on(),
                    closed.byFiling(), closed.source());
        } else if (event instanceof CaseReopened reopened) {
            lastStatusChange = new StatusChange(CaseStatus.OPEN, null, dated.on(), reopened.byFiling(),
                    reopened.source());
        } else if (event instanceof CaseLinked linked) {
            related.add(new RelatedCase(linked.relation(), linked.otherCaseId(), dated.on(), linked.byFiling(),
                    linked.source()));
        } else if (event instanceof ClaimAsserted asserted) {
            claims.put(asserted.claimId(), new ClaimView(asserted.claimId(), asserted.count(), asserted.type(),
                    asserted.title(), asserted.legalBasis(), asserted.assertedIn(), asserted.assertedOn(),
                    ClaimStatus.PENDING, null, null, List.of(), asserted.source()));
        } else if (event instanceof FindingRecorded found) {
            claims.computeIfPresent(found.claimId(), (id, claim) -> withFinding(claim,
                    new FindingView(found.finding(), dated.on(), found.byFiling(), found.source())));
        } else if (event instanceof ClaimDisposed disposed) {
            claims.computeIfPresent(disposed.claimId(), (id, c) -> new ClaimView(c.id(), c.count(), c.type(),
                    c.title(), c.legalBasis(), c.assertedIn(), c.assertedOn(), disposed.disposition(), dated.on(),
                    disposed.byFiling(), c.findings(), c.source()));
        } else if (event instanceof FilingRecorded filing) {
            recordFiling(filing, dated.on());
        } else if (event instanceof MotionDecided decided) {
            int slot = slots.of(decided.filingId());
            DocketEntry e = slot < 0 || slot >= docket.length ? null : docket[slot]; // not filed (yet)
            if (e != null) { // only a motion already on the docket is decided
                docket[slot] = new DocketEntry(e.id(), e.entryNumber(), e.dateFiled(), e.dateFiledEstimated(),
                        e.filedBy(), e.type(), e.title(), e.description(), e.pageCount(), e.claimIds(), e.source(),
                        decided.outcome(), dated.on(), decided.byFiling(), e.effects(), e.corrections(),
                        e.retracted(), e.retractionReason());
            }
        }
    }

    private static ClaimView withFinding(ClaimView c, FindingView finding) {
        List<FindingView> findings = new ArrayList<>(c.findings());
        findings.add(finding);
        return new ClaimView(c.id(), c.count(), c.type(), c.title(), c.legalBasis(), c.assertedIn(), c.assertedOn(),
                c.status(), c.disposedOn(), c.disposedBy(), List.copyOf(findings), c.source());
    }

    /** The entry as recorded, with every known correction applied, marked if retracted. */
    private void recordFiling(FilingRecorded filing, LocalDate effectiveDate) {
        Optional<RecordedEvent> retraction = history.retractionOf(filing.filingId());
        if (retraction.isPresent() && !includeRetracted) {
            return;
        }
        FilingRecorded current = history.asCorrected(filing);
        List<Correction> corrections = new ArrayList<>();
        for (RecordedEvent recorded : history.correctionsOf(filing.filingId())) {
            FilingCorrected corrected = (FilingCorrected) recorded.event();
            corrections.add(new Correction(recorded.recordedAt(), corrected.reason(), recorded.eventId()));
        }
        MotionStatus status = current.type() == FilingType.MOTION ? MotionStatus.PENDING : null;
        String retractionReason = retraction.map(r -> ((FilingRetracted) r.event()).reason()).orElse(null);
        int slot = slots.of(filing.filingId());
        if (docket[slot] == null) {
            docketEntries++;
        }
        docket[slot] = new DocketEntry(current.filingId(), current.entryNumber(), effectiveDate,
                current.dateFiledEstimated(), current.filedBy(), current.type(), current.title(),
                current.description(), current.pageCount(), current.claimIds(), current.source(), status, null, null,
                current.effects(), List.copyOf(corrections), retraction.isPresent(), retractionReason);
        docketEnd = Math.max(docketEnd, slot + 1);
    }

    Optional<CaseFile> build(LocalDate asOf, Instant knownAt) {
        if (opened == null) {
            return Optional.empty();
        }
        CaseStatus status = lastStatusChange == null ? CaseStatus.OPEN : lastStatusChange.status();
        List<ClaimView> claimList = claims.values().stream()
                .sorted(Comparator.comparingInt(ClaimView::count)).toList();
        return Optional.of(new CaseFile(opened.caseId(), opened.court(), opened.courtName(), opened.docketNumber(),
                opened.caption(), opened.filedOn(), opened.judge(), opened.parties(), opened.source(), status,
                lastStatusChange == null ? null : lastStatusChange.disposition(), lastStatusChange,
                List.copyOf(related), claimList, docketInOrder(), asOf, knownAt, lastPosition, lastLegalDate));
    }

    /**
     * The filled slots in order: one pass over the array, no sort. When every slot is filled the array itself is
     * the answer (a builder is built once, at the end of its fold, and not changed after).
     */
    private List<DocketEntry> docketInOrder() {
        if (docketEntries == docket.length) {
            return Collections.unmodifiableList(Arrays.asList(docket));
        }
        DocketEntry[] entries = new DocketEntry[docketEntries];
        int next = 0;
        for (int slot = 0; slot < docketEnd; slot++) {
            if (docket[slot] != null) {
                entries[next++] = docket[slot];
            }
        }
        return Collections.unmodifiableList(Arrays.asList(entries));
    }
}
