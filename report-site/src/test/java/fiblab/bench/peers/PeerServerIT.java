package fiblab.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.servers.ChildProcesses;
import fiblab.local.testing.HolderJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The peers as real child processes on loopback ports: they answer like fiblab, stop by PID, and never outlive the JVM. */
class PeerServerIT {

    static final Path PEERS = Path.of("peers");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Peer.class)
    void start_shouldAnswerFibAsFiblabDoes_andStopByPid(Peer peer) throws Exception {
        // Given
        long pid;
        try (PeerServer server = PeerServer.start(peer, PEERS, temp.resolve("peer.log"), System.getenv())) {
            pid = server.pid();

            // When
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/fib/20?algorithm=naive"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            // Then
            assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(ChildProcesses.runningPids())
                    .as("tracked by the shutdown hook's registry")
                    .contains(pid);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.std.mapFrom(response.body())).containsEntry("value", "6765");
            assertThat(server.runtime().versions()).startsWith(peer == Peer.FLASK ? "Flask " : "Express 4.");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("peer alive after close")
                .isFalse();
        assertThat(ChildProcesses.runningPids()).doesNotContain(pid);
    }

    /**
     * INT is Ctrl-C: the JVM's shutdown hook stops the peer by PID. KILL runs no hook: the peer then
     * exits because its stdin, held by the JVM, closes. (Under INT both apply; KILL shows the second alone.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "KILL"})
    void peer_shouldNotOutliveTheJvm_whenItIsStopped(String signal) throws Exception {
        // Given: a JVM that started a peer
        HolderJvm holder = HolderJvm.start(PeerHolder.class, List.of(), "EXPRESS");
        assertThat(HolderJvm.alive(holder.childPid())).as("peer alive").isTrue();

        // When: the signal goes to this JVM only, by its PID
        new ProcessBuilder("kill", "-" + signal, Long.toString(holder.jvm().pid()))
                .start()
                .waitFor(10, TimeUnit.SECONDS);
        assertThat(holder.jvm().waitFor(20, TimeUnit.SECONDS)).as("JVM ended").isTrue();

        // Then
        assertThat(HolderJvm.ends(holder.childPid(), Duration.ofSeconds(10)))
                .as("peer ended")
                .isTrue();
    }

    @Test
    void resolve_shouldSayWhatToInstall_whenNodeIsMissing() {
        assertThatThrownBy(() ->
                        PeerRuntime.resolve(Peer.EXPRESS, PEERS.resolve("express"), Map.of("PATH", "/nonexistent")))
                .isInstanceOf(PeerUnavailableException.class)
                .hasMessage(
                        "Express peer: `node` is not on PATH; install Node.js 20+ (sudo apt-get install -y nodejs npm)");
    }

    @Test
    void resolve_shouldSayWhatToInstall_whenThePythonHasNoFlask() throws Exception {
        // Given a "python" that cannot import anything
        Path python = temp.resolve("python3");
        Files.writeString(python, "#!/bin/sh\nexit 1\n");
        assertThat(python.toFile().setExecutable(true)).isTrue();

        // When / Then
        assertThatThrownBy(() -> PeerRuntime.resolve(
                        Peer.FLASK, PEERS.resolve("flask"), Map.of("FIBLAB_PYTHON", python.toString())))
                .isInstanceOf(PeerUnavailableException.class)
                .hasMessageContaining("Flask is not installed for [" + python + "]")
                .hasMessageContaining("sudo apt-get install -y python3-flask")
                .hasMessageNotContaining("\n");
    }

    @Test
    void start_shouldSayWhatIsMissing_whenTheExpressPackageIsNotInstalled() throws Exception {
        // Given a copy of the peers folder without node_modules
        Path copy = temp.resolve("peers/express");
        Files.createDirectories(copy);
        Files.copy(PEERS.resolve("express/server.js"), copy.resolve("server.js"));

        // When / Then
        assertThatThrownBy(() -> PeerServer.start(
                        Peer.EXPRESS, temp.resolve("peers"), temp.resolve("peer.log"), System.getenv()))
                .isInstanceOf(PeerUnavailableException.class)
                .hasMessageContaining("express is not installed")
                .hasMessageContaining("npm ci");
    }
}
