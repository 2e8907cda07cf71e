package org.casetracker.domain.casefile;

import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.filings.FilingChanges;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The record of one case as known at an instant, with the two clocks resolved.
 * <p>
 * First the transaction-time cut: only events recorded at or before {@code knownAt} count. Then
 * corrections and retractions, which fix the record rather than add legal facts, are applied to what
 * they fix: a corrected filing date moves the filing and its effects to the new legal date; a retracted
 * filing and its effects drop out. What remains are the legal events, each with its effective legal
 * date, in legal order (ties in recorded order): the valid-time cut {@code asOf} is taken on those.
 */
public final class ResolvedHistory {

    /** A legal event with the legal date it takes effect on, after corrections. */
    public record Dated(LocalDate on, RecordedEvent recorded) {
    }

    private final List<Dated> legalOrder;
    private final Map<FilingId, List<RecordedEvent>> corrections;
    private final Map<FilingId, RecordedEvent> retractedFilings;
    private final Set<FilingId> undoneEffects;
    private final long lastPosition; // of the last event resolved (legal or fix); -1 when none
    private volatile DocketSlots docketSlots;

    private ResolvedHistory(List<Dated> legalOrder, Map<FilingId, List<RecordedEvent>> corrections,
                            Map<FilingId, RecordedEvent> retractedFilings, Set<FilingId> undoneEffects,
                            long lastPosition, DocketSlots docketSlots) {
        this.legalOrder = legalOrder;
        this.corrections = corrections;
        this.retractedFilings = retractedFilings;
        this.undoneEffects = undoneEffects;
        this.lastPosition = lastPosition;
        this.docketSlots = docketSlots;
    }

    /** Resolves the events of one case (in any order) as known at {@code knownAt}; null means now. */
    public static ResolvedHistory of(List<RecordedEvent> events, Instant knownAt) {
        List<RecordedEvent> known = new ArrayList<>(events.size());
        for (RecordedEvent recorded : events) {
            if (knownAt == null || !recorded.recordedAt().isAfter(knownAt)) {
                known.add(recorded);
            }
        }
        known.sort(Comparator.comparingLong(RecordedEvent::position));
        Map<FilingId, LocalDate> filingDates = new HashMap<>();
        Map<FilingId, List<RecordedEvent>> corrections = new HashMap<>();
        Map<FilingId, RecordedEvent> retracted = new HashMap<>();
        Set<FilingId> undone = new HashSet<>();
        List<RecordedEvent> legal = new ArrayList<>(known.size());
        for (RecordedEvent recorded : known) {
            DocketEvent event = recorded.event();
            if (!fixesTheRecord(event)) {
                if (event instanceof FilingRecorded filing) {
                    filingDates.putIfAbsent(filing.filingId(), filing.dateFiled());
                }
                legal.add(recorded);
            } else if (event instanceof FilingCorrected corrected) {
                corrections.computeIfAbsent(corrected.filingId(), id -> new ArrayList<>()).add(recorded);
                if (corrected.changes().dateFiled() != null) {
                    filingDates.put(corrected.filingId(), corrected.changes().dateFiled());
                }
            } else if (event instanceof FilingRetracted retraction) {
                retracted.put(retraction.filingId(), recorded);
                undone.add(retraction.filingId());
            } else if (event instanceof CaseEffectsRetracted undo) {
                undone.add(undo.byFiling());
            } else if (event instanceof ClaimEffectsRetracted undo) {
                undone.add(undo.byFiling());
            } else if (event instanceof MotionRulingRetracted undo) {
                undone.add(undo.byFiling());
            }
        }
        List<Dated> legalOrder = new ArrayList<>(legal.size());
        for (RecordedEvent recorded : legal) {
            legalOrder.add(new Dated(effectiveDate(recorded.event(), filingDates), recorded));
        }
        // a stable sort: events of one legal date stay in the order they were recorded
        legalOrder.sort(Comparator.comparing(Dated::on));
        long last = known.isEmpty() ? -1 : known.get(known.size() - 1).position();
        return new ResolvedHistory(Collections.unmodifiableList(legalOrder), corrections, retracted, undone, last,
                null);
    }

    /** Corrections, retractions and the undoing of a retracted filing's effects fix the record; the rest is legal. */
    private static boolean fixesTheRecord(DocketEvent event) {
        return event instanceof FilingCorrected || event instanceof FilingRetracted
                || event instanceof CaseEffectsRetracted || event instanceof ClaimEffectsRetracted
                || event instanceof MotionRulingRetracted;
    }

