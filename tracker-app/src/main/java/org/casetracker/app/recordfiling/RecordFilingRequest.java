package org.casetracker.app.recordfiling;

import org.casetracker.app.api.EffectsBody;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/cases/{caseId}/filings}: one docket entry and the effects it has.
 * {@code dateFiledEstimated} marks a date the sources do not give (then the latest possible day).
 */
public record RecordFilingRequest(Integer entryNumber, LocalDate dateFiled, Boolean dateFiledEstimated,
                                  String filedBy, FilingType type, String title, String description,
                                  Integer pageCount, List<String> claimIds, Source source, EffectsBody effects) {
}
