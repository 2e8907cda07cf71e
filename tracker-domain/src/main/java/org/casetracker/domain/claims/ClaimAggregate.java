package org.casetracker.domain.claims;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.casetracker.domain.claims.ClaimCommands.AssertClaim;
import org.casetracker.domain.claims.ClaimCommands.DisposeOfClaim;
import org.casetracker.domain.claims.ClaimCommands.RecordFinding;
import org.casetracker.domain.claims.ClaimCommands.RetractClaimEffects;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.Dates;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Text;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One count pleaded in a case: asserted once, assessed by findings, disposed of once. */
public class ClaimAggregate {

    public static final int MAX_COUNT = 10_000;

    @AggregateIdentifier
    private ClaimId claimId;
    private ClaimState state = ClaimState.NONE;

    protected ClaimAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public ClaimAggregate(AssertClaim command, DocketDirectory directory) {
        CaseId caseId = command.caseId();
        LocalDate filedOn = directory.caseFiledOn(caseId)
                .orElseThrow(() -> DocketRuleViolation.notFound("caseId", "no case " + caseId));
        if (command.count() < 1 || command.count() > MAX_COUNT) {
            throw DocketRuleViolation.invalid("count", "a count is numbered from 1 to " + MAX_COUNT);
        }
        if (!ClaimId.of(caseId, command.count()).equals(command.claimId())) {
            throw DocketRuleViolation.invalid("claimId", "a claim's id is " + ClaimId.of(caseId, command.count()));
        }
        if (command.type() == null) {
            throw DocketRuleViolation.invalid("type", "is required (ANTITRUST, BREACH_OF_CONTRACT, ...)");
        }
        if (command.assertedIn() != null && (!command.assertedIn().belongsTo(caseId)
                || !directory.filingExists(command.assertedIn()))) {
            throw DocketRuleViolation.invalid("assertedIn", "no filing " + command.assertedIn() + " in case " + caseId);
        }
        apply(new ClaimAsserted(command.claimId(), caseId, command.count(), command.type(),
                Text.required("title", command.title(), 500), Text.optional("legalBasis", command.legalBasis(), 500),
                command.assertedIn(), Dates.notBefore("assertedOn", command.assertedOn(), filedOn),
                Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(RecordFinding command) {
        requireSameCase(command.byFilingCase());
        if (command.finding() == null) {
            throw DocketRuleViolation.invalid("finding", "is required");
        }
        requireNotDisposed("a finding");
        apply(new FindingRecorded(claimId, state.caseId(), command.finding(), command.byFiling(),
                Dates.notBefore("foundOn", command.foundOn(), state.assertedOn()),
                Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(DisposeOfClaim command) {
        requireSameCase(command.byFilingCase());
        if (command.disposition() == null || command.disposition() == ClaimStatus.PENDING) {
            throw DocketRuleViolation.invalid("disposition", "must be a final disposition, not PENDING");
        }
        requireNotDisposed("a second disposition");
        apply(new ClaimDisposed(claimId, state.caseId(), command.disposition(), command.byFiling(),
                Dates.notBefore("disposedOn", command.disposedOn(), state.assertedOn()),
                Source.required("source", command.source())));
    }

    @CommandHandler
    public void handle(RetractClaimEffects command) {
        if (command.byFiling() == null || !state.hasEffectsOf(command.byFiling())) {
            throw DocketRuleViolation.conflict("filingId", "filing " + command.byFiling()
                    + " has no effect on claim " + claimId + " to retract");
        }
        apply(new ClaimEffectsRetracted(claimId, state.caseId(), command.byFiling(), command.filingDate(),
                Text.required("reason", command.reason(), 2000)));
    }

    @EventSourcingHandler
    void on(ClaimEvent event) {
        this.claimId = event.claimId();
        this.state = ClaimState.evolve(state, event);
    }

    private void requireSameCase(CaseId filingCase) {
        if (!state.caseId().equals(filingCase)) {
            throw DocketRuleViolation.invalid("claimId", "claim " + claimId + " is not a claim of case " + filingCase);
        }
    }

    private void requireNotDisposed(String what) {
        state.disposition().ifPresent(d -> {
            throw DocketRuleViolation.conflict("claimId", "claim " + claimId + " was disposed of (" + d.value()
                    + ") on " + d.on() + "; " + what + " cannot follow");
        });
    }
}
