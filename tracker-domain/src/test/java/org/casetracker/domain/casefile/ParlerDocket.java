package org.casetracker.domain.casefile;

import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.support.Entry;

import java.time.LocalDate;
import java.util.List;

import static org.casetracker.domain.support.EffectList.effects;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.antitrustClaim;
import static org.casetracker.domain.support.Parler.count;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Parler.opened;

/** The federal Parler docket as the events the aggregates record for it, grouped as they are recorded. */
final class ParlerDocket {

    static final LocalDate PI_ORDER_DATE = day(1, 21);
    static final LocalDate DISMISSED_ON = day(3, 2);

    private ParlerDocket() {
    }

    static FilingRecorded complaint() {
        return Entry.numbered(1, FilingType.COMPLAINT, FILED, "Verified Complaint").pages(19).claims(count(1))
                .event();
    }

    static ClaimAsserted contractClaim() {
        return new ClaimAsserted(count(2), CASE, 2, ClaimType.BREACH_OF_CONTRACT, "Breach of contract", null, dkt(1),
                FILED, SOURCE);
    }

    static FilingRecorded troMotion() {
        return Entry.numbered(2, FilingType.MOTION, FILED, "Motion for a temporary restraining order").event();
    }

    static FilingRecorded piOrder() {
        return Entry.numbered(34, FilingType.ORDER, PI_ORDER_DATE, "Order denying motion for TRO").pages(14)
                .claims(count(1)).effects(effects().motion(dkt(2), MotionStatus.DENIED)
                        .finding(count(1), Finding.NOT_LIKELY_TO_SUCCEED).build())
                .event();
    }

    static MotionDecided troDenied() {
        return new MotionDecided(dkt(2), CASE, MotionStatus.DENIED, dkt(34), PI_ORDER_DATE, SOURCE);
    }

    static FindingRecorded notLikelyToSucceed() {
        return new FindingRecorded(count(1), CASE, Finding.NOT_LIKELY_TO_SUCCEED, dkt(34), PI_ORDER_DATE, SOURCE);
    }

    static FilingRecorded noticeOfDismissal() {
        return Entry.numbered(46, FilingType.NOTICE_OF_VOLUNTARY_DISMISSAL, DISMISSED_ON,
                        "Notice of voluntary dismissal without prejudice")
                .effects(effects().closing(CASE, Disposition.VOLUNTARILY_DISMISSED)
                        .disposition(count(1), ClaimStatus.DISMISSED_WITHOUT_PREJUDICE).build())
                .event();
    }

    static ClaimDisposed countOneDismissed() {
        return new ClaimDisposed(count(1), CASE, ClaimStatus.DISMISSED_WITHOUT_PREJUDICE, dkt(46), DISMISSED_ON,
                SOURCE);
    }

    static CaseClosed voluntarilyDismissed() {
        return new CaseClosed(CASE, Disposition.VOLUNTARILY_DISMISSED, dkt(46), DISMISSED_ON, SOURCE);
    }

    /** The opening of the case with its complaint, counts and motion. */
    static List<DocketEvent> opening() {
        return List.of(opened(), complaint(), antitrustClaim(), contractClaim(), troMotion());
    }

    /** The PI order with its effects. */
    static List<DocketEvent> order() {
        return List.of(piOrder(), troDenied(), notLikelyToSucceed());
    }

    /** The notice of voluntary dismissal with its effects. */
    static List<DocketEvent> dismissal() {
        return List.of(noticeOfDismissal(), countOneDismissed(), voluntarilyDismissed());
    }
}
