package org.casetracker.app.opencase;

import org.casetracker.domain.cases.Party;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/cases}. */
public record OpenCaseRequest(String court, String courtName, String docketNumber, String caption,
                              LocalDate filedOn, String judge, List<Party> parties, Source source) {
}
