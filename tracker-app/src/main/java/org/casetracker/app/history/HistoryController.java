package org.casetracker.app.history;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.casefile.CaseEventRow;
import org.casetracker.app.casefile.CaseEventRows;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseId}/history}: the audit trail of a case, every event in recorded order, paged. */
@RestController
public class HistoryController {

    static final int MAX_PAGE_SIZE = 500;

    private final CaseEventRows rows;

    public HistoryController(CaseEventRows rows) {
        this.rows = rows;
    }

    @GetMapping("/api/cases/{caseId}/history")
    public HistoryPage history(@PathVariable String caseId, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw DocketRuleViolation.invalid("page", "pages are numbered from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DocketRuleViolation.invalid("size", "a page holds 1 to " + MAX_PAGE_SIZE + " entries");
        }
        if (!rows.existsByCaseId(caseId)) {
            throw new CaseNotFound(caseId);
        }
        Page<CaseEventRow> found = rows.findByCaseIdOrderByGlobalIndexAsc(caseId, PageRequest.of(page, size));
        return new HistoryPage(caseId, page, size, found.getTotalElements(), found.getTotalPages(),
                found.getContent().stream().map(HistoryController::entry).toList());
    }

    private static HistoryEntry entry(CaseEventRow row) {
        return new HistoryEntry(row.globalIndex(), row.eventId(), row.eventType(), row.aggregateId(),
                row.sequenceNumber(), row.legalDate(), row.recordedAt(), row.summary(), row.reason(),
                HistoryEntry.source(row.sourceCitation(), row.sourceVerification()));
    }
}
