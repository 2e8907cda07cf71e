package org.casetracker.domain.filings;

import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Reasoned;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;

import java.time.LocalDate;
import java.util.List;

/** Everything that can happen to a docket entry. */
public sealed interface FilingEvent extends DocketEvent {

    FilingId filingId();

    record FilingRecorded(FilingId filingId, CaseId caseId, Integer entryNumber, LocalDate dateFiled,
                          boolean dateFiledEstimated, String filedBy, FilingType type, String title,
                          String description, Integer pageCount, List<ClaimId> claimIds, Source source,
                          FilingEffects effects) implements FilingEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return dateFiled;
        }
    }

    record MotionDecided(FilingId filingId, CaseId caseId, MotionStatus outcome, FilingId byFiling,
                         LocalDate decidedOn, Source source) implements FilingEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return decidedOn;
        }
    }

    /**
     * A correction of the record, not a new legal fact: it changes what the filing says for every legal
     * date, from the moment it was recorded. Dated with the filing's date after the correction.
     * {@code otherCases} are the cases (besides its own) on which the filing had effects: a corrected date
     * moves those effects too, so the correction belongs to their records as well.
     */
    record FilingCorrected(FilingId filingId, CaseId caseId, FilingChanges changes, String reason,
                           LocalDate dateFiledAfter, List<CaseId> otherCases)
            implements FilingEvent, Sourced, Reasoned {

        public FilingCorrected {
            otherCases = otherCases == null ? List.of() : List.copyOf(otherCases); // absent before it existed
        }

        public FilingCorrected(FilingId filingId, CaseId caseId, FilingChanges changes, String reason,
                               LocalDate dateFiledAfter) {
            this(filingId, caseId, changes, reason, dateFiledAfter, List.of());
        }

        @Override
        public LocalDate legalDate() {
            return dateFiledAfter;
        }

        /** Where the corrected values come from; null when the correction keeps the filing's source. */
        @Override
        public Source source() {
            return changes.source();
        }
    }

    /** The entry was recorded in error: it leaves the docket, and its effects are undone. */
    record FilingRetracted(FilingId filingId, CaseId caseId, LocalDate dateFiled, String reason,
                           FilingEffects effects) implements FilingEvent, Reasoned {
        @Override
        public LocalDate legalDate() {
            return dateFiled;
        }
    }

    record MotionRulingRetracted(FilingId filingId, CaseId caseId, FilingId byFiling, LocalDate filingDate,
                                 String reason) implements FilingEvent, Reasoned {
        @Override
        public LocalDate legalDate() {
            return filingDate;
        }
    }
}
