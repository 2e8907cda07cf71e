package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.ResolvedHistory.Dated;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The place of every filing of a resolved history in the docket's order: by date filed (the date the fold
 * files it on), then entry number (unnumbered last), then the order in which the fold meets the filings.
 * That is the order a stable sort of the docket by date and entry number gives, fixed before the fold runs,
 * so the fold can keep its docket as an array in docket order: no sort per read, and a copy of the array is
 * a checkpoint of the docket.
 */
final class DocketSlots {

    private record Filing(FilingId id, LocalDate on, Integer entryNumber, int firstMet) {
    }

    private static final Comparator<Filing> DOCKET_ORDER = Comparator.comparing(Filing::on)
            .thenComparing(Filing::entryNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Filing::firstMet);

    private final Map<FilingId, Integer> slots;
    private final int[] filledAfter; // [i]: one past the highest slot the first i legal events can fill

    private DocketSlots(Map<FilingId, Integer> slots, int[] filledAfter) {
        this.slots = slots;
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
        Map<FilingId, Integer> slots = new HashMap<>(ordered.size() * 2);
        for (int slot = 0; slot < ordered.size(); slot++) {
            slots.put(ordered.get(slot).id(), slot);
        }
        int[] filledAfter = new int[legalOrder.size() + 1];
        for (int i = 0; i < legalOrder.size(); i++) {
            int slot = legalOrder.get(i).recorded().event() instanceof FilingRecorded filing
                    ? slots.get(filing.filingId()) : -1;
            filledAfter[i + 1] = Math.max(filledAfter[i], slot + 1);
        }
        return new DocketSlots(slots, filledAfter);
    }

    /** How much of the docket array a fold of the first {@code events} legal events can fill. */
    int filledAfter(int events) {
        return filledAfter[events];
    }

    /** The filing's slot; -1 when the history holds no such filing. */
    int of(FilingId filing) {
        Integer slot = slots.get(filing);
        return slot == null ? -1 : slot;
    }

    int size() {
        return slots.size();
    }
}
