package org.casetracker.app.api;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The 201 answers of writes: the id in the body, the resource in {@code Location}. */
public final class Locations {

    private Locations() {
    }

    public static ResponseEntity<Created> created(String path, String id) {
        return ResponseEntity.created(URI.create(path)).body(new Created(id));
    }
}
