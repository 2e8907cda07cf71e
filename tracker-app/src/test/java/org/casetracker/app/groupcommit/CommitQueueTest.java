package org.casetracker.app.groupcommit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who waits for whom: commands that arrive while a batch commits form the next batch, but never two writes to one
 * case, and never a later write to a case before an earlier one; a batch is never larger than its maximum.
 */
class CommitQueueTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchMayCommit = new CountDownLatch(1);

    /** Records the batch; the very first one waits until the test has queued the others behind it. */
    private final Consumer<List<Member>> commit = batch -> {
        batches.add(batch.stream().map(member -> (String) member.command().getPayload()).toList());
        if (batches.size() == 1) {
            await(firstBatchMayCommit);
        }
        batch.forEach(member -> member.settle(GenericCommandResultMessage.asCommandResultMessage("done")));
    };

    @Test
    void writesToOneCaseAreNeverInOneBatchAndKeepTheirOrder() throws Exception {
        CommitQueue queue = new CommitQueue(10);
        List<Thread> senders = new ArrayList<>();
        senders.add(send(queue, "first", "a"));
        awaitWaiting(queue, 0); // the first leads a batch of its own and waits there
        senders.add(send(queue, "x-1", "x"));
        awaitWaiting(queue, 1);
        senders.add(send(queue, "x-2", "x"));
        awaitWaiting(queue, 2);
        senders.add(send(queue, "y-1", "y"));
        awaitWaiting(queue, 3);
        firstBatchMayCommit.countDown();
        for (Thread sender : senders) {
            sender.join(10_000);
        }
        assertThat(batches).containsExactly(List.of("first"), List.of("x-1", "y-1"), List.of("x-2"));
    }

    @Test
    void aBatchIsNeverLargerThanItsMaximum() throws Exception {
        CommitQueue queue = new CommitQueue(2);
        List<Thread> senders = new ArrayList<>();
        senders.add(send(queue, "first", "a"));
        awaitWaiting(queue, 0);
        for (int n = 1; n <= 5; n++) {
            senders.add(send(queue, "case-" + n, "c" + n));
            awaitWaiting(queue, n);
        }
        firstBatchMayCommit.countDown();
        for (Thread sender : senders) {
            sender.join(10_000);
        }
        assertThat(batches).containsExactly(List.of("first"), List.of("case-1", "case-2"),
                List.of("case-3", "case-4"), List.of("case-5"));
    }

    private Thread send(CommitQueue queue, String name, String theCase) {
        Member member = new Member(GenericCommandMessage.asCommandMessage(name), null, Set.of(theCase));
        Thread sender = new Thread(() -> queue.submit(member, commit), name);
        sender.start();
        if (!batches.isEmpty() || !name.equals("first")) {
            return sender;
        }
        // the first sender must have become the leader before the others arrive
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return sender;
    }

    private static void awaitWaiting(CommitQueue queue, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.waiting() != count) {
            assertThat(System.nanoTime()).as("%d commands waiting", count).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
