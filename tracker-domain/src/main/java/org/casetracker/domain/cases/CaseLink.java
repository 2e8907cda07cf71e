package org.casetracker.domain.cases;

import org.casetracker.domain.shared.CaseId;

/** One case's relation to another, e.g. the King County case REMOVED_TO the federal removal case. */
public record CaseLink(Relation relation, CaseId otherCaseId) {
}
