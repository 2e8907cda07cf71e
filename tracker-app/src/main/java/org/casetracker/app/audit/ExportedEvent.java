package org.casetracker.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * One line of an export (JSON Lines): the canonical record of one event (see {@link StoredEvent#canonical()}) plus
 * its {@code hash} as the chain stored it. Read strictly: exactly the members the export writes, of their types.
 *
 * @param record the line without {@code hash}: what the hash covers
 * @param hash   the hash the line states; null when the tracker had no link for the event
 */
public record ExportedEvent(ObjectNode record, String hash, long globalIndex, String eventIdentifier,
                            String aggregateIdentifier, long sequenceNumber, String aggregateType, String timestamp,
                            String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

    private static final Set<String> MEMBERS = Set.of("globalIndex", "eventIdentifier", "aggregateIdentifier",
            "sequenceNumber", "aggregateType", "timestamp", "payloadType", "payloadRevision", "payload",
            "payloadBase64", "metaData", "metaDataBase64", "hash");
    private static final Set<String> REQUIRED = Set.of("globalIndex", "eventIdentifier", "aggregateIdentifier",
            "sequenceNumber", "aggregateType", "timestamp", "payloadType", "payloadRevision", "hash");

    /** The line the export writes for {@code event}: canonical JSON, members sorted, no trailing newline. */
    public static String line(StoredEvent event) {
        ObjectNode line = event.canonical();
        line.put("hash", event.chainedHash());
        return CanonicalJson.text(line);
    }

    /** The bytes the chain hashes for this event. */
    public byte[] canonicalBytes() {
        return CanonicalJson.bytes(record);
    }

    public static ExportedEvent parse(String line) throws MalformedLine {
        JsonNode node;
        try {
            node = CanonicalJson.parse(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLine("not one JSON value: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLine("not a JSON object", null);
        }
        ObjectNode record = ((ObjectNode) node).deepCopy();
        Long index = node.path("globalIndex").canConvertToLong() && node.path("globalIndex").isIntegralNumber()
                ? node.get("globalIndex").longValue() : null;
        for (Map.Entry<String, JsonNode> member : record.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                throw new MalformedLine("unknown member \"" + member.getKey() + "\"", index);
            }
        }
        for (String required : REQUIRED) {
            if (!record.has(required)) {
                throw new MalformedLine("\"" + required + "\" is missing", index);
            }
        }
        JsonNode hashNode = record.remove("hash");
        String hash = nullableText(hashNode, "hash", index);
        if (hash != null && !HashChain.isHash(hash)) {
            throw new MalformedLine("\"hash\" is not 64 lower-case hex digits", index);
        }
        byte[] payload = bytes(record, "payload", "payloadBase64", index);
        byte[] metaData = metaData(record, index);
        String timestamp = text(record.get("timestamp"), "timestamp", index);
        try {
            Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new MalformedLine("\"timestamp\" is not an ISO-8601 instant", index);
        }
        try {
            CanonicalJson.text(record);
        } catch (IllegalArgumentException e) {
            throw new MalformedLine(e.getMessage(), index);
        }
        return new ExportedEvent(record, hash, natural(record.get("globalIndex"), "globalIndex", index),
                text(record.get("eventIdentifier"), "eventIdentifier", index),
                text(record.get("aggregateIdentifier"), "aggregateIdentifier", index),
                natural(record.get("sequenceNumber"), "sequenceNumber", index),
                nullableText(record.get("aggregateType"), "aggregateType", index), timestamp,
                text(record.get("payloadType"), "payloadType", index),
                nullableText(record.get("payloadRevision"), "payloadRevision", index), payload, metaData);
    }

    private static long natural(JsonNode node, String name, Long index) throws MalformedLine {
        if (node == null || !node.isIntegralNumber() || node.bigIntegerValue().signum() < 0
                || node.bigIntegerValue().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            throw new MalformedLine("\"" + name + "\" is not a whole number from 0 to " + Long.MAX_VALUE, index);
        }
        return node.longValue();
    }

    private static String text(JsonNode node, String name, Long index) throws MalformedLine {
        if (node == null || !node.isTextual()) {
            throw new MalformedLine("\"" + name + "\" is not a string", index);
        }
        return node.textValue();
    }

    private static String nullableText(JsonNode node, String name, Long index) throws MalformedLine {
        return node == null || node.isNull() ? null : text(node, name, index);
    }

    /** The payload bytes: the text as UTF-8, or the Base64 member decoded; exactly one of the two is present. */
    private static byte[] bytes(ObjectNode record, String textName, String base64Name, Long index)
            throws MalformedLine {
        boolean asText = record.has(textName);
        if (asText == record.has(base64Name)) {
            throw new MalformedLine("exactly one of \"" + textName + "\" and \"" + base64Name + "\" is needed", index);
        }
        if (asText) {
            String text = nullableText(record.get(textName), textName, index);
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }
        return base64(record.get(base64Name), base64Name, index);
    }

    /** The metadata bytes to store: the object in canonical JSON, or the Base64 member decoded. */
    private static byte[] metaData(ObjectNode record, Long index) throws MalformedLine {
        boolean asObject = record.has("metaData");
        if (asObject == record.has("metaDataBase64")) {
            throw new MalformedLine("exactly one of \"metaData\" and \"metaDataBase64\" is needed", index);
        }
        if (!asObject) {
            return base64(record.get("metaDataBase64"), "metaDataBase64", index);
        }
        JsonNode metaData = record.get("metaData");
        if (metaData.isNull()) {
            return null;
        }
        if (!metaData.isObject()) {
            throw new MalformedLine("\"metaData\" is not an object", index);
        }
        try {
            return CanonicalJson.bytes(metaData);
        } catch (IllegalArgumentException e) {
            throw new MalformedLine("\"metaData\": " + e.getMessage(), index);
        }
    }

    private static byte[] base64(JsonNode node, String name, Long index) throws MalformedLine {
        try {
            return Base64.getDecoder().decode(text(node, name, index));
        } catch (IllegalArgumentException e) {
            throw new MalformedLine("\"" + name + "\" is not Base64", index);
        }
    }
}
