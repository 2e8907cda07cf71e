package org.casetracker.app.bench;

import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.PartyRole;
import org.casetracker.domain.claims.ClaimCommands.AssertClaim;
import org.casetracker.domain.claims.ClaimType;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEffects.MotionRuling;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands for a made-up case of about {@code events} events: an opening, three counts, and a docket in
 * which every tenth entry is a motion that the next order decides (two events: the order and the ruling).
 * Synthetic data for benchmarks only; nothing here is part of any record.
 */
final class SyntheticDocket {

    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 2);
    private static final Source SOURCE = new Source("synthetic benchmark data", Verification.UNVERIFIED);

    private SyntheticDocket() {
    }

    /** Batches of commands (each batch one unit of work) making a case of about {@code events} events. */
    static List<List<Object>> commands(String court, int number, int events, int batchSize) {
        CaseId caseId = CaseId.of(court, "1:20-cv-" + number);
        List<Object> all = new ArrayList<>();
        all.add(new OpenCase(caseId, court, "Synthetic court", "1:20-cv-" + number, "Synthetic v. Benchmark " + number,
                FIRST_DAY, "Judge Synthetic", List.of(new Party("Synthetic LLC", PartyRole.PLAINTIFF, List.of()),
                new Party("Benchmark Inc.", PartyRole.DEFENDANT, List.of())), SOURCE));
        for (int count = 1; count <= 3; count++) {
            all.add(new AssertClaim(ClaimId.of(caseId, count), caseId, count, ClaimType.OTHER, "Count " + count,
                    null, null, FIRST_DAY, SOURCE));
        }
        int produced = 4;
        FilingId pendingMotion = null;
        for (int entry = 1; produced < events; entry++) {
            LocalDate day = FIRST_DAY.plusDays(entry / 3);
            FilingId id = FilingId.numbered(caseId, entry);
            if (pendingMotion != null && entry % 10 == 1) {
                FilingEffects decides = new FilingEffects(List.of(new MotionRuling(pendingMotion, MotionStatus.DENIED)),
                        null, null, null, null);
                all.add(new RecordFiling(id, caseId, entry, day, false, "Court", FilingType.ORDER, "Order " + entry,
                        null, 2, null, SOURCE, decides));
                all.add(new org.casetracker.domain.filings.FilingCommands.DecideMotion(pendingMotion, caseId,
                        MotionStatus.DENIED, id, day, SOURCE));
                pendingMotion = null;
                produced += 2;
            } else {
                FilingType type = entry % 10 == 0 ? FilingType.MOTION : FilingType.DECLARATION;
                all.add(new RecordFiling(id, caseId, entry, day, false, "Synthetic LLC", type, type + " " + entry,
                        "entry " + entry + " of a synthetic docket", 5, null, SOURCE, FilingEffects.NONE));
                if (type == FilingType.MOTION) {
                    pendingMotion = id;
                }
                produced += 1;
            }
        }
        List<List<Object>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batchSize) {
            batches.add(all.subList(from, Math.min(all.size(), from + batchSize)));
        }
        return batches;
    }

    static String caseId(String court, int number) {
        return CaseId.of(court, "1:20-cv-" + number).value();
    }

    static LocalDate lastDay(int events) {
        return FIRST_DAY.plusDays(events / 3);
    }
}
