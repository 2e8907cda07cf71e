package org.casetracker.app.courtlistener;

import org.casetracker.domain.filings.FilingType;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of an import: the case, whether this import opened it, each entry recorded and each entry skipped
 * with the reason; {@code next} is the page's own link to the following page, to import next.
 */
public record CourtListenerImportReport(String caseId, boolean caseOpened, int recordedCount, int skippedCount,
                                        List<Recorded> recorded, List<Skipped> skipped, String next) {

    /** An entry recorded as a filing; its type was inferred from the docket text. */
    public record Recorded(String entry, String id, Integer entryNumber, String recapSequenceNumber,
                           LocalDate dateFiled, FilingType type, boolean typeInferred, int attachments) {
    }

    /** An entry not recorded, and why (already on the docket, no date, nothing to recognise it by). */
    public record Skipped(String entry, String id, Long entryNumber, String recapSequenceNumber, String reason) {
    }
}
