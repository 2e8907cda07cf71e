package org.casetracker.domain.claims;

import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Reasoned;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;

import java.time.LocalDate;

/** Everything that can happen to a claim (a count). */
public sealed interface ClaimEvent extends DocketEvent {

    ClaimId claimId();

    record ClaimAsserted(ClaimId claimId, CaseId caseId, int count, ClaimType type, String title, String legalBasis,
                         FilingId assertedIn, LocalDate assertedOn, Source source) implements ClaimEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return assertedOn;
        }
    }

    record FindingRecorded(ClaimId claimId, CaseId caseId, Finding finding, FilingId byFiling, LocalDate foundOn,
                           Source source) implements ClaimEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return foundOn;
        }
    }

    record ClaimDisposed(ClaimId claimId, CaseId caseId, ClaimStatus disposition, FilingId byFiling,
                         LocalDate disposedOn, Source source) implements ClaimEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return disposedOn;
        }
    }

    /** Findings and dispositions made by a retracted filing are undone. */
    record ClaimEffectsRetracted(ClaimId claimId, CaseId caseId, FilingId byFiling, LocalDate filingDate,
                                 String reason) implements ClaimEvent, Reasoned {
        @Override
        public LocalDate legalDate() {
            return filingDate;
        }
    }
}