    /**
     * This history with {@code later} events added, when they only extend its legal order: events recorded after all
     * of its own (higher positions, in store order), none of them a fix of the record, no filing the history already
     * knows, each taking effect on or after the last legal event and every filing among them going after the
     * docket's last entry. Then resolving all the events again would give this legal order followed by theirs, with
     * the same fixes: so that is what the extension is, without resolving again, and the fold's checkpoints of this
     * history hold for it ({@link FoldCheckpoints#extendedTo}). Empty otherwise (a correction, a retraction, a
     * back-dated filing): the caller resolves the history afresh.
     * <p>
     * Only for a history resolved as known now (every event recorded so far).
     */
    public Optional<ResolvedHistory> extendedBy(List<RecordedEvent> later) {
        if (later.isEmpty()) {
            return Optional.of(this);
        }
        LocalDate lastOn = legalOrder.isEmpty() ? null : legalOrder.get(legalOrder.size() - 1).on();
        long position = lastPosition;
        Map<FilingId, LocalDate> newFilings = new HashMap<>();
        List<Dated> added = new ArrayList<>(later.size());
        for (RecordedEvent recorded : later) {
            DocketEvent event = recorded.event();
            if (recorded.position() <= position || fixesTheRecord(event)) {
                return Optional.empty();
            }
            position = recorded.position();
            LocalDate on;
            if (event instanceof FilingRecorded filing) {
                if (knows(filing.filingId()) || newFilings.containsKey(filing.filingId())) {
                    return Optional.empty();
                }
                on = filing.dateFiled();
                newFilings.put(filing.filingId(), on);
            } else {
                LocalDate byFiling = Effects.madeBy(event)
                        .map(id -> newFilings.containsKey(id) ? newFilings.get(id) : filingDate(id)).orElse(null);
                on = byFiling != null ? byFiling : event.legalDate();
            }
            if (on == null || lastOn != null && on.isBefore(lastOn)) {
                return Optional.empty();
            }
            lastOn = on;
            added.add(new Dated(on, recorded));
        }
        Optional<DocketSlots> slots = docketSlots().extendedBy(added, legalOrder.size());
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        List<Dated> extended = new ArrayList<>(legalOrder.size() + added.size());
        extended.addAll(legalOrder);
        extended.addAll(added);
        return Optional.of(new ResolvedHistory(Collections.unmodifiableList(extended), corrections, retractedFilings,
                undoneEffects, position, slots.get()));
    }

    /** Whether the history holds the filing, or a fix of it. */
    private boolean knows(FilingId filing) {
        return docketSlots().of(filing) >= 0 || corrections.containsKey(filing)
                || retractedFilings.containsKey(filing) || undoneEffects.contains(filing);
    }

    /**
     * The date a filing of this history takes effect on, as {@link #of} works it out for its effects: its last
     * correction of the date, else the date it was filed on; null when the history holds neither.
     */
    private LocalDate filingDate(FilingId filing) {
        List<RecordedEvent> fixes = corrections.getOrDefault(filing, List.of());
        for (int i = fixes.size() - 1; i >= 0; i--) {
            LocalDate corrected = ((FilingCorrected) fixes.get(i).event()).changes().dateFiled();
            if (corrected != null) {
                return corrected;
            }
        }
        return docketSlots().dateOf(filing);
    }

    /** A filing and its effects take the filing's (corrected) date; everything else its own legal date. */
    private static LocalDate effectiveDate(DocketEvent event, Map<FilingId, LocalDate> filingDates) {
        if (event instanceof FilingRecorded filing) {
            return filingDates.get(filing.filingId());
        }
        return Effects.madeBy(event).map(filingDates::get).orElse(event.legalDate());
    }

    /** The legal events that took effect on or before {@code asOf} (null: all), in legal order. */
    public List<Dated> upTo(LocalDate asOf) {
        return legalOrder.subList(0, countUpTo(asOf));
    }

    /** How many legal events took effect on or before {@code asOf} (null: all): a binary search. */
    public int countUpTo(LocalDate asOf) {
        if (asOf == null) {
            return legalOrder.size();
        }
        int low = 0;
        int high = legalOrder.size();
        while (low < high) { // the first event dated after asOf
            int middle = (low + high) >>> 1;
            if (legalOrder.get(middle).on().isAfter(asOf)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The legal events in legal order (ties in recorded order). */
    List<Dated> legalOrder() {
        return legalOrder;
    }

    /**
     * Each filing's place in the docket order (date filed, entry number, then the order the fold meets them),
     * worked out once per history: the fold then puts entries in place instead of sorting the docket per read.
     */
    DocketSlots docketSlots() {
        DocketSlots slots = docketSlots;
        if (slots == null) {
            slots = DocketSlots.of(legalOrder);
            docketSlots = slots;
        }
        return slots;
    }

    public List<RecordedEvent> correctionsOf(FilingId filing) {
        return corrections.getOrDefault(filing, List.of());
    }

    /** The filing as recorded, with every known correction applied in recorded order. */
    public FilingRecorded asCorrected(FilingRecorded filing) {
        FilingRecorded current = filing;
        for (RecordedEvent recorded : correctionsOf(filing.filingId())) {
            current = corrected(current, ((FilingCorrected) recorded.event()).changes());
        }
        return current;
    }

    private static FilingRecorded corrected(FilingRecorded f, FilingChanges c) {
        return new FilingRecorded(f.filingId(), f.caseId(), f.entryNumber(),
                c.dateFiled() != null ? c.dateFiled() : f.dateFiled(),
                c.dateFiledEstimated() != null ? c.dateFiledEstimated() : f.dateFiledEstimated(),
                c.filedBy() != null ? c.filedBy() : f.filedBy(),
                c.type() != null ? c.type() : f.type(),
                c.title() != null ? c.title() : f.title(),
                c.description() != null ? c.description() : f.description(),
                c.pageCount() != null ? c.pageCount() : f.pageCount(),
                c.claimIds() != null ? c.claimIds() : f.claimIds(),
                c.source() != null ? c.source() : f.source(),
                f.effects());
    }

    public Optional<RecordedEvent> retractionOf(FilingId filing) {
        return Optional.ofNullable(retractedFilings.get(filing));
    }

    /** True when the event is the effect of a filing whose effects were undone by a retraction. */
    public boolean isUndoneEffect(DocketEvent event) {
        return Effects.madeBy(event).map(undoneEffects::contains).orElse(false);
    }
}
