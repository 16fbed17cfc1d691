package nl.spiegel.support;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * HAProxy (Debian's package) on loopback in front of Spiegel nodes, configured as a deployment
 * would be: readiness health checks, WebSocket tunnels that stay open, a failed connect retried on
 * another node.
 */
public final class LoadBalancer implements AutoCloseable {

    private final Process process;
    public final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A node's port, and its management interface's where its readiness is checked. */
    public record Node(int port, int managementPort) {}

    public static LoadBalancer start(Path work, List<Node> nodes) throws Exception {
        int port = PackagedServer.freePort();
        String servers = nodes.stream().map(n -> "    server node" + n.port() + " 127.0.0.1:" + n.port()
                + " check port " + n.managementPort() + " inter 500ms fall 2 rise 2").collect(Collectors.joining("\n"));
        Path config = Files.writeString(work.resolve("haproxy.cfg"), """
                global
                    maxconn 4096
                    log stdout format raw local0 info
                defaults
                    mode http
                    log global
                    option httplog
                    option log-health-checks
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    timeout tunnel 1h
                    retries 3
                    option redispatch
                frontend spiegel
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    # Live connections last a whole meeting: the node with the fewest takes the next.
                    balance leastconn
                    option httpchk GET /q/health/ready
                %s
                """.formatted(port, servers));
        Process process = new ProcessBuilder("haproxy", "-f", config.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        LoadBalancer lb = new LoadBalancer(process, port);
        try {
            Awaitility.await("HAProxy listening on " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .failFast("HAProxy stopped", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        try (Socket ignored = new Socket("127.0.0.1", port)) {
                            return true;
                        }
                    });
            return lb;
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            lb.close();
            throw new AssertionError(e.getMessage() + ":\n" + Files.readString(work.resolve("haproxy.log")), e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
