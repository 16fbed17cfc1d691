package nl.spiegel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import nl.spiegel.words.Texts;
import nl.spiegel.words.Wording;

/**
 * Problem JSON for requests refused before they reach a resource (too large, no such page), written
 * straight onto the HTTP answer in the words the client prefers, as {@link ProblemMappers} does for
 * the resources.
 */
final class RawProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawProblems() {}

    /** The client's words: Dutch unless it prefers English. */
    static Texts words(RoutingContext context) {
        for (LanguageHeader language : context.acceptableLanguages()) {
            if (language.tag().equals("nl") || language.tag().equals("en")) {
                return Wording.in(language.tag());
            }
        }
        return Wording.in("nl");
    }

    /** Ends the request with the problem; the request log and the security headers see it as any other answer. */
    static void answer(RoutingContext context, Problem problem) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem that cannot be written: " + problem, e);
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
