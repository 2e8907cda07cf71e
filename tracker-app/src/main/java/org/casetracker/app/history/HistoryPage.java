package org.casetracker.app.history;

import java.util.List;

/** A page of a case's history. */
public record HistoryPage(String caseId, int page, int size, long totalEntries, int totalPages,
                          List<HistoryEntry> entries) {
}
