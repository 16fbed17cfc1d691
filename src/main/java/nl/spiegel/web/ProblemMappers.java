package nl.spiegel.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import nl.spiegel.meeting.Refused;
import nl.spiegel.meeting.Rejection;
import nl.spiegel.store.DatabaseOutage;
import nl.spiegel.words.Texts;
import nl.spiegel.words.Wording;

/** Every error over REST becomes problem JSON, in Dutch unless the client prefers English. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A refusal, of the core or of the shell before it: its status, its code, its field, and words for people. */
    @ServerExceptionMapper
    public RestResponse<Problem> refused(Refused e, HttpHeaders headers) {
        return problem(e.rejection(), headers);
    }

    /** No valid key, or a key of another kind than this resource takes. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(HttpHeaders headers) {
        return problem(Rejection.Reason.UNAUTHORIZED.rejection(), headers);
    }

    /** A key of another meeting, or of a role that may not do this. */
    @ServerExceptionMapper(ForbiddenException.class)
    public RestResponse<Problem> forbidden(HttpHeaders headers) {
        return problem(Rejection.Reason.FORBIDDEN.rejection(), headers);
    }

    private static RestResponse<Problem> problem(Rejection rejection, HttpHeaders headers) {
        int status = status(rejection);
        Texts words = Wording.in(language(headers));
        Problem problem = Problem.of(status, reason(status), rejection.code(), rejection.field(), Wording.of(words, rejection));
        if (rejection.detail() instanceof Rejection.Detail.BadRows bad) {
            problem = problem.with(bad.rows().stream()
                    .map(row -> new Problem.Row(row.row(), row.column(), Wording.of(words, row))).toList());
        }
        RestResponse<Problem> response = problem(problem);
        if (rejection.detail() instanceof Rejection.Detail.TryAgainIn wait) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(wait.seconds()));
        }
        return response;
    }

    /** The HTTP status that fits a rejection. */
    static int status(Rejection rejection) {
        return switch (rejection.reason()) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case GONE -> 410;
            case TOO_MANY_REQUESTS, TOO_MANY_GUESSES -> 429;
            default -> rejection.code().startsWith("UNKNOWN_") ? 404 : 409;
        };
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<Problem> unreadable(MismatchedInputException e, HttpHeaders headers) {
        return badJson(e, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<Problem> unreadable(JsonProcessingException e, HttpHeaders headers) {
        return badJson(e, headers);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, HttpHeaders headers) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return badJson(json, headers);
        }
        int status = e.getResponse().getStatus();
        Texts t = Wording.in(language(headers));
        String detail = switch (status) {
            case 404 -> t.nothingHere();
            case 405 -> t.wrongMethod();
            case 415 -> t.sendJson();
            case 401 -> t.unauthorized();
            case 403 -> t.forbidden();
            default -> t.notHandled();
        };
        return problem(Problem.of(status, reason(status), "HTTP_" + status, null, detail));
    }

    /** How long a client waits before it tries again while the database is out of reach. */
    static final long RETRY_AFTER_OUTAGE_SECONDS = 5;

    /**
     * What no other mapper takes. The database out of reach ({@link DatabaseOutage}) is 503 with a
     * time to try again: nothing was stored, and the request may be sent again. Anything else is a
     * fault of the server: 500, with its trace in the log, where the framework would have put it.
     */
    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, HttpHeaders headers) {
        Texts t = Wording.in(language(headers));
        if (DatabaseOutage.cause(e) != null) {
            RestResponse<Problem> response = problem(Problem.of(503, reason(503), "UNAVAILABLE", null,
                    t.databaseUnreachable(RETRY_AFTER_OUTAGE_SECONDS)));
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_OUTAGE_SECONDS));
            return response;
        }
        LOG.error("A request failed", e);
        return problem(Problem.of(500, reason(500), "INTERNAL", null, t.notHandled()));
    }

    private static RestResponse<Problem> badJson(JsonProcessingException e, HttpHeaders headers) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
        }
        Texts t = Wording.in(language(headers));
        String detail = field == null ? t.badBody() : t.wrongKind(field);
        return problem(Problem.of(400, reason(400), "INVALID", field, detail));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem)
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).build();
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** "en" when the client prefers English, else "nl": Dutch is the default. */
    public static String language(HttpHeaders headers) {
        if (headers == null) {
            return "nl";
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            String lang = locale.getLanguage();
            if (lang.equals("nl") || lang.equals("en")) {
                return lang;
            }
        }
        return "nl";
    }
}
