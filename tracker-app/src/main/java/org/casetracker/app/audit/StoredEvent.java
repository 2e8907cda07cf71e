package org.casetracker.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.Optional;

/**
 * One row of {@code domain_event_entry} exactly as stored, and the hash the chain recorded for it (null when it has
 * none). {@link #canonical()} is the object the chain hashes and the export writes (docs/audit.md).
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String aggregateType, String timestamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData, String chainedHash) {

    /** The canonical record of the event: every stored column, payload as text, metadata as a JSON object. */
    public ObjectNode canonical() {
        JsonNodeFactory nodes = CanonicalJson.nodes();
        ObjectNode record = nodes.objectNode();
        record.put("globalIndex", globalIndex);
        record.put("eventIdentifier", eventIdentifier);
        record.put("aggregateIdentifier", aggregateIdentifier);
        record.put("sequenceNumber", sequenceNumber);
        record.put("aggregateType", aggregateType);
        record.put("timestamp", timestamp);
        record.put("payloadType", payloadType);
        record.put("payloadRevision", payloadRevision);
        if (payload == null) {
            record.putNull("payload");
        } else {
            Optional<String> text = CanonicalJson.utf8(payload);
            if (text.isPresent()) {
                record.put("payload", text.get());
            } else {
                record.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
            }
        }
        if (metaData == null) {
            record.putNull("metaData");
        } else {
            Optional<JsonNode> object = metaDataObject(metaData);
            if (object.isPresent()) {
                record.set("metaData", object.get());
            } else {
                record.put("metaDataBase64", Base64.getEncoder().encodeToString(metaData));
            }
        }
        return record;
    }

    /** The bytes the chain hashes for this event. */
    public byte[] canonicalBytes() {
        return CanonicalJson.bytes(canonical());
    }

    /** The metadata as a JSON object, when the stored bytes are one (valid UTF-8, strict JSON, canonicalisable). */
    private static Optional<JsonNode> metaDataObject(byte[] stored) {
        return CanonicalJson.utf8(stored).flatMap(text -> {
            try {
                JsonNode node = CanonicalJson.parse(text);
                if (node == null || !node.isObject()) {
                    return Optional.empty();
                }
                CanonicalJson.text(node); // throws when it cannot be written canonically
                return Optional.of(node);
            } catch (Exception notAnObject) {
                return Optional.empty();
            }
        });
    }
}
