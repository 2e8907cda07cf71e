package org.casetracker.domain.filings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/** The commands a Filing (a docket entry) handles. */
public final class FilingCommands {

    private FilingCommands() {
    }

    /**
     * Record a docket entry. {@code dateFiledEstimated} marks a date the sources do not give: it is then
     * the latest day the entry can have been filed (e.g. the day an order decided the motion).
     */
    public record RecordFiling(@TargetAggregateIdentifier FilingId filingId, CaseId caseId, Integer entryNumber,
                               LocalDate dateFiled, boolean dateFiledEstimated, String filedBy, FilingType type,
                               String title, String description, Integer pageCount, List<ClaimId> claimIds,
                               Source source, FilingEffects effects) {
    }

    /** An order (or the movant's withdrawal) decides this motion. */
    public record DecideMotion(@TargetAggregateIdentifier FilingId motionId, CaseId byFilingCase,
                               MotionStatus outcome, FilingId byFiling, LocalDate decidedOn, Source source) {
    }

    public record CorrectFiling(@TargetAggregateIdentifier FilingId filingId, FilingChanges changes, String reason) {
    }

    /** The entry was recorded in error; answers the retraction, with the effects that must now be undone. */
    public record RetractFiling(@TargetAggregateIdentifier FilingId filingId, String reason) {
    }

    public record RetractMotionRuling(@TargetAggregateIdentifier FilingId motionId, FilingId byFiling,
                                      LocalDate filingDate, String reason) {
    }
}
