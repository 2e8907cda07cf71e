package org.casetracker.app.audit;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Makes the order of global indexes the order of commits. Every transaction that appends events locks one row
 * ({@code audit_append_lock}, id 1) just before the events are inserted (that is when Hibernate draws their global
 * indexes from the sequence) and holds it until it commits or rolls back. So while the {@link ChainWriter} holds the
 * same lock, no transaction sits between drawing an index and committing: every index up to the store's maximum is
 * either committed or will never exist. The chain can then be extended up to that maximum without ever skipping an
 * event that commits later. Appends are serialised only for the few milliseconds from insert to commit.
 * <p>
 * On a store only this process can open (embedded H2: a file or in-memory database, no server mode) the lock is a
 * semaphore of this process held the same way, which writes nothing ({@link ProcessAppendLock}, ADR 0024); wherever
 * other processes may append (PostgreSQL, an H2 server) it is the row.
 */
@Component
public class AppendLock {

    private static final String LOCK = "select id from audit_append_lock where id = 1 for update";
    private static final String CREATE = """
            insert into audit_append_lock (id) select 1 where not exists (select 1 from audit_append_lock where id = 1)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final ProcessAppendLock inThisProcess; // null: the row

    /** The entity manager factory is asked for so that the table exists (Hibernate creates it) before first use. */
    public AppendLock(JdbcTemplate jdbc, PlatformTransactionManager transactions, DataSource dataSource,
                      @SuppressWarnings("unused") EntityManagerFactory tablesCreated) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inThisProcess = onlyThisProcessAppends(dataSource) ? new ProcessAppendLock() : null;
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.update(CREATE));
    }

    /** An embedded H2 database (file or memory) without automatic mixed mode: no other process can write to it. */
    public static boolean onlyThisProcessAppends(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL().toLowerCase(Locale.ROOT);
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                    && !url.contains("auto_server=true");
        } catch (SQLException e) {
            return false; // then the row, which is right for any store
        }
    }

    /** Takes the lock in the current transaction; it is released when that transaction ends. */
    public void acquire() {
        if (inThisProcess != null) {
            inThisProcess.acquireForTransaction();
            return;
        }
        List<Integer> row = jdbc.queryForList(LOCK, Integer.class);
        if (row.isEmpty()) {
            // someone deleted the row: put it back rather than run unprotected
            jdbc.update(CREATE);
            jdbc.queryForList(LOCK, Integer.class);
        }
    }

    /**
     * {@code read} while holding the lock for a moment, released at once: the row in a short transaction of its own,
     * or the semaphore. Appends wait only for this read.
     */
    public long whileHeld(LongSupplier read) {
        if (inThisProcess != null) {
            return inThisProcess.whileHeld(read);
        }
        Long value = separately.execute(status -> {
            acquire();
            return read.getAsLong();
        });
        return value == null ? -1 : value;
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
