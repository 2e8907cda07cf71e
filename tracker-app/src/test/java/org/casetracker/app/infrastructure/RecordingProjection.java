package org.casetracker.app.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/** A slow test projection: handles MatterOpened only (MatterNoted passes it by), and can be held at a gate. */
@ProcessingGroup(RecordingProjection.GROUP)
public class RecordingProjection {

    static final String GROUP = "infra-test-projection";

    final List<String> opened = new CopyOnWriteArrayList<>();
    private final Semaphore gate = new Semaphore(1);

    @EventHandler
    void on(InfraTestMessages.MatterOpened event) throws InterruptedException {
        gate.acquire();
        try {
            Thread.sleep(20); // slow enough that not waiting would be seen
            opened.add(event.id());
        } finally {
            gate.release();
        }
    }

    void close() throws InterruptedException {
        gate.acquire();
    }

    void open() {
        gate.release();
    }
}
