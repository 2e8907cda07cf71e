package org.casetracker.app.courtlistener;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;

/**
 * {@code POST /api/import/courtlistener} (ADMIN): a CourtListener v4 docket and a page of its docket entries.
 * 201 when it recorded something (the case or entries), 200 when everything was already there; 400 for a payload
 * that does not follow the documented schema, with nothing recorded.
 */
@RestController
public class CourtListenerImportController {

    private final CourtListenerImporter importer;

    public CourtListenerImportController(CourtListenerImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/import/courtlistener", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CourtListenerImportReport> importDocket(@RequestBody JsonNode body) {
        CourtListenerImportReport report = importer.importPage(CourtListenerPage.read(body));
        HttpStatus status = report.caseOpened() || report.recordedCount() > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).location(URI.create("/api/cases/" + report.caseId())).body(report);
    }
}
