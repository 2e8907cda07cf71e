package org.casetracker.app.infrastructure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Everything Axon stores (events, snapshots, tokens, metadata) is JSON written by Axon's own Jackson 2 mapper.
 * It is not Spring's mapper (Boot 4's web layer uses Jackson 3), so {@code spring.jackson.*} settings for the
 * REST API can never change the stored format.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializerConfiguration {

    /** The mapper for Axon only. Named like Axon's default so that Axon's own one is not created as well. */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return newObjectMapper();
    }

    /** The one serializer for Axon's "general", "messages" and "events" roles. */
    @Bean
    @Primary
    public JacksonSerializer axonSerializer(@Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper)
                // the app's class loader, also inside the executable jar and on processor threads
                .classLoader(AxonSerializerConfiguration.class.getClassLoader())
                .build();
    }

    // Axon looks its role-specific serializers up by these qualifiers; both are the same instance.
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(JacksonSerializer axonSerializer) {
        return axonSerializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(JacksonSerializer axonSerializer) {
        return axonSerializer;
    }

    /**
     * Fields, not getters: records, aggregates without getters (snapshots) and Axon's tokens all serialize by their
     * fields. Dates are ISO strings; unknown properties are ignored so that removing a field from an event stays
     * readable.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .build();
    }
}
