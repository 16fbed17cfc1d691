package nl.spiegel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Node.js tool of the project (its own package.json), installed from its lock file and run. */
public record Tool(Path dir) {

    /** Installs the tool's packages once, when {@code marker} (a path under node_modules) is missing. */
    public Tool installed(String marker) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir.resolve("node_modules").resolve(marker))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        }
        return this;
    }

    /** Runs a command in the tool's directory; fails the test unless it exits with 0. Returns its output. */
    public String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        return output;
    }
}
