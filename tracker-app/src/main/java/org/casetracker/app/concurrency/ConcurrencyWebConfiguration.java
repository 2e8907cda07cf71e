package org.casetracker.app.concurrency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The case's {@code ETag} on the reads of one case. */
@Configuration(proxyBeanMethods = false)
public class ConcurrencyWebConfiguration implements WebMvcConfigurer {

    private final CaseVersions versions;

    public ConcurrencyWebConfiguration(CaseVersions versions) {
        this.versions = versions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CaseETagInterceptor(versions)).addPathPatterns("/api/cases/*", "/api/cases/*/**");
    }
}
