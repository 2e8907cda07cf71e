package org.casetracker.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;

/**
 * {@code CaseOpened} revision 1 (stored with no revision) held one {@code "judge": "…"} (or null); revision 2 holds
 * {@code "judges": […]}. Old events are read as revision 2 with a list of that one judge (empty when there was none).
 * The stored bytes never change: upcasting happens on every read, so the hash chain is untouched.
 */
public class CaseOpenedJudgesUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CaseOpened.class.getName(), null);
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CaseOpened.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, CaseOpenedJudgesUpcaster::judges);
    }

    private static JsonNode judges(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        JsonNode judge = event.remove("judge");
        ArrayNode judges = event.putArray("judges");
        if (judge != null && !judge.isNull()) {
            judges.add(judge.asText());
        }
        return event;
    }
}
