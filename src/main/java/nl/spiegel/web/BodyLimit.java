package nl.spiegel.web;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} (256 KiB) is refused with 413 as
 * problem JSON, and logged like any request. Quarkus and RESTEasy refuse it too, but with an empty
 * answer that also takes the request log's end handler away. So the API's bodies are read here, with
 * the limit, before a resource sees them (they read what was read here): a body that says its length
 * is refused before it is read, one sent in chunks once it grows past the limit.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    private BodyHandler reader;

    void register(@Observes Filters filters) {
        reader = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        // After RequestLog (200) and ResponseHeaders (100), so the refusal is logged and gets its
        // headers; before Quarkus's own check (order -2).
        filters.register(this::read, 50);
    }

    /** The reader fails a request over the limit with 413; this answers it. */
    void answer(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private void read(RoutingContext context) {
        if (context.normalizedPath().startsWith("/api/") && hasBody(context.request())) {
            reader.handle(context);
        } else {
            context.next();
        }
    }

    /** A body that says its length, or one that comes in chunks or HTTP/2 frames and has not ended yet. */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            return !length.equals("0");
        }
        return request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)
                || request.version() == HttpVersion.HTTP_2 && !request.isEnded();
    }

    private void refuse(RoutingContext context) {
        if (context.request().version() != HttpVersion.HTTP_2) {
            // What is left of the body is not read: the connection closes after this answer.
            context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        RawProblems.answer(context, Problem.of(413, ProblemMappers.reason(413), "TOO_LARGE", null,
                RawProblems.words(context).tooLarge(limit.asLongValue() / 1024)));
    }
}
