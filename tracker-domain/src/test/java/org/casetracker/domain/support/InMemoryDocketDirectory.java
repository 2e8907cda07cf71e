package org.casetracker.domain.support;

import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A docket directory for the fixtures: each test seeds the cases, claims and filings it needs. */
public final class InMemoryDocketDirectory implements DocketDirectory {

    private final Map<CaseId, LocalDate> cases = new HashMap<>();
    private final Set<ClaimId> claims = new HashSet<>();
    private final Set<FilingId> filings = new HashSet<>();
    private final Map<FilingId, LocalDate> filingDates = new HashMap<>();
    private final Map<ClaimId, LocalDate> claimDates = new HashMap<>();

    public InMemoryDocketDirectory withCase(CaseId caseId, LocalDate filedOn) {
        cases.put(caseId, filedOn);
        return this;
    }

    public InMemoryDocketDirectory withClaim(ClaimId claimId) {
        claims.add(claimId);
        return this;
    }

    public InMemoryDocketDirectory withFiling(FilingId filingId) {
        filings.add(filingId);
        return this;
    }

    public InMemoryDocketDirectory withFiling(FilingId filingId, LocalDate dateFiled) {
        filings.add(filingId);
        filingDates.put(filingId, dateFiled);
        return this;
    }

    public InMemoryDocketDirectory withClaim(ClaimId claimId, LocalDate assertedOn) {
        claims.add(claimId);
        claimDates.put(claimId, assertedOn);
        return this;
    }

    @Override
    public Optional<LocalDate> filingDate(FilingId filingId) {
        return Optional.ofNullable(filingDates.get(filingId));
    }

    @Override
    public Optional<LocalDate> claimAssertedOn(ClaimId claimId) {
        return Optional.ofNullable(claimDates.get(claimId));
    }

    @Override
    public Optional<LocalDate> caseFiledOn(CaseId caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    @Override
    public boolean claimExists(ClaimId claimId) {
        return claims.contains(claimId);
    }

    @Override
    public boolean filingExists(FilingId filingId) {
        return filings.contains(filingId);
    }
}
