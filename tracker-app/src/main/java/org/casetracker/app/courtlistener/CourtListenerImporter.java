package org.casetracker.app.courtlistener;

import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.opencase.OpenCaseController;
import org.casetracker.app.opencase.OpenCaseRequest;
import org.casetracker.app.recordfiling.RecordFilingController;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.Slugs;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records a CourtListener docket and a page of its entries through the controllers a researcher's requests go
 * through (their checks, commands and sources), as one series: the case is opened if the tracker does not hold it
 * yet (never reopened or changed if it does), then every new entry is recorded in one write under the case's
 * lock, so the entries of one import are stored together or not at all. An entry already on the docket (same
 * entry number, or same {@code recap_sequence_number} for an unnumbered one) is skipped: importing a page again
 * adds nothing, and a newer page adds only its new entries.
 */
@Component
public class CourtListenerImporter {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final DocketWriter writer;
    private final DocketDirectory directory;
    private final OpenCaseController openCase;
    private final RecordFilingController recordFiling;
    private final Clock clock;

    public CourtListenerImporter(DocketWriter writer, DocketDirectory directory, OpenCaseController openCase,
                                 RecordFilingController recordFiling, Clock clock) {
        this.writer = writer;
        this.directory = directory;
        this.openCase = openCase;
        this.recordFiling = recordFiling;
        this.clock = clock;
    }

    public CourtListenerImportReport importPage(CourtListenerPage page) {
        CourtListenerDocket docket = page.docket();
        if (Slugs.slug(docket.courtId() + " " + docket.docketNumber()).isEmpty()) {
            throw DocketRuleViolation.invalid("docket.docket_number", "court and docket number must contain letters "
                    + "or digits");
        }
        CaseId caseId = CaseId.of(docket.courtId(), docket.docketNumber());
        Optional<LocalDate> existing = directory.caseFiledOn(caseId);
        OpenCaseRequest opening = existing.isPresent() ? null : DocketCases.opening(docket);
        LocalDate filedOn = opening == null ? existing.get() : opening.filedOn();
        ImportPlan plan = ImportPlan.of(page, caseId, filedOn, clock);

        AtomicReference<CourtListenerImportReport> report = new AtomicReference<>();
        writer.inSeries(() -> {
            if (opening != null) {
                openCase.open(opening);
            }
            report.set(writer.write(WriteScope.of(caseId.value()), () -> recordNew(caseId, plan, opening != null,
                    page.next())));
        }, CATCH_UP);
        return report.get();
    }

    /** Under the case's lock: what is on the docket now is skipped, the rest recorded (retried afresh on a race). */
    private CourtListenerImportReport recordNew(CaseId caseId, ImportPlan plan, boolean opened, String next) {
        List<CourtListenerImportReport.Recorded> recorded = new ArrayList<>();
        List<CourtListenerImportReport.Skipped> skipped = new ArrayList<>(plan.skipped());
        for (PlannedEntry planned : plan.toRecord()) {
            if (directory.filingExists(planned.id())) {
                skipped.add(planned.alreadyOnTheDocket());
            } else {
                recordFiling.recordAs(caseId.value(), planned.id(), planned.filing());
                recorded.add(planned.recorded());
            }
        }
        return new CourtListenerImportReport(caseId.value(), opened, recorded.size(), skipped.size(),
                List.copyOf(recorded), List.copyOf(skipped), next);
    }
}
