package org.casetracker.app.readcase;

import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.shared.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.casetracker.app.api.Ids.value;

/** {@code GET /api/cases/{caseId}}: the case's header, status, related cases and a summary of its claims. */
public record CaseDetail(String id, String court, String courtName, String docketNumber, String caption,
                         LocalDate filedOn, String judge, List<Party> parties, CaseStatus status,
                         Disposition disposition, StatusChange statusChange, List<RelatedCase> relatedCases,
                         List<ClaimSummary> claims, int docketEntries, Source source, LocalDate asOf,
                         Instant knownAt) {

    /** What last closed or reopened the case. */
    public record StatusChange(CaseStatus status, Disposition disposition, LocalDate on, String byFiling,
                               Source source) {
    }

    public record RelatedCase(Relation relation, String caseId, LocalDate since, String byFiling, Source source) {
    }

    public record ClaimSummary(String id, int count, String title, ClaimStatus status) {
    }

    static CaseDetail of(CaseFile file, LocalDate asOf, Instant knownAt) {
        CaseFile.StatusChange change = file.lastStatusChange();
        return new CaseDetail(file.id().value(), file.court(), file.courtName(), file.docketNumber(), file.caption(),
                file.filedOn(), file.judge(), file.parties(), file.status(), file.disposition(),
                change == null ? null : new StatusChange(change.status(), change.disposition(), change.on(),
                        value(change.byFiling()), change.source()),
                file.relatedCases().stream().map(r -> new RelatedCase(r.relation(), r.caseId().value(), r.since(),
                        value(r.byFiling()), r.source())).toList(),
                file.claims().stream().map(c -> new ClaimSummary(c.id().value(), c.count(), c.title(), c.status()))
                        .toList(),
                file.docket().size(), file.source(), asOf, knownAt);
    }
}
