package org.casetracker.domain.support;

import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.PartyRole;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;

import java.time.LocalDate;
import java.util.List;

/**
 * The dockets the tests are written on: Parler LLC v. Amazon Web Services, Inc. in the Western District
 * of Washington, the King County case Parler filed later, and the federal case it was removed to.
 */
public final class Parler {

    private Parler() {
    }

    public static final CaseId CASE = new CaseId("wawd-2-21-cv-00031");
    public static final LocalDate FILED = LocalDate.of(2021, 1, 11);

    public static final CaseId KING_COUNTY = new CaseId("kingco-21-2-02856-6-sea");
    public static final LocalDate KING_COUNTY_FILED = LocalDate.of(2021, 3, 2);

    public static final CaseId REMOVAL = new CaseId("wawd-2-21-cv-00270");
    public static final LocalDate REMOVAL_FILED = LocalDate.of(2021, 3, 3);

    public static final Source SOURCE = new Source(
            "https://law.justia.com/cases/federal/district-courts/washington/wawdce/2:2021cv00031/294664/34/",
            Verification.VERIFIED);
    public static final Source PRESS = new Source("https://www.seattletimes.com/business/amazon/", Verification.SECONDARY);

    public static final List<Party> PARTIES = List.of(
            new Party("Parler LLC", PartyRole.PLAINTIFF, List.of("David J. Groesbeck")),
            new Party("Amazon Web Services, Inc.", PartyRole.DEFENDANT, List.of("Ambika K. Doran")));

    public static LocalDate day(int month, int day) {
        return LocalDate.of(2021, month, day);
    }

    public static FilingId dkt(int entryNumber) {
        return FilingId.numbered(CASE, entryNumber);
    }

    public static FilingId dkt(CaseId caseId, int entryNumber) {
        return FilingId.numbered(caseId, entryNumber);
    }

    public static ClaimId count(int count) {
        return ClaimId.of(CASE, count);
    }

    public static CaseOpened opened() {
        return opened(CASE, "wawd", "2:21-cv-00031", "Parler LLC v. Amazon Web Services, Inc.", FILED);
    }

    public static CaseOpened opened(CaseId caseId, String court, String docketNumber, String caption,
                                    LocalDate filedOn) {
        return new CaseOpened(caseId, court, "U.S. District Court for the Western District of Washington",
                docketNumber, caption, filedOn, "Barbara J. Rothstein", PARTIES, SOURCE);
    }

    public static CaseOpened kingCountyOpened() {
        return new CaseOpened(KING_COUNTY, "kingco", "King County Superior Court", "21-2-02856-6 SEA",
                "Parler LLC v. Amazon.com, Inc.", KING_COUNTY_FILED, null, PARTIES, SOURCE);
    }

    public static CaseOpened removalOpened() {
        return opened(REMOVAL, "wawd", "2:21-cv-00270", "Parler LLC v. Amazon.com, Inc.", REMOVAL_FILED);
    }

    public static ClaimAsserted antitrustClaim() {
        return new ClaimAsserted(count(1), CASE, 1, ClaimType.ANTITRUST, "Conspiracy in restraint of trade",
                "Sherman Act §1, 15 U.S.C. §1", dkt(1), FILED, SOURCE);
    }
}
