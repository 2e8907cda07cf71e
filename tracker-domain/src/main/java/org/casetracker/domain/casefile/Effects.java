package org.casetracker.domain.casefile;

import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;

import java.util.Optional;

/** Which events are the effect of a filing, and of which one. */
final class Effects {

    private Effects() {
    }

    static Optional<FilingId> madeBy(DocketEvent event) {
        if (event instanceof MotionDecided decided) {
            return Optional.ofNullable(decided.byFiling());
        }
        if (event instanceof FindingRecorded found) {
            return Optional.ofNullable(found.byFiling());
        }
        if (event instanceof ClaimDisposed disposed) {
            return Optional.ofNullable(disposed.byFiling());
        }
        if (event instanceof CaseClosed closed) {
            return Optional.ofNullable(closed.byFiling());
        }
        if (event instanceof CaseReopened reopened) {
            return Optional.ofNullable(reopened.byFiling());
        }
        if (event instanceof CaseLinked linked) {
            return Optional.ofNullable(linked.byFiling());
        }
        return Optional.empty();
    }
}
