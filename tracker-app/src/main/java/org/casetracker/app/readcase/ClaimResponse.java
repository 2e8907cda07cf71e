package org.casetracker.app.readcase;

import org.casetracker.domain.casefile.CaseFile.ClaimView;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

import static org.casetracker.app.api.Ids.value;

/** A claim with its status and the findings made on it, each with the order that made it. */
public record ClaimResponse(String id, int count, ClaimType type, String title, String legalBasis,
                            String assertedIn, LocalDate assertedOn, ClaimStatus status, LocalDate disposedOn,
                            String disposedBy, List<FindingResponse> findings, Source source) {

    public record FindingResponse(Finding finding, LocalDate on, String byFiling, Source source) {
    }

    static ClaimResponse of(ClaimView claim) {
        return new ClaimResponse(claim.id().value(), claim.count(), claim.type(), claim.title(), claim.legalBasis(),
                value(claim.assertedIn()), claim.assertedOn(), claim.status(), claim.disposedOn(),
                value(claim.disposedBy()),
                claim.findings().stream()
                        .map(f -> new FindingResponse(f.finding(), f.on(), value(f.byFiling()), f.source()))
                        .toList(),
                claim.source());
    }
}
