package org.casetracker.app.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every transaction that appends events takes the {@link AppendLock} first (see there for why). */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public InitializingBean appendLockOnTheEventStore(EventStore eventStore, AppendLock appendLock) {
        return () -> eventStore.registerDispatchInterceptor(appendLock.beforeAppending());
    }
}
