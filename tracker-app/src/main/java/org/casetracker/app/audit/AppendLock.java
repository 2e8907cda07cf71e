package org.casetracker.app.audit;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Makes the order of global indexes the order of commits. Every transaction that appends events takes the lock just
 * before the events are inserted (that is when Hibernate draws their global indexes from the sequence) and holds it
 * until it commits or rolls back. So while a transaction holds it, no other sits between drawing an index and
 * committing: every index up to the store's maximum is either committed or will never exist, and the chain can be
 * extended up to that maximum without ever skipping an event that commits later. The appending transaction does that
 * itself just before it commits ({@link ChainWriter#extendHoldingTheAppendLock}, ADR 0026). Appends are serialised
 * only from their first event to their commit.
 * <p>
 * The lock is a row ({@code audit_append_lock}, id 1) wherever other processes may append (PostgreSQL, an H2 server);
 * on a store only this process can open (embedded H2: a file or in-memory database) it is a semaphore of this process
 * held the same way, which writes nothing ({@link ProcessAppendLock}, ADR 0024).
 */
@Component
public class AppendLock {

    private static final String LOCK = "select id from audit_append_lock where id = 1 for update";
    private static final String CREATE = """
            insert into audit_append_lock (id) select 1 where not exists (select 1 from audit_append_lock where id = 1)""";

    private static final Object CHAINED_AT_COMMIT = AppendLock.class.getName() + ".chainedAtCommit";

    private final JdbcTemplate jdbc;
    private final ProcessAppendLock inThisProcess; // null: the row
    private final ObjectProvider<ChainWriter> chain; // which takes this lock itself

    /** The entity manager factory is asked for so that the table exists (Hibernate creates it) before first use. */
    public AppendLock(JdbcTemplate jdbc, PlatformTransactionManager transactions, DataSource dataSource,
                      ObjectProvider<ChainWriter> chain,
                      @SuppressWarnings("unused") EntityManagerFactory tablesCreated) {
        this.jdbc = jdbc;
        this.chain = chain;
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

    /**
     * Takes the lock in the current transaction; it is released when that transaction ends. Before that transaction
     * commits, the {@link ChainWriter} links what it appended, while it still holds the lock (ADR 0026).
     */
    public void acquire() {
        if (inThisProcess != null) {
            inThisProcess.acquireForTransaction();
        } else {
            lockRow();
        }
        chainBeforeCommit();
    }

    private void lockRow() {
        List<Integer> row = jdbc.queryForList(LOCK, Integer.class);
        if (row.isEmpty()) {
            // someone deleted the row: put it back rather than run unprotected
            jdbc.update(CREATE);
            jdbc.queryForList(LOCK, Integer.class);
        }
    }

    /** Once per transaction: its events and their links commit together. */
    private void chainBeforeCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(CHAINED_AT_COMMIT)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(CHAINED_AT_COMMIT, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                chain.getObject().extendHoldingTheAppendLock();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CHAINED_AT_COMMIT);
            }
        });
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
