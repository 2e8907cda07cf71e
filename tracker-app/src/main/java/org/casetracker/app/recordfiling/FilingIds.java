package org.casetracker.app.recordfiling;

import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Slugs;

import java.time.LocalDate;

/**
 * Ids of docket entries: {@code {caseId}-dkt-{n}} for a numbered entry; for an unnumbered one a
 * readable id from its date and type, e.g. {@code wawd-2-21-cv-00031-2021-01-14-hearing}, with a
 * counter when the same day has two of a kind.
 */
final class FilingIds {

    private FilingIds() {
    }

    static FilingId idFor(CaseId caseId, Integer entryNumber, LocalDate dateFiled, FilingType type,
                          DocketDirectory directory) {
        if (entryNumber != null) {
            return FilingId.numbered(caseId, entryNumber);
        }
        String day = dateFiled == null ? "undated" : dateFiled.toString();
        String kind = type == null ? "entry" : Slugs.slug(type.name());
        String base = caseId.value() + "-" + day + "-" + kind;
        FilingId candidate = new FilingId(base);
        for (int n = 2; directory.filingExists(candidate); n++) {
            candidate = new FilingId(base + "-" + n);
        }
        return candidate;
    }
}
