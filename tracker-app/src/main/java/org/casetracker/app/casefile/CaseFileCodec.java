package org.casetracker.app.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetracker.app.infrastructure.AxonSerializerConfiguration;
import org.casetracker.domain.casefile.CaseFile;
import org.springframework.stereotype.Component;

/** The stored form of a live case file: JSON written like the events (fields, ISO dates). */
@Component
public class CaseFileCodec {

    private final ObjectMapper mapper = AxonSerializerConfiguration.newObjectMapper();

    String write(CaseFile file) {
        try {
            return mapper.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case file " + file.id() + " cannot be written as JSON", e);
        }
    }

    CaseFile read(String document) {
        try {
            return mapper.readValue(document, CaseFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case file cannot be read; rebuild the projections", e);
        }
    }
}
