package org.casetracker.app.assertclaim;

import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;

/** The body of {@code POST /api/cases/{caseId}/claims}: one count of the pleading. */
public record AssertClaimRequest(Integer count, ClaimType type, String title, String legalBasis, String assertedIn,
                                 LocalDate assertedOn, Source source) {
}
