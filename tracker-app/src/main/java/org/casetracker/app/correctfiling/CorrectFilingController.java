package org.casetracker.app.correctfiling;

import org.casetracker.app.api.Created;
import org.casetracker.app.api.Ids;
import org.casetracker.app.api.LegalDates;
import org.casetracker.app.api.Locations;
import org.casetracker.app.concurrency.TouchedCases;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.app.recording.FilingsOfCase;
import org.casetracker.domain.filings.FilingChanges;
import org.casetracker.domain.filings.FilingCommands.CorrectFiling;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.stream.Collectors;

/** Correct fields of a filing. Nothing is edited: a correction event changes answers from its recorded time on. */
@RestController
public class CorrectFilingController {

    private final DocketWriter writer;
    private final FilingsOfCase filings;
    private final Clock clock;
    private final TouchedCases touchedCases;

    public CorrectFilingController(DocketWriter writer, FilingsOfCase filings, Clock clock,
                                   TouchedCases touchedCases) {
        this.writer = writer;
        this.filings = filings;
        this.clock = clock;
        this.touchedCases = touchedCases;
    }

    @PostMapping(path = "/api/cases/{caseId}/filings/{filingId}/corrections",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> correct(@PathVariable String caseId, @PathVariable String filingId,
                                           @RequestBody CorrectFilingRequest body) {
        FilingId filing = filings.existing(caseId, filingId);
        if (body.changes() != null) {
            LegalDates.notInTheFuture("changes.dateFiled", body.changes().dateFiled(), clock);
        }
        try {
            // a correction of the date re-dates the filing's effects, on the other cases they reached too
            writer.write(WriteScope.of(caseId, touchedCases.byEffectsOf(filing)),
                    () -> writer.send(new CorrectFiling(filing, changes(body), body.reason())));
        } catch (DocketRuleViolation violation) {
            throw asSentByClient(violation);
        }
        return Locations.created("/api/cases/" + caseId + "/filings/" + filing, filing.value());
    }

    /** The source of the corrected values is sent at the top level, the domain checks it among the changes. */
    private static DocketRuleViolation asSentByClient(DocketRuleViolation violation) {
        String field = violation.field();
        if (field == null || !field.startsWith("changes.source")) {
            return violation;
        }
        return new DocketRuleViolation(violation.kind(), field.substring("changes.".length()), violation.getMessage());
    }

    private static FilingChanges changes(CorrectFilingRequest body) {
        CorrectFilingRequest.Changes c = body.changes();
        if (c == null) {
            return body.source() == null ? null
                    : new FilingChanges(null, null, null, null, null, null, null, null, body.source());
        }
        return new FilingChanges(c.dateFiled(), c.dateFiledEstimated(), c.filedBy(), c.type(), c.title(),
                c.description(), c.pageCount(),
                c.claimIds() == null ? null : c.claimIds().stream().map(Ids::claim).collect(Collectors.toList()),
                body.source());
    }
}
