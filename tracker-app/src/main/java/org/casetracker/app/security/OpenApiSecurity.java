package org.casetracker.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.casetracker.app.idempotency.IdempotencyFilter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The OpenAPI document says how to authenticate (HTTP Basic or an API token as a bearer token) and which headers a
 * write takes besides its body: {@code Idempotency-Key} and {@code If-Match}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiSecurity {

    static final String BASIC = "basic";
    static final String TOKEN = "apiToken";

    @Bean
    OpenApiCustomizer trackerSecuritySchemes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("A configured user (docs/security.md)"))
                    .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API token for scripts; it acts as the configured user it names"));
        };
    }

    @Bean
    OperationCustomizer trackerWriteHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Makes a retry safe: the same key with the same body gets the first answer "
                                + "again and stores nothing; with another body it is a 422")
                        .schema(new StringSchema().maxLength(200)));
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("The case's ETag as last read: a write to a case that has changed since is a "
                                + "412 and stores nothing (not evaluated when opening a case)")
                        .schema(new StringSchema()));
                operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
                operation.addSecurityItem(new SecurityRequirement().addList(TOKEN));
            }
            return operation;
        };
    }
}
