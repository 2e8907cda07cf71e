package org.casetracker.app.audit;

import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an export into an empty store. The body is spooled to a temporary file; the whole chain in it is verified
 * before anything is written; then every event is appended as exported (global index, identifiers, sequence number,
 * timestamp, payload type and revision, payload and metadata bytes) in one transaction, straight into the JPA event
 * store's table, and the global-index sequence is moved past the last one. The processors then fold the events and
 * chain them: the chain comes out with the export's head hash.
 */
@Service
public class EventImporter {

    private static final String INSERT = """
            insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                type, time_stamp, payload_type, payload_revision, payload, meta_data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int BATCH = 500;

    private final StoredEvents events;
    private final AppendLock appendLock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProjectionCatchUp catchUp;
    private final Duration awaitProjections;

    public EventImporter(StoredEvents events, AppendLock appendLock, JdbcTemplate jdbc,
                         PlatformTransactionManager transactions, ProjectionCatchUp catchUp,
                         @Value("${tracker.audit.import-await-projections:60s}") Duration awaitProjections) {
        this.events = events;
        this.appendLock = appendLock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.catchUp = catchUp;
        this.awaitProjections = awaitProjections;
    }

    public ImportReport importFrom(InputStream body) throws IOException {
        requireEmptyStore();
        Path spool = Files.createTempFile("tracker-import-", ".jsonl");
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            ExportChainCheck.Verdict verdict;
            try (BufferedReader lines = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                verdict = ExportChainCheck.verify(lines);
            } catch (CharacterCodingException e) {
                throw DocketRuleViolation.invalid("body", "the export is not UTF-8 text");
            }
            if (!verdict.valid()) {
                throw DocketRuleViolation.invalid("body", "the export does not verify, nothing was imported: "
                        + verdict.problem());
            }
            if (verdict.eventsChecked() == 0) {
                throw DocketRuleViolation.invalid("body", "the export holds no events");
            }
            long imported = transaction.execute(status -> append(spool));
            boolean caughtUp = catchUp.awaitCaughtUp(awaitProjections);
            return new ImportReport(imported, verdict.headPosition(), verdict.headHash(), caughtUp);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private long append(Path spool) {
        appendLock.acquire(); // no write can slip in between the check and the import
        requireEmptyStore();
        long last = -1;
        long count = 0;
        try (BufferedReader lines = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            List<Object[]> batch = new ArrayList<>(BATCH);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ExportedEvent event = ExportedEvent.parse(line);
                batch.add(new Object[]{event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                        event.sequenceNumber(), event.aggregateType(), event.timestamp(), event.payloadType(),
                        event.payloadRevision(), event.payload(), event.metaData()});
                last = event.globalIndex();
                count++;
                if (batch.size() == BATCH) {
                    jdbc.batchUpdate(INSERT, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                jdbc.batchUpdate(INSERT, batch);
            }
            // new events continue after the imported ones (H2 and PostgreSQL: does not end the transaction)
            jdbc.execute("alter sequence domain_event_global_index_seq restart with " + (last + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedLine e) {
            throw new IllegalStateException("a line verified a moment ago no longer reads", e);
        } catch (DataAccessException e) {
            throw DocketRuleViolation.invalid("body", "the export cannot be stored (an event or an aggregate's "
                    + "sequence number appears twice?): " + e.getMostSpecificCause().getMessage());
        }
        return count;
    }

    private void requireEmptyStore() {
        long stored = events.countEvents();
        long links = events.countLinks();
        if (stored > 0 || links > 0) {
            throw DocketRuleViolation.conflict("store", "the event store already holds " + stored
                    + " events (and the chain " + links + " links): an export is imported into an empty store only");
        }
    }
}
