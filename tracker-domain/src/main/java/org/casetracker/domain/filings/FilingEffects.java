package org.casetracker.domain.filings;

import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Lists;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a filing does to other aggregates: motions it decides, findings and dispositions of claims, cases
 * it closes or reopens, links between cases. Each becomes an event on the aggregate concerned, dated
 * with the filing's date; the filing keeps the list so that retracting it can undo exactly these.
 */
public record FilingEffects(List<MotionRuling> motions, List<ClaimFinding> findings,
                            List<ClaimDisposition> claimDispositions, List<CaseStatusChange> cases,
                            List<CaseLinking> links) {

    public static final FilingEffects NONE = new FilingEffects(null, null, null, null, null);

    public FilingEffects {
        motions = Lists.copyOrEmpty(motions);
        findings = Lists.copyOrEmpty(findings);
        claimDispositions = Lists.copyOrEmpty(claimDispositions);
        cases = Lists.copyOrEmpty(cases);
        links = Lists.copyOrEmpty(links);
    }

    public boolean isEmpty() {
        return motions.isEmpty() && findings.isEmpty() && claimDispositions.isEmpty() && cases.isEmpty()
                && links.isEmpty();
    }

    /** The cases these effects change or link, other than {@code own}: where they must be undone or re-dated. */
    public List<CaseId> casesOtherThan(CaseId own) {
        Set<CaseId> others = new LinkedHashSet<>();
        cases.forEach(change -> others.add(change.caseId()));
        links.forEach(link -> {
            others.add(link.caseId());
            others.add(link.otherCaseId());
        });
        others.remove(own);
        others.remove(null);
        return List.copyOf(others);
    }

    public record MotionRuling(FilingId filingId, MotionStatus outcome) {
    }

    public record ClaimFinding(ClaimId claimId, Finding finding) {
    }

    public record ClaimDisposition(ClaimId claimId, ClaimStatus disposition) {
    }

    /** A case closed (with a disposition) or reopened (status OPEN). */
    public record CaseStatusChange(CaseId caseId, CaseStatus status, Disposition disposition) {
    }

    /** {@code caseId} is {@code relation} {@code otherCaseId}; the inverse is recorded on the other case. */
    public record CaseLinking(CaseId caseId, Relation relation, CaseId otherCaseId) {
    }
}
