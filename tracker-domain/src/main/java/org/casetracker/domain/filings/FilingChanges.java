package org.casetracker.domain.filings;

import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields a correction changes; null means unchanged. The entry number is not among them (it is
 * the filing's identity: retract and record again), nor are the effects.
 */
public record FilingChanges(LocalDate dateFiled, Boolean dateFiledEstimated, String filedBy, FilingType type,
                            String title, String description, Integer pageCount, List<ClaimId> claimIds,
                            Source source) {

    public boolean isEmpty() {
        return dateFiled == null && dateFiledEstimated == null && filedBy == null && type == null && title == null
                && description == null && pageCount == null && claimIds == null && source == null;
    }
}
