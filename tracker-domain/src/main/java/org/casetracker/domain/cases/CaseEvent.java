package org.casetracker.domain.cases;

import org.axonframework.serialization.Revision;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Lists;
import org.casetracker.domain.shared.Reasoned;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;

import java.time.LocalDate;
import java.util.List;

/** Everything that can happen to a case; one fold ({@link CaseState#evolve}) turns them into its state. */
public sealed interface CaseEvent extends DocketEvent {

    /**
     * Revision 2: the judges of a case are a list (a case may be reassigned, or heard by several). Revision 1 (no
     * revision in the store) held one {@code judge}; tracker-app's upcaster turns it into a list of one.
     */
    @Revision("2")
    record CaseOpened(CaseId caseId, String court, String courtName, String docketNumber, String caption,
                      LocalDate filedOn, List<Party> parties, Source source, List<String> judges)
            implements CaseEvent, Sourced {

        public CaseOpened {
            judges = Lists.copyOrEmpty(judges);
        }

        /** A case with one judge, or none ({@code judge} null), as a case is opened. */
        public CaseOpened(CaseId caseId, String court, String courtName, String docketNumber, String caption,
                          LocalDate filedOn, String judge, List<Party> parties, Source source) {
            this(caseId, court, courtName, docketNumber, caption, filedOn, parties, source,
                    judge == null ? List.of() : List.of(judge));
        }

        /** The judges as one line ("A, B"); null when none is known. */
        public String judge() {
            return judges.isEmpty() ? null : String.join(", ", judges);
        }

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
