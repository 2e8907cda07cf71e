package org.casetracker.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier on exports made here (the HTTP tests run it on real exports). */
class ExportVerifierTest {

    @TempDir
    Path dir;

    /** An export of {@code count} events at global indexes 3, 4, 6, 7, … (a gap at 5), with correct hashes. */
    static List<String> export(int count) {
        List<String> lines = new ArrayList<>();
        String previous = HashChain.GENESIS;
        long index = 3;
        for (int i = 0; i < count; i++) {
            StoredEvent unchained = event(index, "{\"title\":\"Entry " + i + "\",\"pages\":" + i + "}");
            previous = HashChain.next(previous, unchained.canonicalBytes());
            lines.add(ExportedEvent.line(withHash(unchained, previous)));
            index += index == 4 ? 2 : 1;
        }
        return lines;
    }

    private static StoredEvent event(long index, String payload) {
        return new StoredEvent(index, "event-" + index, "case-1", index - 3, "CaseAggregate",
                "2024-06-03T09:00:0" + (index % 10) + ".000Z", "org.example.Event", null,
                payload.getBytes(StandardCharsets.UTF_8),
                ("{\"user\":\"system\",\"correlationId\":\"c-" + index + "\"}").getBytes(StandardCharsets.UTF_8), null);
    }

    private static StoredEvent withHash(StoredEvent e, String hash) {
        return new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(),
                e.aggregateType(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), hash);
    }

    record Run(int exit, JsonNode report, String err) {
    }

    Run verify(List<String> lines) throws Exception {
        Path file = dir.resolve("export.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return run("verify", file.toString());
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ExportVerifier.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        return new Run(exit, printed.isBlank() ? null : new ObjectMapper().readTree(printed),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIntactExportVerifiesWithExitCode0() throws Exception {
        List<String> lines = export(5);
        Run run = verify(lines);
        assertThat(run.exit()).isZero();
        assertThat(run.report().get("valid").booleanValue()).isTrue();
        assertThat(run.report().get("eventsChecked").longValue()).isEqualTo(5);
        assertThat(run.report().get("firstBrokenAt").isNull()).isTrue();
        assertThat(run.report().get("headPosition").longValue()).isEqualTo(8);
        assertThat(run.report().get("headHash").textValue())
                .isEqualTo(new ObjectMapper().readTree(lines.get(4)).get("hash").textValue());
    }

    @Test
    void oneCharacterChangedInAPayloadFailsAtThatEventWithExitCode1() throws Exception {
        List<String> lines = export(5);
        lines.set(2, lines.get(2).replace("Entry 2", "Entry 9"));
        Run run = verify(lines);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.report().get("valid").booleanValue()).isFalse();
        assertThat(run.report().get("firstBrokenAt").longValue()).isEqualTo(6); // indexes 3, 4, 6, …
        assertThat(run.report().get("eventsChecked").longValue()).isEqualTo(3);
        assertThat(run.report().get("problem").textValue()).startsWith("line 3:");
    }

    @Test
    void changedMetadataARemovedLineAndReorderedLinesAreFound() throws Exception {
        List<String> metadata = export(4);
        metadata.set(1, metadata.get(1).replace("\"user\":\"system\"", "\"user\":\"mallory\""));
        assertThat(verify(metadata).report().get("firstBrokenAt").longValue()).isEqualTo(4);

        List<String> removed = export(4);
        removed.remove(1);
        assertThat(verify(removed).report().get("firstBrokenAt").longValue()).isEqualTo(6);

        List<String> reordered = export(4);
        reordered.add(1, reordered.remove(2));
        Run run = verify(reordered);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.report().get("firstBrokenAt").longValue()).isEqualTo(6);
    }

    @Test
    void whitespaceAndMemberOrderDoNotMatterButUnknownMembersDo() throws Exception {
        List<String> lines = export(2);
        ObjectMapper mapper = new ObjectMapper();
        lines.set(0, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(lines.get(0)))
                .replace("\n", " "));
        assertThat(verify(lines).exit()).isZero();

        lines.set(1, lines.get(1).replace("{\"aggregateIdentifier\"", "{\"extra\":1,\"aggregateIdentifier\""));
        Run run = verify(lines);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.report().get("problem").textValue()).contains("unknown member \"extra\"");
    }

    @Test
    void aLineThatIsNotJsonMakesTheExportInvalid() throws Exception {
        List<String> lines = export(3);
        lines.set(1, "{\"globalIndex\": 4, oops");
        Run run = verify(lines);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.report().get("problem").textValue()).startsWith("line 2: not one JSON value");
    }

    @Test
    void usageAndUnreadableFilesExitWith2() throws Exception {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("check", "x").exit()).isEqualTo(2);
        Run missing = run("verify", dir.resolve("missing.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
    }

    @Test
    void anEmptyExportIsAValidEmptyChain() throws Exception {
        Run run = verify(List.of());
        assertThat(run.exit()).isZero();
        assertThat(run.report().get("eventsChecked").longValue()).isZero();
        assertThat(run.report().get("headHash").textValue()).isEqualTo(HashChain.GENESIS);
    }
}
