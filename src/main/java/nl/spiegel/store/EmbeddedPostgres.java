package nl.spiegel.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.tukaani.xz.XZInputStream;

/**
 * The zero-config database: a PostgreSQL server from the binaries on the class path, with its data
 * in a directory that survives restarts. Used when no database URL is configured, and by the tests.
 *
 * <p>The server runs behind a small shell watchdog that shuts it down (fast mode) as soon as the
 * pipe from this JVM closes, which happens on any exit of the JVM, {@code kill -9} included. A file
 * lock on the data directory tells a second Spiegel on the same data apart from a server left
 * behind by a crash; such a leftover is stopped before a fresh server starts, never reused. When the
 * server dies under a running Spiegel ({@link #keptRunning()}), it is started again, with back-off.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final String VERSION = "17.6.0";
    public static final String USER = "spiegel";
    public static final String DATABASE = "spiegel";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);
    /** The line of {@code postmaster.pid} that says "ready" once connections are accepted. */
    private static final int PID_FILE_STATUS = 7;
    private static final String DATABASE_CREATED = "spiegel-database-created";

    /** Started after the server's pid: waits for EOF on stdin, then asks the server to stop. */
    private static final String WATCHDOG = """
            "$@" &
            pg=$!
            trap '' INT TERM HUP
            cat >/dev/null
            kill -INT "$pg" 2>/dev/null
            wait "$pg"
            """;

    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final Path dataDir;
    private final Path bin;
    private final int port;
    private final String password;
    private volatile Process process;
    private volatile boolean closing;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedPostgres(Path dataDir, Path bin, int port, String password, Process process, FileChannel lockChannel,
                             FileLock lock) {
        this.dataDir = dataDir;
        this.bin = bin;
        this.port = port;
        this.password = password;
        this.process = process;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts a server on the data in {@code home} (created when missing) on {@code port}, or on a
     * free port when it is 0, and makes sure the database {@value #DATABASE} exists.
     */
    public static EmbeddedPostgres start(Path home, int port) {
        try {
            Files.createDirectories(home);
            Path home0 = home.toAbsolutePath().normalize();
            FileChannel lockChannel = FileChannel.open(home0.resolve("spiegel.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("Another Spiegel is running on the data directory " + home0
                        + "; stop it first or choose another directory (spiegel.data-dir).");
            }
            try {
                Path bin = binaries();
                Path pgData = home0.resolve("postgres");
                String password = password(home0);
                stopLeftover(pgData);
                if (!Files.exists(pgData.resolve("PG_VERSION"))) {
                    initdb(bin, pgData, home0);
                }
                int chosenPort = port == 0 ? freePort() : port;
                Process process = launch(bin, pgData, chosenPort, home0);
                EmbeddedPostgres pg = new EmbeddedPostgres(home0, bin, chosenPort, password, process, lockChannel, lock);
                try {
                    pg.awaitReady();
                } catch (IllegalStateException e) {
                    pg.close();
                    throw e;
                }
                if (!Files.exists(pgData.resolve(DATABASE_CREATED))) {
                    pg.createDatabase();
                }
                LOG.infof("Embedded PostgreSQL %s runs on port %d with its data in %s", VERSION, chosenPort, pgData);
                return pg;
            } catch (RuntimeException | IOException e) {
                lock.release();
                lockChannel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
        }
    }

    /** The URL in the form Spiegel's {@code spiegel.database.url} takes. */
    public String url() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /**
     * From now on, a server that dies (its postmaster killed, out of memory) is started again on the
     * same data and port, with back-off from {@link #FIRST_RETRY} to {@link #LAST_RETRY}, until it
     * runs or this is closed. The app's connection pools reconnect by themselves.
     */
    public EmbeddedPostgres keptRunning() {
        kept = this;
        watch();
        return this;
    }

    /** The built-in database this process keeps running, if it runs one (for its metrics). */
    public static Optional<EmbeddedPostgres> kept() {
        return Optional.ofNullable(kept);
    }

    private static volatile EmbeddedPostgres kept;
    private final AtomicInteger restarts = new AtomicInteger();

    /** Whether the server runs now. */
    public boolean up() {
        return postmaster().map(ProcessHandle::isAlive).orElse(false);
    }

    /** How often it was started again after it died. */
    public int restarts() {
        return restarts.get();
    }

    private void watch() {
        postmaster().ifPresent(postmaster -> postmaster.onExit()
                .thenRunAsync(this::restart, task -> Thread.ofPlatform().daemon().name("spiegel-postgres-restart").start(task)));
    }

    private void restart() {
        Duration wait = FIRST_RETRY;
        while (!closing) {
            LOG.warnf("Embedded PostgreSQL stopped unexpectedly; starting it again in %d ms", wait.toMillis());
            sleep(wait.toMillis());
            synchronized (this) {
                if (closing) {
                    return;
                }
                try {
                    stopWatchdog(process);
                    Path pgData = dataDir.resolve("postgres");
                    stopLeftover(pgData);
                    process = launch(bin, pgData, port, dataDir);
                    awaitReady();
                    restarts.incrementAndGet();
                    LOG.infof("Embedded PostgreSQL runs again on port %d", port);
                    watch();
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Embedded PostgreSQL did not start again (%s); see %s", e.getMessage(),
                            dataDir.resolve("postgres.log"));
                }
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
    }

    /** The running postmaster, from its pid file. */
    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst()).flatMap(ProcessHandle::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            try {
                stopWatchdog(process);
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Closing the watchdog's stdin makes it stop the server; forcibly when that takes too long. */
    private static void stopWatchdog(Process watchdog) throws IOException {
        try {
            OutputStream stdin = watchdog.getOutputStream();
            stdin.close();
            if (!watchdog.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Embedded PostgreSQL did not stop in time; stopping it forcibly");
                watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path binaries() throws IOException {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String archive = switch (arch) {
            case "amd64", "x86_64" -> "postgres-linux-x86_64.txz";
            case "aarch64", "arm64" -> "postgres-linux-arm_64.txz";
            default -> throw new IllegalStateException("No embedded PostgreSQL for " + arch
                    + "; configure an external database with spiegel.database.url");
        };
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new IllegalStateException("The embedded PostgreSQL runs on Linux only; elsewhere configure an "
                    + "external database with spiegel.database.url");
        }
        String cache = Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .orElse(System.getProperty("user.home") + "/.cache");
        Path target = Path.of(cache, "spiegel", "postgres-" + VERSION + "-" + arch);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(archive)) {
            if (raw == null) {
                throw new IllegalStateException("The PostgreSQL binaries " + archive + " are not on the class path");
            }
            unpack(new XZInputStream(new BufferedInputStream(raw)), staging);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(staging);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        return target;
    }

    private static void unpack(InputStream xz, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Unsafe path in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    /** The database password, made once per data directory and kept readable by its owner only. */
    private static String password(Path home) throws IOException {
        Path file = home.resolve("postgres-password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password, StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    /** A server that outlived the Spiegel that started it (we hold the lock, so it is no one's). */
    private static void stopLeftover(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> old = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst()).flatMap(ProcessHandle::of);
        Optional<ProcessHandle> leftover = old.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        if (leftover.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle handle = leftover.get();
        LOG.warnf("Stopping PostgreSQL (pid %d) left running by an earlier Spiegel on %s", handle.pid(), pgData);
        handle.destroy();
        Instant deadline = Instant.now().plus(STOP);
        while (handle.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        if (handle.isAlive()) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (handle.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void initdb(Path bin, Path pgData, Path home) throws IOException {
        Path pwFile = Files.createTempFile(home, "pw", ".txt");
        try {
            Files.writeString(pwFile, password(home));
            Files.createDirectories(pgData);
            List<String> command = asServerUser(List.of(bin.resolve("bin/initdb").toString(), "-D", pgData.toString(),
                    "-U", USER, "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale"));
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolve("initdb.log").toFile()).start();
            if (initdb.waitFor() != 0) {
                throw new IllegalStateException("initdb failed; see " + home.resolve("initdb.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the database", e);
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private static Process launch(Path bin, Path pgData, int port, Path home) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "sh", "-c", WATCHDOG, "spiegel-postgres"));
        command.addAll(asServerUser(List.of(bin.resolve("bin/postgres").toString(), "-D", pgData.toString(),
                "-p", String.valueOf(port), "-h", "127.0.0.1", "-k", pgData.toString(),
                "-c", "log_min_error_statement=panic", "-c", "max_connections=100")));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .start();
    }

    /** PostgreSQL refuses to run as root; in a user namespace root is an ordinary user. */
    private static List<String> asServerUser(List<String> command) throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!Integer.valueOf(0).equals(uid)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Waits until the postmaster says in its pid file that it accepts connections, as {@code pg_ctl}
     * does; connecting to find out would cost a password exchange per attempt.
     */
    private void awaitReady() {
        Instant started = Instant.now();
        Instant deadline = started.plus(STARTUP);
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        while (Instant.now().isBefore(deadline)) {
            // The watchdog outlives a server that refused to start; after a moment, the server must be there.
            boolean serverGone = Instant.now().isAfter(started.plusSeconds(2)) && process.descendants()
                    .noneMatch(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
            if (!process.isAlive() || serverGone) {
                throw new IllegalStateException("PostgreSQL stopped right after starting; see "
                        + dataDir.resolve("postgres.log"));
            }
            try {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() > PID_FILE_STATUS && lines.get(PID_FILE_STATUS).strip().equals("ready")) {
                    return;
                }
            } catch (IOException e) {
                // Not written yet, or being written.
            }
            sleep(20);
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + STARTUP.toSeconds() + " s");
    }

    /** Once per data directory: the marker is written only after the database exists. */
    private void createDatabase() {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", password);
        try (Connection c = new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", login);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
            Files.writeString(dataDir.resolve("postgres").resolve(DATABASE_CREATED), DATABASE + "\n");
        } catch (SQLException | IOException e) {
            close();
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + dataDir + ", port " + port + "]";
    }
}
