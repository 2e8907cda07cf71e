package org.casetracker.domain.cases;

import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Reasoned;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;

import java.time.LocalDate;
import java.util.List;

/** Everything that can happen to a case; one fold ({@link CaseState#evolve}) turns them into its state. */
public sealed interface CaseEvent extends DocketEvent {

    record CaseOpened(CaseId caseId, String court, String courtName, String docketNumber, String caption,
                      LocalDate filedOn, String judge, List<Party> parties, Source source) implements CaseEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return filedOn;
        }
    }

    record CaseClosed(CaseId caseId, Disposition disposition, FilingId byFiling, LocalDate closedOn,
                      Source source) implements CaseEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return closedOn;
        }
    }

    record CaseReopened(CaseId caseId, FilingId byFiling, LocalDate reopenedOn, Source source) implements CaseEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return reopenedOn;
        }
    }

    record CaseLinked(CaseId caseId, Relation relation, CaseId otherCaseId, FilingId byFiling, LocalDate linkedOn,
                      Source source) implements CaseEvent, Sourced {
        @Override
        public LocalDate legalDate() {
            return linkedOn;
        }
    }

    /** The effects of a retracted filing on this case are undone; dated like the filing it retracts. */
    record CaseEffectsRetracted(CaseId caseId, FilingId byFiling, LocalDate filingDate, String reason)
            implements CaseEvent, Reasoned {
        @Override
        public LocalDate legalDate() {
            return filingDate;
        }
    }
}
