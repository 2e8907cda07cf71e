package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.ResolvedHistory.Dated;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The place of every filing of a resolved history in the docket's order: by date filed (the date the fold
 * files it on), then entry number (unnumbered last), then the order in which the fold meets the filings.
 * That is the order a stable sort of the docket by date and entry number gives, fixed before the fold runs,
 * so the fold can keep its docket as an array in docket order: no sort per read, and a copy of the array is
 * a checkpoint of the docket.
 * <p>
 * Immutable. A history extended by later filings ({@link #extendedBy}) shares this one's places: the many filings of
 * a long docket stay in one map that is never copied per extension, the few recent ones in a small map beside it,
 * merged into a new large one only every {@value #RECENT_AT_MOST} filings.
 */
final class DocketSlots {

    private record Filing(FilingId id, LocalDate on, Integer entryNumber, int firstMet) {
    }

    /** A filing's slot, and the date it is filed on (its effective date, as its effects take it). */
    private record Place(int slot, LocalDate on) {
    }

    private static final Comparator<Filing> DOCKET_ORDER = Comparator.comparing(Filing::on)
            .thenComparing(Filing::entryNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Filing::firstMet);

    /** How many filings the small map holds before both are merged: what an extension copies at most. */
    static final int RECENT_AT_MOST = 128;

    private final Map<FilingId, Place> places; // never changed once built; shared by extensions
    private final Map<FilingId, Place> recent; // the filings added since, copied per extension
    private final int size;
    private final Filing last; // the filing in the last slot; null when there is none
    private final int[] filledAfter; // [i]: one past the highest slot the first i legal events can fill

    private DocketSlots(Map<FilingId, Place> places, Map<FilingId, Place> recent, int size, Filing last,
                        int[] filledAfter) {
        this.places = places;
        this.recent = recent;
        this.size = size;
        this.last = last;
        this.filledAfter = filledAfter;
    }

    static DocketSlots of(List<Dated> legalOrder) {
        Map<FilingId, Filing> filings = new HashMap<>();
        for (int i = 0; i < legalOrder.size(); i++) {
            Dated dated = legalOrder.get(i);
            if (dated.recorded().event() instanceof FilingRecorded filing) {
                // a filing recorded twice keeps its first place and takes its last entry number, as a map would
                filings.merge(filing.filingId(), new Filing(filing.filingId(), dated.on(), filing.entryNumber(), i),
                        (first, last) -> new Filing(first.id(), last.on(), last.entryNumber(), first.firstMet()));
            }
        }
        List<Filing> ordered = new ArrayList<>(filings.values());
        ordered.sort(DOCKET_ORDER);
        Map<FilingId, Place> places = new HashMap<>(ordered.size() * 2);
        for (int slot = 0; slot < ordered.size(); slot++) {
            places.put(ordered.get(slot).id(), new Place(slot, ordered.get(slot).on()));
        }
        int[] filledAfter = new int[legalOrder.size() + 1];
        for (int i = 0; i < legalOrder.size(); i++) {
            int slot = legalOrder.get(i).recorded().event() instanceof FilingRecorded filing
                    ? places.get(filing.filingId()).slot() : -1;
            filledAfter[i + 1] = Math.max(filledAfter[i], slot + 1);
        }
        Filing last = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
        return new DocketSlots(places, Map.of(), ordered.size(), last, filledAfter);
    }

    /**
     * The places once {@code added} (legal events that follow the first {@code before} ones) are folded too, if
     * every filing among them goes after the docket's last entry in docket order; empty otherwise (a filing that
     * goes before one already placed moves the slots after it: the caller places the docket afresh). The filings
     * must be new to the history ({@link ResolvedHistory#extendedBy} checks it).
     */
    Optional<DocketSlots> extendedBy(List<Dated> added, int before) {
        Map<FilingId, Place> grown = null;
        Filing previous = last;
        int slots = size;
        int[] filled = Arrays.copyOf(filledAfter, before + added.size() + 1);
        for (int i = 0; i < added.size(); i++) {
            Dated dated = added.get(i);
            int slot = -1;
            if (dated.recorded().event() instanceof FilingRecorded filing) {
                Filing next = new Filing(filing.filingId(), dated.on(), filing.entryNumber(), before + i);
                if (previous != null && DOCKET_ORDER.compare(next, previous) < 0) {
                    return Optional.empty();
                }
                if (grown == null) {
                    grown = new HashMap<>(recent);
                }
                slot = slots++;
                grown.put(filing.filingId(), new Place(slot, dated.on()));
                previous = next;
            }
            filled[before + i + 1] = Math.max(filled[before + i], slot + 1);
        }
        if (grown == null) {
            return Optional.of(new DocketSlots(places, recent, slots, previous, filled));
        }
        if (grown.size() <= RECENT_AT_MOST) {
            return Optional.of(new DocketSlots(places, grown, slots, previous, filled));
        }
        Map<FilingId, Place> merged = new HashMap<>(places);
        merged.putAll(grown);
        return Optional.of(new DocketSlots(merged, Map.of(), slots, previous, filled));
    }

    /** How much of the docket array a fold of the first {@code events} legal events can fill. */
    int filledAfter(int events) {
        return filledAfter[events];
    }

    /** The filing's slot; -1 when the history holds no such filing. */
    int of(FilingId filing) {
        Place place = placeOf(filing);
        return place == null ? -1 : place.slot();
    }

    /** The date the filing is filed on in this history (its corrected date); null when it holds no such filing. */
    LocalDate dateOf(FilingId filing) {
        Place place = placeOf(filing);
        return place == null ? null : place.on();
    }

    private Place placeOf(FilingId filing) {
        Place place = recent.get(filing);
        return place != null ? place : places.get(filing);
    }

    int size() {
        return size;
    }
}
