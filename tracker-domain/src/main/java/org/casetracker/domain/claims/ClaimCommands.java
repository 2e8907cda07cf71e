package org.casetracker.domain.claims;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;

/** The commands a Claim handles. */
public final class ClaimCommands {

    private ClaimCommands() {
    }

    public record AssertClaim(@TargetAggregateIdentifier ClaimId claimId, CaseId caseId, int count, ClaimType type,
                              String title, String legalBasis, FilingId assertedIn, LocalDate assertedOn,
                              Source source) {
    }

    /** A finding made by an order (a filing of the claim's own case). */
    public record RecordFinding(@TargetAggregateIdentifier ClaimId claimId, CaseId byFilingCase, Finding finding,
                                FilingId byFiling, LocalDate foundOn, Source source) {
    }

    public record DisposeOfClaim(@TargetAggregateIdentifier ClaimId claimId, CaseId byFilingCase,
                                 ClaimStatus disposition, FilingId byFiling, LocalDate disposedOn, Source source) {
    }

    public record RetractClaimEffects(@TargetAggregateIdentifier ClaimId claimId, FilingId byFiling,
                                      LocalDate filingDate, String reason) {
    }
}
