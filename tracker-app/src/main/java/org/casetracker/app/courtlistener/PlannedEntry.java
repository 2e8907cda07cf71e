package org.casetracker.app.courtlistener;

import org.casetracker.app.recordfiling.RecordFilingRequest;
import org.casetracker.domain.shared.FilingId;

/** An entry of the page found fit to record, with the id that recognises it and the filing it becomes. */
record PlannedEntry(CourtListenerEntry entry, FilingId id, RecordFilingRequest filing) {

    CourtListenerImportReport.Recorded recorded() {
        return new CourtListenerImportReport.Recorded(entry.at(), id.value(), filing.entryNumber(),
                entry.recapSequenceNumber(), filing.dateFiled(), filing.type(), true, entry.attachments().size());
    }

    CourtListenerImportReport.Skipped alreadyOnTheDocket() {
        return new CourtListenerImportReport.Skipped(entry.at(), id.value(), entry.entryNumber(),
                entry.recapSequenceNumber(), "already on the docket as " + id.value());
    }
}
