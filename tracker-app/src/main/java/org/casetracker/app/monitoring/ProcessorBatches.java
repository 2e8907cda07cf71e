package org.casetracker.app.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metrics {@code tracker.processor.batches} and {@code tracker.processor.events} (tag {@code processor}): the
 * transactions each event processor committed and the events they held. Their ratio is what a processor pays its
 * per-transaction costs (token, commit, the audit chain's extension) over: one event per batch while writes trickle
 * in, up to the batch size in a replay (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorBatches {

    static final String BATCHES = "tracker.processor.batches";
    static final String EVENTS = "tracker.processor.events";

    @Bean
    public ConfigurerModule processorBatchCounting(MeterRegistry registry) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processor) -> new Counting(registry, processor));
    }

    /** Counts each batch once, when its unit of work has committed, with the events it handled. */
    private static final class Counting implements MessageHandlerInterceptor<EventMessage<?>> {

        private final Counter batches;
        private final Counter events;
        private final String resource;

        Counting(MeterRegistry registry, String processor) {
            this.batches = Counter.builder(BATCHES).tag("processor", processor).baseUnit("transactions")
                    .description("transactions committed by the event processor").register(registry);
            this.events = Counter.builder(EVENTS).tag("processor", processor).baseUnit("events")
                    .description("events handled in the transactions the event processor committed")
                    .register(registry);
            this.resource = ProcessorBatches.class.getName() + "." + processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain interceptorChain) throws Exception {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(resource, key -> {
                AtomicInteger handled = new AtomicInteger();
                batch.afterCommit(committed -> {
                    batches.increment();
                    events.increment(handled.get());
                });
                return handled;
            }).incrementAndGet();
            return interceptorChain.proceed();
        }
    }
}
