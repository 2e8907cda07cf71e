package org.casetracker.domain.filings;

import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects.CaseLinking;
import org.casetracker.domain.filings.FilingEffects.CaseStatusChange;
import org.casetracker.domain.filings.FilingEffects.ClaimDisposition;
import org.casetracker.domain.filings.FilingEffects.ClaimFinding;
import org.casetracker.domain.filings.FilingEffects.MotionRuling;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of a docket entry as recorded: its id, its claims and the shape of its effects. */
final class FilingRules {

    static final int MAX_ENTRY_NUMBER = 1_000_000;
    static final int MAX_PAGES = 100_000;
    static final int MAX_CLAIMS = 1_000;

    private FilingRules() {
    }

    static void checkIdentity(RecordFiling command) {
        CaseId caseId = command.caseId();
        Integer entryNumber = command.entryNumber();
        if (entryNumber != null) {
            if (entryNumber < 1 || entryNumber > MAX_ENTRY_NUMBER) {
                throw DocketRuleViolation.invalid("entryNumber", "an entry number is positive (1 to "
                        + MAX_ENTRY_NUMBER + ")");
            }
            if (!FilingId.numbered(caseId, entryNumber).equals(command.filingId())) {
                throw DocketRuleViolation.invalid("filingId", "a numbered entry's id is "
                        + FilingId.numbered(caseId, entryNumber));
            }
        } else if (!command.filingId().belongsTo(caseId)) {
            throw DocketRuleViolation.invalid("filingId", "an entry's id starts with its case's id " + caseId);
        }
    }

    static void checkPageCount(String field, Integer pageCount) {
        if (pageCount != null && (pageCount < 1 || pageCount > MAX_PAGES)) {
            throw DocketRuleViolation.invalid(field, "a page count is from 1 to " + MAX_PAGES);
        }
    }

    static List<ClaimId> claims(String field, CaseId caseId, List<ClaimId> claimIds, DocketDirectory directory) {
        if (claimIds == null) {
            return List.of();
        }
        if (claimIds.size() > MAX_CLAIMS) {
            throw DocketRuleViolation.invalid(field, "at most " + MAX_CLAIMS + " claims");
        }
        Set<ClaimId> seen = new HashSet<>();
        for (int i = 0; i < claimIds.size(); i++) {
            ClaimId claim = claimIds.get(i);
            String at = field + "[" + i + "]";
            if (claim == null || !claim.belongsTo(caseId) || !directory.claimExists(claim)) {
                throw DocketRuleViolation.invalid(at, "no claim " + claim + " in case " + caseId);
            }
            if (!seen.add(claim)) {
                throw DocketRuleViolation.invalid(at, claim + " is listed twice");
            }
        }
        return List.copyOf(claimIds);
    }

    /**
     * A corrected date keeps the docket's order of cause and effect: a motion is not dated after the
     * ruling on it, and an order not before the motions it decides or the counts it assesses.
     */
    static void checkRedating(LocalDate newDate, FilingState state, DocketDirectory directory) {
        String field = "changes.dateFiled";
        state.rulings().stream().map(FilingState.Ruling::on).min(LocalDate::compareTo).ifPresent(ruled -> {
            if (newDate.isAfter(ruled)) {
                throw DocketRuleViolation.invalid(field, "the motion was decided on " + ruled
                        + "; it cannot be dated after its ruling");
            }
        });
        for (MotionRuling ruling : state.effects().motions()) {
            directory.filingDate(ruling.filingId()).ifPresent(filed -> {
                if (newDate.isBefore(filed)) {
                    throw DocketRuleViolation.invalid(field, "this filing decides " + ruling.filingId()
                            + ", filed on " + filed + "; it cannot be dated before it");
                }
            });
        }
        Set<ClaimId> assessed = new HashSet<>();
        state.effects().findings().forEach(finding -> assessed.add(finding.claimId()));
        state.effects().claimDispositions().forEach(disposition -> assessed.add(disposition.claimId()));
        for (ClaimId claim : assessed) {
            directory.claimAssertedOn(claim).ifPresent(asserted -> {
                if (newDate.isBefore(asserted)) {
                    throw DocketRuleViolation.invalid(field, "this filing decides on " + claim + ", asserted on "
                            + asserted + "; it cannot be dated before it");
                }
            });
        }
    }

