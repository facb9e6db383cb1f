package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientThreadsTest {

    @Test
    void runAll_shouldRunEveryBodyOnItsOwnNamedThread_andReturnWhenAllHaveEnded() throws Exception {
        Set<String> ran = ConcurrentHashMap.newKeySet();

        ClientThreads.runAll(
                "probe", 3, i -> () -> ran.add(i + " " + Thread.currentThread().getName()));

        assertThat(ran).containsExactlyInAnyOrder("0 bench-probe-0", "1 bench-probe-1", "2 bench-probe-2");
    }

    @Test
    void runAll_shouldInterruptEveryThread_whenItsWaitIsInterrupted() throws Exception {
        // Given two client threads that would wait a minute unless interrupted
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        Thread caller = new Thread(() -> {
            try {
                ClientThreads.runAll("stuck", 2, i -> () -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // When the measurement that waits for them is interrupted
        caller.interrupt();

        // Then both threads are interrupted too, not left running behind it
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
    }
}
