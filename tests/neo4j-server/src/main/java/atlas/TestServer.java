package atlas;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * In-process Neo4j 5 (community, via neo4j-harness) for Practice Atlas tests and CI.
 *
 * <pre>
 *   java -cp 'target/classes:target/lib/*' atlas.TestServer [port]
 * </pre>
 *
 * <ul>
 *   <li>port: Bolt port on 127.0.0.1 (default 7687; 0 = pick a free ephemeral port).</li>
 *   <li>NEO4J_TEST_PASSWORD (env, optional): if set, auth is enabled and user {@code neo4j}
 *       gets this password (min. 8 characters). Otherwise auth is disabled.</li>
 *   <li>NEO4J_TEST_PAGECACHE (env, optional): page cache size, default {@code 64m}.</li>
 *   <li>NEO4J_TEST_KEEP_DIR=1 (env, optional): keep the temp working dir (logs, store) on exit.</li>
 * </ul>
 *
 * When ready, prints exactly one line {@code BOLT_URI=bolt://127.0.0.1:<port>} on stdout.
 * Everything else (diagnostics) goes to stderr; Neo4j's own log goes to neo4j.log in the
 * working directory. Runs until killed; SIGTERM/SIGINT shut the database down cleanly.
 */
public final class TestServer {

    private TestServer() {}

    public static void main(String[] args) throws Exception {
        // Keep stdout for the single BOLT_URI line; anything else printed by libraries goes to stderr.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        PrintStream err = System.err;

        int port = 7687;
        if (args.length > 0 && !args[0].isBlank()) {
            try {
                port = Integer.parseInt(args[0].trim());
            } catch (NumberFormatException e) {
                err.println("[neo4j-test-server] invalid port: " + args[0]);
                System.exit(2);
            }
        }
        if (port < 0 || port > 65535) {
            err.println("[neo4j-test-server] port out of range: " + port);
            System.exit(2);
        }
        String password = System.getenv("NEO4J_TEST_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        String pageCache = envOr("NEO4J_TEST_PAGECACHE", "64m");
        boolean keepDir = "1".equals(System.getenv("NEO4J_TEST_KEEP_DIR"));

        Path workDir = Files.createTempDirectory("atlas-neo4j-");
        err.println("[neo4j-test-server] working dir: " + workDir);

        long t0 = System.nanoTime();
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer() // no HTTP/HTTPS
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                .withConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's netty shutdown otherwise waits a 5 s quiet period per event loop group (~12 s stop).
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3));

        // Registered before startup so that SIGTERM during startup also cleans up the temp dir.
        AtomicReference<Neo4j> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("[neo4j-test-server] shutting down");
            Neo4j db = running.getAndSet(null);
            if (db != null) {
                try {
                    db.close();
                } catch (Throwable t) {
                    err.println("[neo4j-test-server] error during shutdown: " + t);
                }
            }
            if (!keepDir) deleteRecursively(workDir);
            else err.println("[neo4j-test-server] kept working dir: " + workDir);
            err.println("[neo4j-test-server] stopped");
            stopped.countDown();
        }, "neo4j-test-server-shutdown"));

        final Neo4j neo4j;
        try {
            neo4j = builder.build();
        } catch (Throwable t) {
            err.println("[neo4j-test-server] startup failed: " + t);
            t.printStackTrace(err);
            printLogTail(workDir, err);
            System.exit(1); // the shutdown hook removes the working dir
            return;
        }
        running.set(neo4j);

        if (auth) {
            // Embedded transactions run with full privileges, so the password can be set directly.
            try {
                neo4j.databaseManagementService().database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (Throwable t) {
                err.println("[neo4j-test-server] could not set the neo4j password: " + t);
                System.exit(1); // the shutdown hook stops the database
            }
            err.println("[neo4j-test-server] auth enabled: user neo4j, password from NEO4J_TEST_PASSWORD");
        } else {
            err.println("[neo4j-test-server] auth disabled");
        }

        URI bolt = neo4j.boltURI(); // resolves the actually bound port (also when port 0 was requested)
        int boundPort = bolt.getPort();
        err.printf("[neo4j-test-server] Neo4j %s ready in %d ms%n",
                neo4jVersion(neo4j), (System.nanoTime() - t0) / 1_000_000);
        out.println("BOLT_URI=bolt://127.0.0.1:" + boundPort);
        out.flush();

        if (Boolean.getBoolean("atlas.exitAfterStart")) {
            System.exit(0); // smoke test / class-list training run: start, report, shut down cleanly
        }
        stopped.await(); // run until SIGTERM/SIGINT triggers the shutdown hook
    }

    private static String neo4jVersion(Neo4j neo4j) {
        try {
            return neo4j.databaseManagementService().database("system").executeTransactionally(
                    "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
                    Map.of(), r -> r.hasNext() ? String.valueOf(r.next().get("v")) : "?");
        } catch (Throwable t) {
            return "?";
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    /** Parses sizes like 64m, 512k, 1g, or a plain byte count. */
    static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) return Long.parseLong(v);
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        switch (unit) {
            case 'k': return ByteUnit.kibiBytes(n);
            case 'm': return ByteUnit.mebiBytes(n);
            case 'g': return ByteUnit.gibiBytes(n);
            default: throw new IllegalArgumentException("bad size: " + s);
        }
    }

    private static void printLogTail(Path workDir, PrintStream err) {
        try (Stream<Path> files = Files.walk(workDir)) {
            List<Path> logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
            for (Path log : logs) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                err.println("----- " + log + " (last 40 lines) -----");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(err::println);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("[neo4j-test-server] could not read logs: " + e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
