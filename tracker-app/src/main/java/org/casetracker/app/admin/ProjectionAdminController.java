package org.casetracker.app.admin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code POST /api/admin/projections/rebuild} rebuilds every projection from the event store (202, follow it at the
 * {@code Location}); {@code GET /api/admin/projections} shows each event processor's progress.
 */
@RestController
public class ProjectionAdminController {

    static final String PROGRESS = "/api/admin/projections";

    private final ProjectionRebuilds rebuilds;

    public ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping(PROGRESS + "/rebuild")
    public ResponseEntity<ProjectionsView> rebuild() {
        return ResponseEntity.accepted().location(URI.create(PROGRESS)).body(rebuilds.rebuild());
    }

    @GetMapping(PROGRESS)
    public ProjectionsView projections() {
        return rebuilds.view();
    }
}
