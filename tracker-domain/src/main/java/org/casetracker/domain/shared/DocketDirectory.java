package org.casetracker.domain.shared;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a command handler may need to know about other aggregates of the docket (a port: the app
 * answers it from the event store, consistently with the command's own transaction).
 */
public interface DocketDirectory {

    /** The day the case was filed, or empty when no such case was opened. */
    Optional<LocalDate> caseFiledOn(CaseId caseId);

    boolean claimExists(ClaimId claimId);

    boolean filingExists(FilingId filingId);

    /** The day a filing is dated (as corrected), or empty when it is unknown here. */
    default Optional<LocalDate> filingDate(FilingId filingId) {
        return Optional.empty();
    }

    /** The day a claim was asserted, or empty when it is unknown here. */
    default Optional<LocalDate> claimAssertedOn(ClaimId claimId) {
        return Optional.empty();
    }
}
