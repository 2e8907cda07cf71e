package org.casetracker.app.courtlistener;

import org.casetracker.app.api.LegalDates;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, before anything is recorded, what each entry of the page becomes: a filing to record, or an entry
 * skipped with its reason. Whatever would make the tracker refuse a filing (a date in the future or before the
 * case was filed, two entries with one id, a docket text too long) refuses the whole import here, so an import
 * stores all of its entries or none.
 *
 * @param toRecord the entries to record unless already on the docket (checked under the case's lock)
 * @param skipped  the entries the tracker cannot record, with the reason
 */
record ImportPlan(List<PlannedEntry> toRecord, List<CourtListenerImportReport.Skipped> skipped) {

    /** Entry numbers the tracker takes; CourtListener's 0 and appellate PACER ids are treated as unnumbered. */
    static final long MAX_ENTRY_NUMBER = 1_000_000;

    static ImportPlan of(CourtListenerPage page, CaseId caseId, LocalDate caseFiledOn, Clock clock) {
        List<PlannedEntry> toRecord = new ArrayList<>();
        List<CourtListenerImportReport.Skipped> skipped = new ArrayList<>();
        Map<FilingId, String> seen = new HashMap<>();
        for (CourtListenerEntry given : page.entries()) {
            CourtListenerEntry entry = withUsableNumber(given);
            if (entry.entryNumber() == null && entry.recapSequenceNumber() == null) {
                skipped.add(skip(entry, "neither entry_number nor recap_sequence_number: nothing recognises the "
                        + "entry on a later import; record it by hand"));
                continue;
            }
            FilingId id = EntryFilings.idOf(caseId, entry);
            if (entry.dateFiled() == null) {
                skipped.add(new CourtListenerImportReport.Skipped(entry.at(), id.value(), entry.entryNumber(),
                        entry.recapSequenceNumber(), "no date_filed: the tracker dates every entry; record it by "
                        + "hand with the date from the docket sheet (or an estimated one)"));
                continue;
            }
            String field = entry.at() + (entry.entryNumber() != null ? ".entry_number" : ".recap_sequence_number");
            String earlier = seen.putIfAbsent(id, entry.at());
            if (earlier != null) {
                throw DocketRuleViolation.invalid(field, "the same entry as " + earlier + " (" + id + ")");
            }
            check(entry, caseFiledOn, clock);
            FilingType type = DocketTextTypes.infer(entry.description());
            toRecord.add(new PlannedEntry(entry, id, EntryFilings.request(page.docket(), entry, type)));
        }
        return new ImportPlan(List.copyOf(toRecord), List.copyOf(skipped));
    }

    private static void check(CourtListenerEntry entry, LocalDate caseFiledOn, Clock clock) {
        LegalDates.notInTheFuture(entry.at() + ".date_filed", entry.dateFiled(), clock);
        if (entry.dateFiled().isBefore(caseFiledOn)) {
            throw DocketRuleViolation.invalid(entry.at() + ".date_filed", entry.dateFiled()
                    + " is before the case was filed (" + caseFiledOn + ")");
        }
        if (entry.description() != null && entry.description().length() > EntryFilings.MAX_DOCKET_TEXT) {
            throw DocketRuleViolation.invalid(entry.at() + ".description", "a docket text has at most "
                    + EntryFilings.MAX_DOCKET_TEXT + " characters here");
        }
    }

    private static CourtListenerEntry withUsableNumber(CourtListenerEntry entry) {
        Long number = entry.entryNumber();
        if (number == null || (number >= 1 && number <= MAX_ENTRY_NUMBER)) {
            return entry;
        }
        return new CourtListenerEntry(entry.at(), entry.id(), null, entry.recapSequenceNumber(), entry.dateFiled(),
                entry.description(), entry.resourceUri(), entry.documents());
    }

    private static CourtListenerImportReport.Skipped skip(CourtListenerEntry entry, String reason) {
        return new CourtListenerImportReport.Skipped(entry.at(), null, entry.entryNumber(),
                entry.recapSequenceNumber(), reason);
    }
}
