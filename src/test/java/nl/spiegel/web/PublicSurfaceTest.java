package nl.spiegel.web;

import static io.restassured.RestAssured.given;
import static nl.spiegel.support.Management.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.TestDatabase;

/**
 * What the server answers outside its API: robots.txt and security.txt, 404 as problem JSON for
 * anything else; metrics, health and the API description on the management port only. (Tests run
 * without the app's build: ServerProcessIT checks the app's paths and files on the packaged server.)
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PublicSurfaceTest {

    @Test
    void anUnknownPathIsNotFoundAsProblemJson() {
        for (String path : new String[] {"/does-not-exist", "/wp-login.php", "/.env", "/moderate.php", "/assets/nope-123.js"}) {
            given().header("Accept-Language", "en").get(path).then().statusCode(404)
                    .contentType(Problem.MEDIA_TYPE).body("status", is(404)).body("code", is("HTTP_404"))
                    .body("detail", is("There is nothing at this address."))
                    .header("Content-Security-Policy", startsWith("default-src"))
                    .header("Cache-Control", is("no-cache"));
        }
    }

    /** Every route of the app (frontend/src/App.svelte) is one the server sends the app for: a new screen is no 404. */
    @Test
    void theServerKnowsEveryRouteOfTheApp() throws IOException {
        Matcher route = Pattern.compile("\\^\\\\?/([a-z]+)").matcher(Files.readString(Path.of("frontend/src/App.svelte")));
        Set<String> routes = new TreeSet<>();
        while (route.find()) {
            routes.add(route.group(1));
        }
        assertThat(routes).contains("moderate", "join", "evaluate");
        assertThat(PublicSurface.APP_ROUTES).containsAll(routes);
    }

    @Test
    void robotsKeepEveryPageOutOfSearchEngines() {
        given().get("/robots.txt").then().statusCode(200).contentType(containsString("text/plain"))
                .body(containsString("User-agent: *\nDisallow: /\n"));
    }

    /** RFC 9116: a Contact, and an Expires less than a year ahead. */
    @Test
    void securityTxtSaysWhomToTell() {
        String text = given().get("/.well-known/security.txt").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertThat(text).containsPattern("(?m)^Contact: mailto:security@localhost$");
        Matcher expires = Pattern.compile("(?m)^Expires: (\\S+)$").matcher(text);
        assertThat(expires.find()).isTrue();
        Instant until = Instant.parse(expires.group(1));
        assertThat(Duration.between(Instant.now(), until)).isPositive().isLessThanOrEqualTo(Duration.ofDays(365));
    }

    @Test
    void everyAnswerLimitsWhatOtherSitesAndDevicesGet() {
        given().get("/").then()
                .header("Permissions-Policy", containsString("camera=()"))
                .header("Permissions-Policy", containsString("screen-wake-lock=(self)"))
                .header("Cross-Origin-Opener-Policy", is("same-origin"))
                .header("Cross-Origin-Resource-Policy", is("same-origin"));
    }

    @Test
    void metricsHealthAndTheDescriptionAreOnTheManagementPortOnly() {
        for (String path : new String[] {"/q/metrics", "/q/health/ready", "/q/health/live", "/q/openapi"}) {
            given().get(path).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            management().get(path).then().statusCode(200);
        }
        management().get("/q/metrics").then().body(containsString("spiegel_live_rooms"));
    }
}
