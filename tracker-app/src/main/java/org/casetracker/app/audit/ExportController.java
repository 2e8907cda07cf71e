package org.casetracker.app.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /api/export}: every event of the store up to the chain's head, in global order, one JSON line each, with
 * its metadata and its hash as the chain stored it. Written page by page as it is read (constant memory). Anyone can
 * verify the file offline with {@link ExportVerifier}, and {@code POST /api/import} loads it into an empty store.
 */
@RestController
public class ExportController {

    public static final String NDJSON = "application/x-ndjson";
    public static final String HEAD_HASH = "X-Audit-Head-Hash";
    public static final String HEAD_POSITION = "X-Audit-Head-Position";

    private final StoredEvents events;
    private final ChainCatchUp chain;
    private final int pageSize;
    private final Duration awaitChain;

    public ExportController(StoredEvents events, ChainCatchUp chain,
                            @Value("${tracker.audit.page-size:500}") int pageSize,
                            @Value("${tracker.audit.await-chain:10s}") Duration awaitChain) {
        this.events = events;
        this.chain = chain;
        this.pageSize = pageSize;
        this.awaitChain = awaitChain;
    }

    @GetMapping(path = "/api/export", produces = NDJSON)
    public void export(HttpServletResponse response) throws IOException {
        chain.awaitChained(awaitChain); // export what is chained: wait for the chain to reach the store's head
        Optional<StoredEvents.Head> head = events.chainHead();
        long headPosition = head.map(StoredEvents.Head::position).orElse(-1L);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-tracker-export.jsonl\"");
        response.setHeader(HEAD_HASH, head.map(StoredEvents.Head::hash).orElse(HashChain.GENESIS));
        head.ifPresent(h -> response.setHeader(HEAD_POSITION, Long.toString(h.position())));
        try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8))) {
            for (StoredEvent event : events.inOrder(-1, headPosition, pageSize)) {
                out.write(ExportedEvent.line(event));
                out.write('\n');
            }
        }
    }
}
