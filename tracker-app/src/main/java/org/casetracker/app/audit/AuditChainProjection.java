package org.casetracker.app.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The processor that catches the hash chain up with events stored without their links: a pooled streaming processor
 * of its own ({@value #PROCESSING_GROUP}, one segment). Every appending transaction links its own events before it
 * commits (ADR 0026), so this one finds nothing to do but after an upgrade from a store chained behind its writes, or
 * events appended without a transaction. It is therefore not woken by every commit nor waited for by read-your-writes:
 * it looks at the store twice a second. At the end of each batch, in the batch's transaction, the {@link ChainWriter}
 * extends the chain from the store in global order; the order and the gaps are settled by the writer, not by the
 * order of delivery.
 * <p>
 * It never replays ({@code @DisallowReplay}: its processor refuses a reset): a chain recomputed from the store as it
 * is now would certify whatever the store now holds. The projection rebuild leaves it alone.
 */
@Component
@DisallowReplay
@ProcessingGroup(AuditChainProjection.PROCESSING_GROUP)
public class AuditChainProjection {

    public static final String PROCESSING_GROUP = "audit-chain";
    private static final String EXTEND_AT_COMMIT = AuditChainProjection.class.getName() + ".extend";

    private final ChainWriter writer;

    public AuditChainProjection(ChainWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(Object anyEvent) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(EXTEND_AT_COMMIT, key -> {
            batch.onPrepareCommit(unitOfWork -> writer.catchUp());
            return Boolean.TRUE;
        });
    }
}
