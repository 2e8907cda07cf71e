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
