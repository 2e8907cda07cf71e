package org.casetracker.domain.filings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.casetracker.domain.filings.FilingCommands.CorrectFiling;
import org.casetracker.domain.filings.FilingCommands.DecideMotion;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingCommands.RetractFiling;
import org.casetracker.domain.filings.FilingCommands.RetractMotionRuling;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.Dates;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Text;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One docket entry: recorded once, a motion decided once, corrected with a reason, retracted if in error. */
public class FilingAggregate {

    static final int MAX_TITLE = 1_000;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_REASON = 2_000;

    @AggregateIdentifier
    private FilingId filingId;
    private FilingState state = FilingState.NONE;

    protected FilingAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public FilingAggregate(RecordFiling command, DocketDirectory directory) {
        CaseId caseId = command.caseId();
        LocalDate caseFiledOn = directory.caseFiledOn(caseId)
                .orElseThrow(() -> DocketRuleViolation.notFound("caseId", "no case " + caseId));
        FilingRules.checkIdentity(command);
        if (command.type() == null) {
            throw DocketRuleViolation.invalid("type", "is required (COMPLAINT, MOTION, ORDER, ...)");
        }
        FilingRules.checkPageCount("pageCount", command.pageCount());
        apply(new FilingRecorded(command.filingId(), caseId, command.entryNumber(),
                Dates.notBefore("dateFiled", command.dateFiled(), caseFiledOn), command.dateFiledEstimated(),
                Text.required("filedBy", command.filedBy(), 300), command.type(),
                Text.required("title", command.title(), MAX_TITLE),
                Text.optional("description", command.description(), MAX_DESCRIPTION), command.pageCount(),
                FilingRules.claims("claimIds", caseId, command.claimIds(), directory),
                Source.required("source", command.source()), FilingRules.effects(command)));
    }

    @CommandHandler
    public void handle(DecideMotion command) {
        if (!state.caseId().equals(command.byFilingCase())) {
            throw DocketRuleViolation.invalid("filingId", filingId + " is not a filing of case "
                    + command.byFilingCase());
        }
        if (state.type() != FilingType.MOTION) {
            throw DocketRuleViolation.invalid("filingId", filingId + " is not a motion but " + state.type());
        }
        requireNotRetracted();
        if (state.motionStatus() == MotionStatus.WITHDRAWN) {
            throw DocketRuleViolation.conflict("filingId", "no ruling on a withdrawn motion: " + filingId);
        }
        if (state.motionStatus() != MotionStatus.PENDING) {
            throw DocketRuleViolation.conflict("filingId", "motion " + filingId + " was already decided ("
                    + state.motionStatus() + ")");
        }
        if (command.outcome() == null || command.outcome() == MotionStatus.PENDING) {
            throw DocketRuleViolation.invalid("outcome", "must be a decision, not PENDING");
        }
        apply(new MotionDecided(filingId, state.caseId(), command.outcome(), command.byFiling(),
                Dates.notBefore("decidedOn", command.decidedOn(), state.dateFiled()),
                Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(CorrectFiling command, DocketDirectory directory) {
        String reason = Text.required("reason", command.reason(), MAX_REASON);
        requireNotRetracted();
        FilingChanges changes = command.changes();
        if (changes == null || changes.isEmpty()) {
            throw DocketRuleViolation.invalid("changes", "a correction changes at least one field");
        }
        LocalDate dateAfter = state.dateFiled();
        if (changes.dateFiled() != null) {
            LocalDate caseFiledOn = directory.caseFiledOn(state.caseId()).orElseThrow();
            dateAfter = Dates.notBefore("changes.dateFiled", changes.dateFiled(), caseFiledOn);
            FilingRules.checkRedating(dateAfter, state, directory);
        }
        if (changes.type() != null && changes.type() != FilingType.MOTION && !state.rulings().isEmpty()) {
            throw DocketRuleViolation.conflict("changes.type", filingId + " was decided as a motion; "
                    + "its type stays MOTION");
        }
        FilingRules.checkPageCount("changes.pageCount", changes.pageCount());
        FilingChanges checked = new FilingChanges(changes.dateFiled(), changes.dateFiledEstimated(),
                changes.filedBy() == null ? null : Text.required("changes.filedBy", changes.filedBy(), 300),
                changes.type(),
                changes.title() == null ? null : Text.required("changes.title", changes.title(), MAX_TITLE),
                changes.description() == null ? null
                        : Text.required("changes.description", changes.description(), MAX_DESCRIPTION),
                changes.pageCount(),
                changes.claimIds() == null ? null
                        : FilingRules.claims("changes.claimIds", state.caseId(), changes.claimIds(), directory),
                changes.source() == null ? null : Source.required("changes.source", changes.source()));
        apply(new FilingCorrected(filingId, state.caseId(), checked, reason, dateAfter,
                state.effects().casesOtherThan(state.caseId())));
    }

    /** Answers the retraction, whose effects are to be undone on the aggregates they concern. */
    @CommandHandler
    public FilingRetracted handle(RetractFiling command) {
        String reason = Text.required("reason", command.reason(), MAX_REASON);
        requireNotRetracted();
        FilingRetracted retracted = new FilingRetracted(filingId, state.caseId(), state.dateFiled(), reason,
                state.effects());
        apply(retracted);
        return retracted;
    }

    @CommandHandler
    public void handle(RetractMotionRuling command) {
        if (command.byFiling() == null || !state.hasRulingBy(command.byFiling())) {
            throw DocketRuleViolation.conflict("filingId", command.byFiling() + " made no ruling on " + filingId);
        }
        apply(new MotionRulingRetracted(filingId, state.caseId(), command.byFiling(), command.filingDate(),
                Text.required("reason", command.reason(), MAX_REASON)));
    }

    @EventSourcingHandler
    void on(FilingEvent event) {
        this.filingId = event.filingId();
        this.state = FilingState.evolve(state, event);
    }

    private void requireNotRetracted() {
        if (state.retracted()) {
            throw DocketRuleViolation.conflict("filingId", filingId + " was retracted as recorded in error");
        }
    }
}
