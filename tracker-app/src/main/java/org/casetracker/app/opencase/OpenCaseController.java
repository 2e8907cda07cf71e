package org.casetracker.app.opencase;

import org.casetracker.app.api.Created;
import org.casetracker.app.api.LegalDates;
import org.casetracker.app.api.Locations;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.Slugs;
import org.casetracker.domain.shared.Text;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Open a case: its id is the slug of court and docket number, so the same docket cannot be opened twice. */
@RestController
public class OpenCaseController {

    private final DocketWriter writer;
    private final DocketDirectory directory;
    private final Clock clock;

    public OpenCaseController(DocketWriter writer, DocketDirectory directory, Clock clock) {
        this.writer = writer;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> open(@RequestBody OpenCaseRequest body) {
        String court = Text.required("court", body.court(), 40);
        String docketNumber = Text.required("docketNumber", body.docketNumber(), 80);
        if (Slugs.slug(court + " " + docketNumber).isEmpty()) {
            throw DocketRuleViolation.invalid("docketNumber", "court and docket number must contain letters or digits");
        }
        CaseId caseId = CaseId.of(court, docketNumber);
        LegalDates.notInTheFuture("filedOn", body.filedOn(), clock);
        writer.write(WriteScope.opening(caseId.value()), () -> {
            // under the case's lock: a second opening of the same docket, however close in time, is this conflict
            if (directory.caseFiledOn(caseId).isPresent()) {
                throw DocketRuleViolation.conflict("docketNumber", "case " + caseId + " is already open in the tracker");
            }
            return writer.send(new OpenCase(caseId, body.court(), body.courtName(), body.docketNumber(),
                    body.caption(), body.filedOn(), body.judge(), body.parties(), body.source()));
        });
        return Locations.created("/api/cases/" + caseId, caseId.value());
    }
}
