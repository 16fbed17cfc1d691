package nl.spiegel;

import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import nl.spiegel.store.EmbeddedPostgres;

/**
 * Starts Spiegel. Without a configured database ({@code spiegel.database.url}, or the environment
 * variable {@code SPIEGEL_DATABASE_URL}) it first starts the embedded PostgreSQL on the data
 * directory, so a new user needs no database of their own. Decided at run time: the same jar uses
 * an external database when one is given, and then starts none of its own.
 */
@QuarkusMain
public final class Main {

    private Main() {}

    public static void main(String... args) {
        if (setting("spiegel.database.url") == null) {
            String dataDir = setting("spiegel.data-dir");
            String port = setting("spiegel.database.embedded-port");
            EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(dataDir == null ? "data" : dataDir),
                    port == null ? 0 : Integer.parseInt(port));
            System.setProperty("spiegel.database.url", pg.url());
            System.setProperty("spiegel.database.username", EmbeddedPostgres.USER);
            System.setProperty("spiegel.database.password", pg.password());
        }
        Quarkus.run(args);
    }

    /** A system property, or else its environment variable (upper case, dots and dashes as underscores). */
    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
