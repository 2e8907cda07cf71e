package org.casetracker.app.admin;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/admin/projections} (and of a rebuild request).
 *
 * @param rebuilding        a rebuild is replaying
 * @param rebuildStartedAt  when the last rebuild started; null if none since the tracker started
 * @param rebuildFinishedAt when it finished; null while it runs or if none
 */
public record ProjectionsView(boolean rebuilding, Instant rebuildStartedAt, Instant rebuildFinishedAt,
                              List<ProcessorProgress> processors) {
}
