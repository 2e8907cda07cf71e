package org.casetracker.app.casefile;

import org.casetracker.domain.casefile.CaseFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a case's live case file row ({@link CaseFileRow}) in the projection's transaction, by plain JDBC: an
 * update by key, an insert when there was none. Loading the row through JPA first read the previous document (the
 * whole fold as JSON, which grows with the case) only to overwrite it, and made Hibernate compare it at the flush.
 * Callers hold the case's fold lock ({@link CaseFoldLocks}), so no other writer can insert the row in between.
 */
@Component
class CaseFileDocuments {

    private static final String UPDATE = """
            update case_file set court = ?, docket_number = ?, caption = ?, status = ?, disposition = ?, filed_on = ?,
            last_position = ?, document = ? where case_id = ?""";

    private static final String INSERT = """
            insert into case_file (court, docket_number, caption, status, disposition, filed_on, last_position,
            document, case_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final CaseFileCodec codec;

    CaseFileDocuments(JdbcTemplate jdbc, CaseFileCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    void write(CaseFile file) {
        Object[] values = {file.court(), file.docketNumber(), file.caption(), file.status().name(),
                file.disposition() == null ? null : file.disposition().name(), file.filedOn(), file.lastPosition(),
                codec.write(file), file.id().value()};
        if (jdbc.update(UPDATE, values) == 0) {
            jdbc.update(INSERT, values);
        }
    }
}
