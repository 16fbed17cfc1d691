package nl.spiegel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The W3C Nu HTML checker ({@code vnu-jar} from npm, installed in docs/check) over a set of pages,
 * in one run of one JVM: fails the test with the checker's messages when a page has an error.
 */
public final class HtmlChecker {

    private static final Tool TOOL = new Tool(Path.of("docs/check"));

    private HtmlChecker() {}

    /** Writes each page to target/html-check/{name}.html and checks them all. */
    public static void check(Map<String, String> pages) throws IOException, InterruptedException {
        Path dir = emptied(Path.of("target/html-check"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(dir.resolve(page.getKey() + ".html"), page.getValue());
        }
        checkFiles(dir);
    }

    /** {@code dir}, made if missing, without the pages of an earlier run. */
    public static Path emptied(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Files.delete(file);
            }
        }
        return dir;
    }

    /** Checks every .html file in {@code dir}; fails when there is none. */
    public static void checkFiles(Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                "node_modules/vnu-jar/build/dist/vnu.jar", "--errors-only", "--format", "gnu"));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".html")).sorted().forEach(f -> command.add(f.toAbsolutePath().toString()));
        }
        assertThat(command).as("pages to check in %s", dir).hasSizeGreaterThan(6);
        TOOL.installed("vnu-jar").run(command);
    }
}
