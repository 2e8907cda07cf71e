package org.casetracker.domain.casefile;

import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.Reasoned;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;

import java.util.Optional;

/** One line per event, in the words of the docket, and the reason and source an event carries, if any. */
public final class EventSummaries {

    private EventSummaries() {
    }

    public static String summary(DocketEvent event) {
        if (event instanceof CaseOpened e) {
            return "Case opened: " + e.caption() + " (" + e.court() + " " + e.docketNumber() + ")";
        }
        if (event instanceof CaseClosed e) {
            return "Case closed: " + e.disposition() + " by " + e.byFiling();
        }
        if (event instanceof CaseReopened e) {
            return "Case reopened by " + e.byFiling();
        }
        if (event instanceof CaseLinked e) {
            return "Case " + e.relation() + " " + e.otherCaseId() + " by " + e.byFiling();
        }
        if (event instanceof CaseEffectsRetracted e) {
            return "Effects of " + e.byFiling() + " on the case undone (retraction)";
        }
        if (event instanceof ClaimAsserted e) {
            return "Count " + e.count() + " asserted: " + e.title() + " (" + e.type() + ")";
        }
        if (event instanceof FindingRecorded e) {
            return "Finding on " + e.claimId() + ": " + e.finding() + " by " + e.byFiling();
        }
        if (event instanceof ClaimDisposed e) {
            return "Claim " + e.claimId() + " disposed of: " + e.disposition() + " by " + e.byFiling();
        }
        if (event instanceof ClaimEffectsRetracted e) {
            return "Effects of " + e.byFiling() + " on " + e.claimId() + " undone (retraction)";
        }
        if (event instanceof FilingRecorded e) {
            String number = e.entryNumber() == null ? "unnumbered entry" : "Dkt " + e.entryNumber();
            return "Filing recorded: " + number + ", " + e.type() + ": " + e.title();
        }
        if (event instanceof MotionDecided e) {
            return "Motion " + e.filingId() + " " + e.outcome() + " by " + e.byFiling();
        }
        if (event instanceof FilingCorrected e) {
            return "Filing " + e.filingId() + " corrected";
        }
        if (event instanceof FilingRetracted e) {
            return "Filing " + e.filingId() + " retracted as recorded in error";
        }
        if (event instanceof MotionRulingRetracted e) {
            return "Ruling by " + e.byFiling() + " on motion " + e.filingId() + " undone (retraction)";
        }
        return event.getClass().getSimpleName();
    }

    public static Optional<String> reason(DocketEvent event) {
        return event instanceof Reasoned reasoned ? Optional.ofNullable(reasoned.reason()) : Optional.empty();
    }

    public static Optional<Source> source(DocketEvent event) {
        return event instanceof Sourced sourced ? Optional.ofNullable(sourced.source()) : Optional.empty();
    }
}
