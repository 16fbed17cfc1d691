package nl.spiegel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What no other mapper takes: the database out of reach is 503 with a time to try again, the rest
 * 500. In Quarkus for its message bundles; the outage itself is ServerProcessIT's.
 */
@QuarkusTest
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void theDatabaseOutOfReachIsUnavailableWithATimeToTryAgain() {
        RestResponse<Problem> answer = mappers.unexpected(
                new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:5432")), null);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(answer.getEntity().code()).isEqualTo("UNAVAILABLE");
        assertThat(answer.getEntity().detail()).contains("5 seconden").doesNotContain("5432");
    }

    @Test
    void anyOtherFailureIsTheServersOwnWithoutItsMessage() {
        RestResponse<Problem> answer = mappers.unexpected(new IllegalStateException("Anna zei iets"), null);
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(answer.getEntity().code()).isEqualTo("INTERNAL");
        assertThat(answer.getEntity().detail()).doesNotContain("Anna");
    }
}