    /**
     * The shape of the effects: each names something of this case (cases and links may name another,
     * linked case), and only the court rules on motions or assesses claims.
     */
    static FilingEffects effects(RecordFiling command) {
        FilingEffects effects = command.effects() == null ? FilingEffects.NONE : command.effects();
        CaseId caseId = command.caseId();
        boolean byTheCourt = command.type().isByTheCourt();
        Set<FilingId> motions = new HashSet<>();
        for (int i = 0; i < effects.motions().size(); i++) {
            MotionRuling ruling = effects.motions().get(i);
            String at = "effects.motions[" + i + "]";
            if (ruling == null || ruling.filingId() == null || !ruling.filingId().belongsTo(caseId)) {
                throw DocketRuleViolation.invalid(at + ".filingId", "must name a motion of case " + caseId);
            }
            if (ruling.filingId().equals(command.filingId())) {
                throw DocketRuleViolation.invalid(at + ".filingId", "a filing does not decide itself");
            }
            if (ruling.outcome() == null || ruling.outcome() == MotionStatus.PENDING) {
                throw DocketRuleViolation.invalid(at + ".outcome", "must be GRANTED, GRANTED_IN_PART, DENIED, MOOT "
                        + "or WITHDRAWN");
            }
            if (!byTheCourt && ruling.outcome() != MotionStatus.WITHDRAWN) {
                throw DocketRuleViolation.invalid(at + ".outcome", "only the court rules on a motion; a party's "
                        + "filing may only withdraw one");
            }
            if (!motions.add(ruling.filingId())) {
                throw DocketRuleViolation.invalid(at + ".filingId", ruling.filingId() + " is decided twice");
            }
        }
        for (int i = 0; i < effects.findings().size(); i++) {
            ClaimFinding finding = effects.findings().get(i);
            String at = "effects.findings[" + i + "]";
            if (finding == null || finding.claimId() == null || !finding.claimId().belongsTo(caseId)) {
                throw DocketRuleViolation.invalid(at + ".claimId", "must name a claim of case " + caseId);
            }
            if (finding.finding() == null) {
                throw DocketRuleViolation.invalid(at + ".finding", "is required");
            }
            if (!byTheCourt) {
                throw DocketRuleViolation.invalid(at, "only the court makes findings (an ORDER, MINUTE_ENTRY, "
                        + "HEARING or JUDGMENT)");
            }
        }
        Set<ClaimId> disposed = new HashSet<>();
        for (int i = 0; i < effects.claimDispositions().size(); i++) {
            ClaimDisposition disposition = effects.claimDispositions().get(i);
            String at = "effects.claimDispositions[" + i + "]";
            if (disposition == null || disposition.claimId() == null || !disposition.claimId().belongsTo(caseId)) {
                throw DocketRuleViolation.invalid(at + ".claimId", "must name a claim of case " + caseId);
            }
            ClaimStatus status = disposition.disposition();
            if (status == null || status == ClaimStatus.PENDING) {
                throw DocketRuleViolation.invalid(at + ".disposition", "must be a final disposition");
            }
            boolean judgment = status == ClaimStatus.JUDGMENT_FOR_PLAINTIFF
                    || status == ClaimStatus.JUDGMENT_FOR_DEFENDANT;
            if (judgment && !byTheCourt) {
                throw DocketRuleViolation.invalid(at + ".disposition", "only the court enters judgment");
            }
            if (!disposed.add(disposition.claimId())) {
                throw DocketRuleViolation.invalid(at + ".claimId", disposition.claimId() + " is disposed of twice");
            }
        }
        Set<CaseId> changed = new HashSet<>();
        for (int i = 0; i < effects.cases().size(); i++) {
            CaseStatusChange change = effects.cases().get(i);
            String at = "effects.cases[" + i + "]";
            if (change == null || change.caseId() == null) {
                throw DocketRuleViolation.invalid(at + ".caseId", "is required");
            }
            if (change.status() == null) {
                throw DocketRuleViolation.invalid(at + ".status", "is required: CLOSED or OPEN");
            }
            if (change.status() == CaseStatus.CLOSED && change.disposition() == null) {
                throw DocketRuleViolation.invalid(at + ".disposition", "a closed case needs a disposition");
            }
            if (change.status() == CaseStatus.OPEN && change.disposition() != null) {
                throw DocketRuleViolation.invalid(at + ".disposition", "a reopened case has no disposition");
            }
            if (!changed.add(change.caseId())) {
                throw DocketRuleViolation.invalid(at + ".caseId", change.caseId() + " is changed twice");
            }
        }
        for (int i = 0; i < effects.links().size(); i++) {
            CaseLinking link = effects.links().get(i);
            String at = "effects.links[" + i + "]";
            if (link == null || link.caseId() == null || link.otherCaseId() == null || link.relation() == null) {
                throw DocketRuleViolation.invalid(at, "needs caseId, relation and otherCaseId");
            }
            if (!link.caseId().equals(caseId) && !link.otherCaseId().equals(caseId)) {
                throw DocketRuleViolation.invalid(at, "a filing links its own case " + caseId + " to another");
            }
        }
        return effects;
    }
}
