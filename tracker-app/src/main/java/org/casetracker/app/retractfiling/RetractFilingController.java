package org.casetracker.app.retractfiling;

import org.casetracker.app.api.Created;
import org.casetracker.app.api.Locations;
import org.casetracker.app.concurrency.TouchedCases;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.app.recording.FilingsOfCase;
import org.casetracker.domain.filings.EffectCommands;
import org.casetracker.domain.filings.FilingCommands.RetractFiling;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.shared.FilingId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retract an entry recorded in error: it leaves the docket and its effects are undone on every
 * aggregate they touched, in one transaction. Nothing is deleted; the history keeps both.
 */
@RestController
public class RetractFilingController {

    private final DocketWriter writer;
    private final FilingsOfCase filings;
    private final TouchedCases touchedCases;

    public RetractFilingController(DocketWriter writer, FilingsOfCase filings, TouchedCases touchedCases) {
        this.writer = writer;
        this.filings = filings;
        this.touchedCases = touchedCases;
    }

    @PostMapping(path = "/api/cases/{caseId}/filings/{filingId}/retraction",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> retract(@PathVariable String caseId, @PathVariable String filingId,
                                           @RequestBody RetractFilingRequest body) {
        FilingId filing = filings.existing(caseId, filingId);
        writer.write(WriteScope.of(caseId, touchedCases.byEffectsOf(filing)), () -> {
            FilingRetracted retracted = writer.send(new RetractFiling(filing, body.reason()));
            writer.sendAll(EffectCommands.toUndo(filing, retracted.dateFiled(), retracted.effects(),
                    retracted.reason()));
            return filing;
        });
        return Locations.created("/api/cases/" + caseId + "/filings/" + filing, filing.value());
    }
}
