package org.casetracker.app.api;

import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;

import java.util.List;
import java.util.function.Function;

/** A filing's {@code effects} as JSON: ids as plain strings, the field names of the REST contract. */
public record EffectsBody(List<Motion> motions, List<ClaimFinding> findings, List<ClaimDisposition> claimDispositions,
                          List<CaseChange> cases, List<Link> links) {

    public record Motion(String filingId, MotionStatus outcome) {
    }

    public record ClaimFinding(String claimId, Finding finding) {
    }

    public record ClaimDisposition(String claimId, ClaimStatus disposition) {
    }

    public record CaseChange(String caseId, CaseStatus status, Disposition disposition) {
    }

    public record Link(String caseId, Relation relation, String otherCaseId) {
    }

    public FilingEffects toDomain() {
        return new FilingEffects(
                map(motions, m -> m == null ? null
                        : new FilingEffects.MotionRuling(Ids.filing(m.filingId()), m.outcome())),
                map(findings, f -> f == null ? null
                        : new FilingEffects.ClaimFinding(Ids.claim(f.claimId()), f.finding())),
                map(claimDispositions, d -> d == null ? null
                        : new FilingEffects.ClaimDisposition(Ids.claim(d.claimId()), d.disposition())),
                map(cases, c -> c == null ? null
                        : new FilingEffects.CaseStatusChange(Ids.caseId(c.caseId()), c.status(), c.disposition())),
                map(links, l -> l == null ? null
                        : new FilingEffects.CaseLinking(Ids.caseId(l.caseId()), l.relation(),
                        Ids.caseId(l.otherCaseId()))));
    }

    public static EffectsBody of(FilingEffects effects) {
        return new EffectsBody(
                effects.motions().stream().map(m -> new Motion(m.filingId().value(), m.outcome())).toList(),
                effects.findings().stream().map(f -> new ClaimFinding(f.claimId().value(), f.finding())).toList(),
                effects.claimDispositions().stream()
                        .map(d -> new ClaimDisposition(d.claimId().value(), d.disposition())).toList(),
                effects.cases().stream()
                        .map(c -> new CaseChange(c.caseId().value(), c.status(), c.disposition())).toList(),
                effects.links().stream()
                        .map(l -> new Link(l.caseId().value(), l.relation(), l.otherCaseId().value())).toList());
    }

    private static <A, B> List<B> map(List<A> list, Function<A, B> mapping) {
        // a null element stays null, for the domain to refuse with its index
        return list == null ? null : list.stream().map(mapping).collect(java.util.stream.Collectors.toList());
    }
}
