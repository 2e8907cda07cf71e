package org.casetracker.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code POST /api/import} ({@value ExportController#NDJSON}): loads an export of {@code GET /api/export} into an
 * empty store. 409 when the store holds events; 400 when a line is malformed or the chain in the file does not
 * verify (then nothing is written).
 */
@RestController
public class ImportController {

    private final EventImporter importer;

    public ImportController(EventImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/import", consumes = ExportController.NDJSON)
    public ImportReport importExport(HttpServletRequest request) throws IOException {
        return importer.importFrom(request.getInputStream());
    }
}
