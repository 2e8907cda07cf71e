package org.casetracker.domain.cases;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.casetracker.domain.cases.CaseCommands.CloseCase;
import org.casetracker.domain.cases.CaseCommands.LinkCase;
import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.cases.CaseCommands.ReopenCase;
import org.casetracker.domain.cases.CaseCommands.RetractCaseEffects;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.Dates;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Text;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One docket in one court. Decides on opening, closing, reopening and linking; its state is one fold. */
public class CaseAggregate {

    @AggregateIdentifier
    private CaseId caseId;
    private CaseState state = CaseState.NONE;

    protected CaseAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public CaseAggregate(OpenCase command) {
        CaseOpening.check(command);
        apply(new CaseOpened(command.caseId(), command.court().strip(),
                Text.optional("courtName", command.courtName(), 300), command.docketNumber().strip(),
                command.caption().strip(), command.filedOn(), Text.optional("judge", command.judge(), 300),
                CaseOpening.parties(command.parties()), Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(CloseCase command) {
        if (command.disposition() == null) {
            throw DocketRuleViolation.invalid("disposition", "is required to close a case");
        }
        if (state.status() == CaseStatus.CLOSED) {
            throw DocketRuleViolation.conflict("status", "case " + caseId + " is already closed ("
                    + state.disposition() + ")");
        }
        LocalDate closedOn = notBeforeLastChange("closedOn", command.closedOn());
        requireLinkedToFilingCase(command.byFilingCase());
        if (command.disposition() == Disposition.REMANDED && !state.hasRelation(Relation.REMOVED_FROM)) {
            throw DocketRuleViolation.conflict("disposition",
                    "only a case removed from another court can be remanded; " + caseId + " was not");
        }
        apply(new CaseClosed(caseId, command.disposition(), command.byFiling(), closedOn,
                Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(ReopenCase command) {
        if (state.status() == CaseStatus.OPEN) {
            throw DocketRuleViolation.conflict("status", "case " + caseId + " is open; only a closed case is reopened");
        }
        LocalDate reopenedOn = notBeforeLastChange("reopenedOn", command.reopenedOn());
        requireLinkedToFilingCase(command.byFilingCase());
        apply(new CaseReopened(caseId, command.byFiling(), reopenedOn, Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(LinkCase command, DocketDirectory directory) {
        if (command.relation() == null) {
            throw DocketRuleViolation.invalid("relation", "is required");
        }
        CaseId other = command.otherCaseId();
        if (other == null || other.equals(caseId)) {
            throw DocketRuleViolation.invalid("otherCaseId", "must name another case");
        }
        if (directory.caseFiledOn(other).isEmpty()) {
            throw DocketRuleViolation.notFound("otherCaseId", "no case " + other);
        }
        CaseLink link = new CaseLink(command.relation(), other);
        if (state.hasLink(link)) {
            throw DocketRuleViolation.conflict("relation", caseId + " is already " + link.relation() + " " + other);
        }
        if (command.relation() == Relation.REMANDED_FROM && !state.hasRelation(Relation.REMOVED_TO)) {
            throw DocketRuleViolation.conflict("relation",
                    "a remand only of a removed case: " + caseId + " was never removed");
        }
        LocalDate linkedOn = Dates.notBefore("linkedOn", command.linkedOn(), state.filedOn());
        apply(new CaseLinked(caseId, command.relation(), other, command.byFiling(), linkedOn,
                Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(RetractCaseEffects command) {
        if (command.byFiling() == null || !state.hasEffectsOf(command.byFiling())) {
            throw DocketRuleViolation.conflict("filingId", "filing " + command.byFiling()
                    + " has no effect on case " + caseId + " to retract");
        }
        apply(new CaseEffectsRetracted(caseId, command.byFiling(), command.filingDate(),
                Text.required("reason", command.reason(), 2000)));
    }

    @EventSourcingHandler
    void on(CaseEvent event) {
        this.caseId = event.caseId();
        this.state = CaseState.evolve(state, event);
    }

    private LocalDate notBeforeLastChange(String field, LocalDate date) {
        Dates.notBefore(field, date, state.filedOn());
        state.latestChange().ifPresent(last -> {
            if (date.isBefore(last.on())) {
                throw DocketRuleViolation.invalid(field, date + " is before the case's last status change on "
                        + last.on());
            }
        });
        return date;
    }

    /** A filing in another case may change this one only when the two cases are linked (a remand, say). */
    private void requireLinkedToFilingCase(CaseId filingCase) {
        if (filingCase != null && !filingCase.equals(caseId) && !state.isLinkedTo(filingCase)) {
            throw DocketRuleViolation.invalid("caseId", "a filing in " + filingCase + " can change case " + caseId
                    + " only when the two cases are linked");
        }
    }
}
