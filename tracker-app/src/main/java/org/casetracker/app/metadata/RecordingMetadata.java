package org.casetracker.app.metadata;

import org.axonframework.messaging.MetaData;
import org.casetracker.domain.shared.Reasoned;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the metadata of this tracker's messages; values a sender set itself are never overwritten. */
final class RecordingMetadata {

    private RecordingMetadata() {
    }

    /** Who records and under which correlation id, for the keys {@code existing} does not hold yet. */
    static Map<String, Object> whoAndWhich(MetaData existing, RecordingUser user) {
        Map<String, Object> added = new HashMap<>();
        if (!existing.containsKey(MetadataKeys.USER)) {
            added.put(MetadataKeys.USER, user.current());
        }
        if (!existing.containsKey(MetadataKeys.CORRELATION_ID)) {
            added.put(MetadataKeys.CORRELATION_ID, CorrelationIds.current().orElseGet(CorrelationIds::newId));
        }
        return added;
    }

    /** The reason and source an event's payload carries, as metadata, for the keys {@code existing} lacks. */
    static Map<String, Object> whyAndWhence(MetaData existing, Object payload) {
        Map<String, Object> added = new HashMap<>();
        if (payload instanceof Reasoned reasoned && reasoned.reason() != null
                && !existing.containsKey(MetadataKeys.REASON)) {
            added.put(MetadataKeys.REASON, reasoned.reason());
        }
        if (payload instanceof Sourced sourced && sourced.source() != null
                && !existing.containsKey(MetadataKeys.SOURCE)) {
            added.put(MetadataKeys.SOURCE, source(sourced.source()));
        }
        return added;
    }

    /** A plain map, so that the value reads the same before and after it is stored as JSON. */
    private static Map<String, String> source(Source source) {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("citation", source.citation());
        value.put("verification", source.verification() == null ? null : source.verification().name());
        return value;
    }
}
