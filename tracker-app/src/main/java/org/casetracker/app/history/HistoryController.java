package org.casetracker.app.history;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.audit.StoredEvents;
import org.casetracker.app.casefile.CaseEventRow;
import org.casetracker.app.casefile.CaseEventRows;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/cases/{caseId}/history}: the audit trail of a case, every event in recorded order, paged, with
 * who recorded it, the request's correlation id, reason, source and hash; filtered by {@code eventType},
 * {@code user}, {@code correlationId}, {@code recordedFrom} and {@code recordedTo}.
 */
@RestController
public class HistoryController {

    static final int MAX_PAGE_SIZE = 500;

    private final CaseEventRows rows;
    private final StoredEvents chain;

    public HistoryController(CaseEventRows rows, StoredEvents chain) {
        this.rows = rows;
        this.chain = chain;
    }

    @GetMapping("/api/cases/{caseId}/history")
    public HistoryPage history(@PathVariable String caseId, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size,
                               @RequestParam(required = false) String eventType,
                               @RequestParam(required = false) String user,
                               @RequestParam(required = false) String correlationId,
                               @RequestParam(required = false) String recordedFrom,
                               @RequestParam(required = false) String recordedTo) {
        if (page < 0) {
            throw DocketRuleViolation.invalid("page", "pages are numbered from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DocketRuleViolation.invalid("size", "a page holds 1 to " + MAX_PAGE_SIZE + " entries");
        }
        HistoryFilter filter = HistoryFilter.of(caseId, eventType, user, correlationId, recordedFrom, recordedTo);
        if (!rows.existsByCaseId(caseId)) {
            throw new CaseNotFound(caseId);
        }
        Page<CaseEventRow> found = rows.findAll(filter.specification(),
                PageRequest.of(page, size, Sort.by("globalIndex")));
        Map<Long, String> hashes = chain.hashesAt(found.getContent().stream().map(CaseEventRow::globalIndex).toList());
        List<HistoryEntry> entries = found.getContent().stream().map(row -> entry(row, hashes.get(row.globalIndex())))
                .toList();
        return new HistoryPage(caseId, page, size, found.getTotalElements(), found.getTotalPages(), entries);
    }

    private static HistoryEntry entry(CaseEventRow row, String hash) {
        return new HistoryEntry(row.globalIndex(), row.eventId(), row.eventType(), row.aggregateId(),
                row.sequenceNumber(), row.legalDate(), row.recordedAt(), row.summary(), row.reason(),
                HistoryEntry.source(row.sourceCitation(), row.sourceVerification()), row.recordedBy(),
                row.correlationId(), hash);
    }
}
