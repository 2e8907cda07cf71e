package org.casetracker.app.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/audit.md: the canonical bytes and the hash, as written there. */
class HashChainTest {

    static final StoredEvent EXAMPLE = new StoredEvent(1, "5de2cd0a-0000-4000-8000-000000000001",
            "wawd-2-21-cv-00031", 0, "CaseAggregate", "2026-11-24T08:39:36.316Z",
            "org.casetracker.domain.cases.CaseEvent$CaseOpened", "2",
            "{\"caseId\":{\"value\":\"wawd-2-21-cv-00031\"},\"court\":\"wawd\"}".getBytes(StandardCharsets.UTF_8),
            ("{\"user\":\"system\",\"correlationId\":\"c-1\",\"source\":{\"verification\":\"VERIFIED\","
                    + "\"citation\":\"https://example.org/dkt-1\"}}").getBytes(StandardCharsets.UTF_8), null);

    /** Exactly as printed in docs/audit.md. */
    static final String EXAMPLE_CANONICAL = "{\"aggregateIdentifier\":\"wawd-2-21-cv-00031\","
            + "\"aggregateType\":\"CaseAggregate\",\"eventIdentifier\":\"5de2cd0a-0000-4000-8000-000000000001\","
            + "\"globalIndex\":1,\"metaData\":{\"correlationId\":\"c-1\",\"source\":{\"citation\":"
            + "\"https://example.org/dkt-1\",\"verification\":\"VERIFIED\"},\"user\":\"system\"},"
            + "\"payload\":\"{\\\"caseId\\\":{\\\"value\\\":\\\"wawd-2-21-cv-00031\\\"},\\\"court\\\":\\\"wawd\\\"}\","
            + "\"payloadRevision\":\"2\",\"payloadType\":\"org.casetracker.domain.cases.CaseEvent$CaseOpened\","
            + "\"sequenceNumber\":0,\"timestamp\":\"2026-11-24T08:39:36.316Z\"}";

    /** As printed in docs/audit.md. */
    static final String EXAMPLE_HASH = "6502334c96dd7af93aab60ab55467a18406378262af8e30fce52f297efd2b567";

    @Test
    void theCanonicalBytesOfTheExampleAreThoseOfTheDocs() {
        assertThat(new String(EXAMPLE.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(EXAMPLE_CANONICAL);
    }

    @Test
    void theHashIsSha256OfThePreviousHashBytesThenTheCanonicalBytes() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[32]); // genesis: 32 zero bytes
        sha256.update(EXAMPLE_CANONICAL.getBytes(StandardCharsets.UTF_8));
        String independently = HexFormat.of().formatHex(sha256.digest());

        String hash = HashChain.next(HashChain.GENESIS, EXAMPLE.canonicalBytes());
        assertThat(hash).isEqualTo(independently).isEqualTo(EXAMPLE_HASH);
        assertThat(HashChain.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void eachHashDependsOnTheOneBefore() {
        String first = HashChain.next(HashChain.GENESIS, EXAMPLE.canonicalBytes());
        String second = HashChain.next(first, EXAMPLE.canonicalBytes());
        String secondFromElsewhere = HashChain.next(HashChain.GENESIS, EXAMPLE.canonicalBytes().clone());
        assertThat(second).isNotEqualTo(first).matches("[0-9a-f]{64}");
        assertThat(secondFromElsewhere).isEqualTo(first);
    }

    @Test
    void metadataKeyOrderAsStoredDoesNotMatterButItsValuesDo() {
        StoredEvent reordered = new StoredEvent(1, EXAMPLE.eventIdentifier(), EXAMPLE.aggregateIdentifier(), 0,
                EXAMPLE.aggregateType(), EXAMPLE.timestamp(), EXAMPLE.payloadType(), "2", EXAMPLE.payload(),
                ("{ \"source\": {\"citation\":\"https://example.org/dkt-1\",\"verification\":\"VERIFIED\"}, "
                        + "\"correlationId\":\"c-1\", \"user\":\"system\" }").getBytes(StandardCharsets.UTF_8), null);
        StoredEvent otherUser = new StoredEvent(1, EXAMPLE.eventIdentifier(), EXAMPLE.aggregateIdentifier(), 0,
                EXAMPLE.aggregateType(), EXAMPLE.timestamp(), EXAMPLE.payloadType(), "2", EXAMPLE.payload(),
                new String(EXAMPLE.metaData(), StandardCharsets.UTF_8).replace("system", "mallory")
                        .getBytes(StandardCharsets.UTF_8), null);
        assertThat(reordered.canonicalBytes()).isEqualTo(EXAMPLE.canonicalBytes());
        assertThat(otherUser.canonicalBytes()).isNotEqualTo(EXAMPLE.canonicalBytes());
    }
}
