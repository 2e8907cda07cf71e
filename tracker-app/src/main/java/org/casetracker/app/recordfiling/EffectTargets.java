package org.casetracker.app.recordfiling;

import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;

/**
 * Every effect must point at something that exists: checked before anything is sent, so the refusal
 * names the exact field ({@code effects.motions[1].filingId}) rather than an aggregate id.
 */
final class EffectTargets {

    private EffectTargets() {
    }

    static void requireExisting(FilingEffects effects, DocketDirectory directory) {
        for (int i = 0; i < effects.motions().size(); i++) {
            var ruling = effects.motions().get(i);
            if (ruling != null && ruling.filingId() != null && !directory.filingExists(ruling.filingId())) {
                throw DocketRuleViolation.invalid("effects.motions[" + i + "].filingId",
                        "no filing " + ruling.filingId() + " on the docket");
            }
        }
        for (int i = 0; i < effects.findings().size(); i++) {
            var finding = effects.findings().get(i);
            if (finding != null && finding.claimId() != null && !directory.claimExists(finding.claimId())) {
                throw DocketRuleViolation.invalid("effects.findings[" + i + "].claimId", "no claim " + finding.claimId());
            }
        }
        for (int i = 0; i < effects.claimDispositions().size(); i++) {
            var disposition = effects.claimDispositions().get(i);
            if (disposition != null && disposition.claimId() != null
                    && !directory.claimExists(disposition.claimId())) {
                throw DocketRuleViolation.invalid("effects.claimDispositions[" + i + "].claimId",
                        "no claim " + disposition.claimId());
            }
        }
        for (int i = 0; i < effects.cases().size(); i++) {
            var change = effects.cases().get(i);
            if (change != null) {
                requireCase("effects.cases[" + i + "].caseId", change.caseId(), directory);
            }
        }
        for (int i = 0; i < effects.links().size(); i++) {
            var link = effects.links().get(i);
            if (link != null) {
                requireCase("effects.links[" + i + "].caseId", link.caseId(), directory);
                requireCase("effects.links[" + i + "].otherCaseId", link.otherCaseId(), directory);
            }
        }
    }

    private static void requireCase(String field, CaseId caseId, DocketDirectory directory) {
        if (caseId != null && directory.caseFiledOn(caseId).isEmpty()) {
            throw DocketRuleViolation.invalid(field, "no case " + caseId);
        }
    }
}
