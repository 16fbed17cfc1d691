package nl.spiegel.web;

import java.util.Locale;
import java.util.stream.Collectors;

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
import nl.spiegel.meeting.Rejection;

/** Every error over REST becomes problem JSON, in Dutch unless the client prefers English. */
public class ProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> rejected(ProblemException e, HttpHeaders headers) {
        String language = language(headers);
        return problem(Problem.of(e.status(), reason(e.status()), e.rejection().code(), e.rejection().field(),
                e.rejection().message(language)));
    }

    /** No valid key, or a key of another kind than this resource takes. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(HttpHeaders headers) {
        return rejected(new ProblemException(401, new Rejection("UNAUTHORIZED", null,
                "This needs a valid key: use the link you were given.",
                "Hiervoor is een geldige sleutel nodig: gebruik de link die u kreeg.")), headers);
    }

    /** A key of another meeting, or of a role that may not do this. */
    @ServerExceptionMapper(ForbiddenException.class)
    public RestResponse<Problem> forbidden(HttpHeaders headers) {
        return rejected(ProblemException.of(Rejection.Reason.FORBIDDEN.rejection()), headers);
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
        boolean en = "en".equals(language(headers));
        String detail = switch (status) {
            case 404 -> en ? "There is nothing at this address." : "Op dit adres staat niets.";
            case 405 -> en ? "This address does not take this method." : "Dit adres kent deze methode niet.";
            case 415 -> en ? "Send JSON (application/json)." : "Stuur JSON (application/json).";
            case 401 -> en ? "This needs a valid link or token." : "Hiervoor is een geldige link of sleutel nodig.";
            case 403 -> en ? "Your role may not do this." : "Dit mag u in uw rol niet doen.";
            default -> en ? "The request could not be handled." : "Het verzoek kon niet worden verwerkt.";
        };
        return problem(Problem.of(status, reason(status), "HTTP_" + status, null, detail));
    }

    private static RestResponse<Problem> badJson(JsonProcessingException e, HttpHeaders headers) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
        }
        boolean en = "en".equals(language(headers));
        String detail = field == null
                ? (en ? "The body is not valid JSON of the expected form." : "De inhoud is geen geldige JSON in de verwachte vorm.")
                : (en ? "'" + field + "' has a value of the wrong kind." : "'" + field + "' heeft een waarde van de verkeerde soort.");
        return problem(Problem.of(400, reason(400), "INVALID", field, detail));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem)
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).build();
    }

    private static String reason(int status) {
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
