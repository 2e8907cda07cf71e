package org.casetracker.app.http;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.casetracker.app.groupcommit.GroupCommitCommandBus;
import org.casetracker.app.groupcommit.GroupCommitStatistics;
import org.casetracker.app.http.Http.Reply;
import org.casetracker.app.metadata.CorrelationIds;
import org.casetracker.app.metadata.MetadataKeys;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit (ADR 0015): filings sent at the same moment through the command gateway, from several threads, each
 * as a different user under its own correlation id, share commits; in every other round one of them is refused. Each
 * sender is answered only once its filing is committed (read back at once on another connection), a refusal answers
 * only its sender, each event carries its own sender's user and correlation id, and the audit chain verifies.
 * <p>
 * The batches are made to form, not left to timing: in each round a "gate" filing to a case of its own is held in its
 * handler until all the senders wait in the queue behind it; released, the next leader takes all of them at once.
 */
class GroupCommitTest extends RecordedAppTest {

    private static final int SENDERS = 6;
    private static final int ROUNDS = 12;
    private static final Source SOURCE = new Source("https://example.org/group-commit", Verification.UNVERIFIED);

    @Autowired
    CommandGateway gateway;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventStore eventStore;

    @Test
    void concurrentFilingsShareCommitsAndEachKeepsItsAnswerAndItsMetadata() throws Exception {
        List<CaseId> cases = new ArrayList<>();
        for (int n = 0; n < SENDERS; n++) {
            cases.add(new CaseId(openCase("2021-01-11")));
        }
        CaseId gateCase = new CaseId(openCase("2021-01-11"));
        GroupCommitCommandBus bus = (GroupCommitCommandBus) commandBus;
        GroupCommitStatistics statistics = bus.statistics();
        long batchesBefore = statistics.batches();
        long batchedBefore = statistics.batchedCommands();
        long rerunBefore = statistics.rerunBatches();
        Map<FilingId, String[]> senderOf = new ConcurrentHashMap<>();
        CyclicBarrier ready = new CyclicBarrier(SENDERS + 1);
        CyclicBarrier go = new CyclicBarrier(SENDERS + 1);
        Gate gate = new Gate(gateCase);
        Registration held = bus.registerHandlerInterceptor(gate);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 1);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int n = 0; n < SENDERS; n++) {
                int sender = n;
                senders.add(pool.submit(() -> {
                    send(sender, cases.get(sender), ready, go, senderOf);
                    return null;
                }));
            }
            for (int round = 0; round < ROUNDS; round++) {
                ready.await(1, TimeUnit.MINUTES); // the senders are done with the round before
                Future<?> gateFiling = pool.submit(gate.filing(round + 1));
                gate.awaitHeld();
                go.await(1, TimeUnit.MINUTES);
                awaitWaiting(bus, SENDERS);
                gate.release();
                gateFiling.get(1, TimeUnit.MINUTES);
            }
            awaitAll(senders);
        } finally {
            held.cancel();
            pool.shutdownNow();
        }

        // each round's senders were committed in one batch; every other batch held a refusal and was run again
        assertThat(statistics.batches() - batchesBefore).as("batches of several filings committed")
                .isEqualTo(ROUNDS / 2);
        assertThat(statistics.batchedCommands() - batchedBefore).isEqualTo((long) SENDERS * ROUNDS / 2);
        assertThat(statistics.rerunBatches() - rerunBefore).as("batches with a refusal, run again one by one")
                .isEqualTo(ROUNDS / 2);
        assertThat(senderOf).hasSize(SENDERS * ROUNDS - ROUNDS / 2);
        senderOf.forEach((filing, sender) -> {
            DomainEventMessage<?> recorded = eventStore.readEvents(filing.value(), 0).next();
            MetaData metadata = recorded.getMetaData();
            assertThat(metadata.get(MetadataKeys.USER)).as("user of " + filing).isEqualTo(sender[0]);
            assertThat(metadata.get(MetadataKeys.CORRELATION_ID)).as("correlation id of " + filing)
                    .isEqualTo(sender[1]);
        });
        Reply verify = http.get("/api/audit/verify").expect(200);
        assertThat((Boolean) verify.read("$.valid")).isTrue();
        assertThat((Object) verify.read("$.firstBrokenAt")).isNull();
    }

    /** One sender: a filing per round, all senders at once; in odd rounds one sender's filing is refused. */
    private void send(int sender, CaseId caseId, CyclicBarrier ready, CyclicBarrier go,
                      Map<FilingId, String[]> senderOf) throws Exception {
        String user = "group-commit-recorder-" + sender;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_RECORDER"))));
        try {
            for (int round = 0; round < ROUNDS; round++) {
                FilingId filing = FilingId.numbered(caseId, round + 1);
                boolean refused = round % 2 == 1 && (round / 2) % SENDERS == sender;
                String correlationId = "group-commit-" + sender + "-" + round;
                RecordFiling command = new RecordFiling(filing, caseId, round + 1, LocalDate.of(2021, 2, 1), false,
                        "Group LLC", FilingType.DECLARATION, "DECLARATION " + round, null, refused ? -1 : 3, null,
                        SOURCE, FilingEffects.NONE);
                ready.await(1, TimeUnit.MINUTES);
                go.await(1, TimeUnit.MINUTES);
                try (CorrelationIds.Scope ignored = CorrelationIds.open(correlationId)) {
                    if (refused) {
                        assertThatThrownBy(() -> gateway.sendAndWait(command))
                                .isInstanceOf(DocketRuleViolation.class);
                        assertThat(committedEvents(filing)).isZero();
                    } else {
                        gateway.sendAndWait(command);
                        // answered: so committed, and visible to any other connection at once
                        assertThat(committedEvents(filing)).as("committed when answered: " + filing).isEqualTo(1);
                        senderOf.put(filing, new String[]{user, correlationId});
                    }
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void awaitWaiting(GroupCommitCommandBus bus, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (bus.waitingToCommit() < count) {
            assertThat(System.nanoTime()).as("senders waiting behind the gate").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    /** Holds the handling of the gate case's filings until released, once per round. */
    private final class Gate implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final CaseId gateCase;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch released = new CountDownLatch(1);

        Gate(CaseId gateCase) {
            this.gateCase = gateCase;
        }

        Runnable filing(int entry) {
            held = new CountDownLatch(1);
            released = new CountDownLatch(1);
            RecordFiling command = new RecordFiling(FilingId.numbered(gateCase, entry), gateCase, entry,
                    LocalDate.of(2021, 2, 1), false, "Gate LLC", FilingType.DECLARATION, "GATE " + entry, null, 1,
                    null, SOURCE, FilingEffects.NONE);
            return () -> gateway.sendAndWait(command);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(1, TimeUnit.MINUTES)).as("gate filing handled").isTrue();
        }

        void release() {
            released.countDown();
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unit, InterceptorChain chain) throws Exception {
            if (unit.getMessage().getPayload() instanceof RecordFiling filing && filing.caseId().equals(gateCase)) {
                held.countDown();
                if (!released.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("gate never released");
                }
            }
            return chain.proceed();
        }
    }

    /** Waits for every sender; rethrows the first real failure (not the broken barrier it leaves the others). */
    private static void awaitAll(List<Future<?>> senders) throws Exception {
        ExecutionException first = null;
        for (Future<?> sender : senders) {
            try {
                sender.get(3, TimeUnit.MINUTES);
            } catch (ExecutionException failed) {
                if (first == null || first.getCause() instanceof BrokenBarrierException) {
                    first = failed;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Read outside any transaction of this thread: on a connection of its own, which sees only what is committed. */
    private long committedEvents(FilingId filing) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, filing.value());
    }
}
