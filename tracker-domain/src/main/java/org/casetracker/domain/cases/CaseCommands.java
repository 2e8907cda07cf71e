package org.casetracker.domain.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/** The commands a Case handles. Effects of a filing name the filing ({@code byFiling}) and its case. */
public final class CaseCommands {

    private CaseCommands() {
    }

    public record OpenCase(@TargetAggregateIdentifier CaseId caseId, String court, String courtName,
                           String docketNumber, String caption, LocalDate filedOn, String judge,
                           List<Party> parties, Source source) {
    }

    public record CloseCase(@TargetAggregateIdentifier CaseId caseId, Disposition disposition,
                            FilingId byFiling, CaseId byFilingCase, LocalDate closedOn, Source source) {
    }

    public record ReopenCase(@TargetAggregateIdentifier CaseId caseId, FilingId byFiling, CaseId byFilingCase,
                             LocalDate reopenedOn, Source source) {
    }

    public record LinkCase(@TargetAggregateIdentifier CaseId caseId, Relation relation, CaseId otherCaseId,
                           FilingId byFiling, LocalDate linkedOn, Source source) {
    }

    /** Undo what one filing did to this case (it was recorded in error and is being retracted). */
    public record RetractCaseEffects(@TargetAggregateIdentifier CaseId caseId, FilingId byFiling,
                                     LocalDate filingDate, String reason) {
    }
}
