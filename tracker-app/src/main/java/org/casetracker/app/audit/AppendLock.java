package org.casetracker.app.audit;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Makes the order of global indexes the order of commits. Every transaction that appends events locks one row
 * ({@code audit_append_lock}, id 1) just before the events are inserted (that is when Hibernate draws their global
 * indexes from the sequence) and holds it until it commits or rolls back. So while the {@link ChainWriter} holds the
 * same lock, no transaction sits between drawing an index and committing: every index up to the store's maximum is
 * either committed or will never exist. The chain can then be extended up to that maximum without ever skipping an
 * event that commits later. Appends are serialised only for the few milliseconds from insert to commit.
 */
@Component
public class AppendLock {

    private static final String LOCK = "select id from audit_append_lock where id = 1 for update";
    private static final String CREATE = """
            insert into audit_append_lock (id) select 1 where not exists (select 1 from audit_append_lock where id = 1)""";

    private final JdbcTemplate jdbc;

    /** The entity manager factory is asked for so that the table exists (Hibernate creates it) before first use. */
    public AppendLock(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      @SuppressWarnings("unused") EntityManagerFactory tablesCreated) {
        this.jdbc = jdbc;
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.update(CREATE));
    }

    /** Takes the lock in the current transaction; it is released when that transaction ends. */
    public void acquire() {
        List<Integer> row = jdbc.queryForList(LOCK, Integer.class);
        if (row.isEmpty()) {
            // someone deleted the row: put it back rather than run unprotected
            jdbc.update(CREATE);
            jdbc.queryForList(LOCK, Integer.class);
        }
    }

    /** On the event store: the lock is taken before a transaction's events are stored. */
    MessageDispatchInterceptor<EventMessage<?>> beforeAppending() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                if (!messages.isEmpty() && TransactionSynchronizationManager.isActualTransactionActive()) {
                    acquire();
                }
                return (index, message) -> message;
            }
        };
    }
}
