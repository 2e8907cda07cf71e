package org.casetracker.domain.support;

import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEffects.CaseLinking;
import org.casetracker.domain.filings.FilingEffects.CaseStatusChange;
import org.casetracker.domain.filings.FilingEffects.ClaimDisposition;
import org.casetracker.domain.filings.FilingEffects.ClaimFinding;
import org.casetracker.domain.filings.FilingEffects.MotionRuling;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;

import java.util.ArrayList;
import java.util.List;

/** Builds the effects of a filing: {@code effects().motion(dkt(2), DENIED).finding(count(1), ...).build()}. */
public final class EffectList {

    private final List<MotionRuling> motions = new ArrayList<>();
    private final List<ClaimFinding> findings = new ArrayList<>();
    private final List<ClaimDisposition> dispositions = new ArrayList<>();
    private final List<CaseStatusChange> cases = new ArrayList<>();
    private final List<CaseLinking> links = new ArrayList<>();

    private EffectList() {
    }

    public static EffectList effects() {
        return new EffectList();
    }

    public EffectList motion(FilingId motion, MotionStatus outcome) {
        motions.add(new MotionRuling(motion, outcome));
        return this;
    }

    public EffectList motion(MotionRuling ruling) {
        motions.add(ruling);
        return this;
    }

    public EffectList finding(ClaimId claim, Finding finding) {
        findings.add(new ClaimFinding(claim, finding));
        return this;
    }

    public EffectList disposition(ClaimId claim, ClaimStatus disposition) {
        dispositions.add(new ClaimDisposition(claim, disposition));
        return this;
    }

    public EffectList caseStatus(CaseId caseId, CaseStatus status, Disposition disposition) {
        cases.add(new CaseStatusChange(caseId, status, disposition));
        return this;
    }

    public EffectList closing(CaseId caseId, Disposition disposition) {
        return caseStatus(caseId, CaseStatus.CLOSED, disposition);
    }

    public EffectList reopening(CaseId caseId) {
        return caseStatus(caseId, CaseStatus.OPEN, null);
    }

    public EffectList link(CaseId caseId, Relation relation, CaseId otherCaseId) {
        links.add(new CaseLinking(caseId, relation, otherCaseId));
        return this;
    }

    public FilingEffects build() {
        return new FilingEffects(motions, findings, dispositions, cases, links);
    }
}
