package org.casetracker.app.concurrency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * The version of a case's record: the position (global index) of the newest event of the case, as the case-file
 * projection has indexed it. Every write to a case (to the case itself, its claims, its filings, or a link or status
 * change made by another case's order) adds an event of the case at a higher position, so the version changes with
 * every write and never comes back. It is what the case's {@code ETag} carries (docs/api.md, "Concurrency").
 */
@Component
public class CaseVersions {

    private final JdbcTemplate jdbc;

    public CaseVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's version as far as the projection has come; empty when it knows no event of the case. */
    public OptionalLong current(String caseId) {
        Long position = jdbc.queryForObject("select max(global_index) from case_event where case_id = ?", Long.class,
                caseId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }
}
