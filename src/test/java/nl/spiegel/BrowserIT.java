package nl.spiegel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.spiegel.support.HtmlChecker;
import nl.spiegel.support.PackagedServer;

/**
 * The browser app in a real headless Chromium against the packaged server: the tests in
 * frontend/e2e (Node's test runner with playwright-core and axe-core). Screenshots land in
 * target/screenshots; each screen checked for accessibility is kept in target/screens as HTML, and all
 * of them are checked by the W3C Nu HTML checker at the end, in one run.
 */
class BrowserIT {

    @Test
    void theBrowserTestsPass() throws Exception {
        Path work = Files.createTempDirectory("spiegel-browser");
        try (PackagedServer server = PackagedServer.start(work, Map.of())) {
            Path frontend = Path.of("frontend");
            ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-concurrency=1", "e2e/"))
                    .directory(frontend.toFile()).redirectErrorStream(true);
            node.environment().put("BASE_URL", server.uri().toString().replaceAll("/$", ""));
            node.environment().put("SCREENSHOT_DIR", Path.of("target/screenshots").toAbsolutePath().toString());
            Path screens = HtmlChecker.emptied(Path.of("target/screens").toAbsolutePath());
            node.environment().put("SCREENS_DIR", screens.toString());
            Process process = node.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
            System.out.println(output);
            assertThat(process.exitValue()).as(output).isZero();
            server.stop();
            HtmlChecker.checkFiles(screens);
        }
    }
}
