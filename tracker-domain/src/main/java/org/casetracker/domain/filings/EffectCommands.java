package org.casetracker.domain.filings;

import org.casetracker.domain.cases.CaseCommands.CloseCase;
import org.casetracker.domain.cases.CaseCommands.LinkCase;
import org.casetracker.domain.cases.CaseCommands.ReopenCase;
import org.casetracker.domain.cases.CaseCommands.RetractCaseEffects;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.claims.ClaimCommands.DisposeOfClaim;
import org.casetracker.domain.claims.ClaimCommands.RecordFinding;
import org.casetracker.domain.claims.ClaimCommands.RetractClaimEffects;
import org.casetracker.domain.filings.FilingCommands.DecideMotion;
import org.casetracker.domain.filings.FilingCommands.RetractMotionRuling;
import org.casetracker.domain.filings.FilingEffects.CaseLinking;
import org.casetracker.domain.filings.FilingEffects.CaseStatusChange;
import org.casetracker.domain.filings.FilingEffects.ClaimDisposition;
import org.casetracker.domain.filings.FilingEffects.ClaimFinding;
import org.casetracker.domain.filings.FilingEffects.MotionRuling;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The commands that carry a filing's effects to the aggregates they concern, in the order that lets each
 * rule see what it needs: links first (a remand needs the removal link), then motions, claims, cases.
 * Sent in the filing's own transaction, so one refused effect refuses the filing.
 */
public final class EffectCommands {

    private EffectCommands() {
    }

    /** The commands for recording a filing's effects, each dated with the filing's date and sourced to it. */
    public static List<Object> toApply(FilingId filing, CaseId filingCase, LocalDate dateFiled, Source source,
                                       FilingEffects effects) {
        List<Object> commands = new ArrayList<>();
        for (CaseLinking link : effects.links()) {
            commands.add(new LinkCase(link.caseId(), link.relation(), link.otherCaseId(), filing, dateFiled, source));
            commands.add(new LinkCase(link.otherCaseId(), link.relation().inverse(), link.caseId(), filing,
                    dateFiled, source));
        }
        for (MotionRuling ruling : effects.motions()) {
            commands.add(new DecideMotion(ruling.filingId(), filingCase, ruling.outcome(), filing, dateFiled, source));
        }
        for (ClaimFinding finding : effects.findings()) {
            commands.add(new RecordFinding(finding.claimId(), filingCase, finding.finding(), filing, dateFiled,
                    source));
        }
        for (ClaimDisposition disposition : effects.claimDispositions()) {
            commands.add(new DisposeOfClaim(disposition.claimId(), filingCase, disposition.disposition(), filing,
                    dateFiled, source));
        }
        for (CaseStatusChange change : effects.cases()) {
            if (change.status() == CaseStatus.CLOSED) {
                commands.add(new CloseCase(change.caseId(), change.disposition(), filing, filingCase, dateFiled,
                        source));
            } else {
                commands.add(new ReopenCase(change.caseId(), filing, filingCase, dateFiled, source));
            }
        }
        return commands;
    }

    /** The commands that undo a retracted filing's effects: one per aggregate it touched. */
    public static List<Object> toUndo(FilingId filing, LocalDate dateFiled, FilingEffects effects, String reason) {
        List<Object> commands = new ArrayList<>();
        for (MotionRuling ruling : effects.motions()) {
            commands.add(new RetractMotionRuling(ruling.filingId(), filing, dateFiled, reason));
        }
        Set<ClaimId> claims = new LinkedHashSet<>();
        effects.findings().forEach(f -> claims.add(f.claimId()));
        effects.claimDispositions().forEach(d -> claims.add(d.claimId()));
        for (ClaimId claim : claims) {
            commands.add(new RetractClaimEffects(claim, filing, dateFiled, reason));
        }
        Set<CaseId> cases = new LinkedHashSet<>();
        effects.cases().forEach(c -> cases.add(c.caseId()));
        effects.links().forEach(l -> {
            cases.add(l.caseId());
            cases.add(l.otherCaseId());
        });
        for (CaseId caseId : cases) {
            commands.add(new RetractCaseEffects(caseId, filing, dateFiled, reason));
        }
        return commands;
    }
}
