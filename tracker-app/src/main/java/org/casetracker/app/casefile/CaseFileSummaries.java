package org.casetracker.app.casefile;

import org.casetracker.domain.casefile.CaseFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a case's row ({@link CaseFileRow}: what the case list shows, the status in force) in the projection's
 * transaction, by plain JDBC: an update by key, an insert when there was none. The whole case file is no longer
 * stored (ADR 0022), so a batch writes a few short columns, not a document that grows with the case. Callers hold the
 * case's fold lock ({@link CaseFoldLocks}), so no other writer can insert the row in between.
 */
@Component
class CaseFileSummaries {

    private static final String UPDATE = """
            update case_file set court = ?, court_name = ?, docket_number = ?, caption = ?, status = ?, disposition = ?,
            filed_on = ?, last_position = ?, last_legal_date = ?, indexed_events = ?, last_indexed = ?
            where case_id = ?""";

    private static final String INSERT = """
            insert into case_file (court, court_name, docket_number, caption, status, disposition, filed_on,
            last_position, last_legal_date, indexed_events, last_indexed, case_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    CaseFileSummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The row of {@code file}, the case folded with no cut (everything recorded, as the projection has it), and the
     * count and last position of its index rows once this batch commits, which the case's cache is checked against.
     */
    void write(CaseFile file, CaseEventStore.Shape index) {
        Object[] values = {file.court(), file.courtName(), file.docketNumber(), file.caption(), file.status().name(),
                file.disposition() == null ? null : file.disposition().name(), file.filedOn(), file.lastPosition(),
                file.lastLegalDate(), index.count(), index.lastPosition(), file.id().value()};
        if (jdbc.update(UPDATE, values) == 0) {
            jdbc.update(INSERT, values);
        }
    }
}
