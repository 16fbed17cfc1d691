package nl.spiegel.web;

import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.spiegel.access.AccessResource;
import nl.spiegel.access.JoinResource;
import nl.spiegel.access.Links;
import nl.spiegel.access.MeetingKeysResource;
import nl.spiegel.access.SeriesKeysResource;
import nl.spiegel.followup.EvaluateResource;
import nl.spiegel.followup.EvaluationResource;
import nl.spiegel.followup.FollowUpLinkResource;
import nl.spiegel.followup.FollowUpResource;
import nl.spiegel.followup.MeetingNormResource;
import nl.spiegel.followup.NormRegister;
import nl.spiegel.followup.SeriesService;
import nl.spiegel.followup.SeriesTrackResource;
import nl.spiegel.live.CommandRequests;
import nl.spiegel.live.ViewResource;
import nl.spiegel.meeting.Debrief;
import nl.spiegel.meeting.FollowUp;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Norms;
import nl.spiegel.meeting.Nullable;
import nl.spiegel.meeting.Participation;
import nl.spiegel.meeting.Preparation;
import nl.spiegel.meeting.Recruitment;
import nl.spiegel.meeting.Report;
import nl.spiegel.meeting.Track;
import nl.spiegel.meeting.Views;
import nl.spiegel.prep.BriefingResource;
import nl.spiegel.prep.MeetingResource;
import nl.spiegel.prep.RecruitmentResource;
import nl.spiegel.prep.SurveyResource;
import nl.spiegel.prep.Tracks;
import nl.spiegel.report.ExportResource;
import nl.spiegel.report.ReportResource;

/**
 * Completes the API description (/q/openapi, kept as docs/openapi.json) from the code, so that a
 * client generator can use it unchanged: what the server sends always has every field, and only
 * fields marked {@link Nullable} may be null; every request that changes something takes an
 * {@code Idempotency-Key} header ({@link nl.spiegel.live.CommandRequests}); keys are HTTP bearer
 * tokens, and open operations say they need none; every refusal the server can send is listed, as
 * {@link Problem}, with {@code Retry-After} on 429 and 503. The browser app's types are generated from this
 * description, and a Java client in the tests (ApiClientTest).
 */
public class WireDescription implements OASFilter {

    /** The records the server sends: those of the meeting's views (with their own nested records) and the answers. */
    private static final List<Class<?>> SENT = List.of(Views.class, Meeting.class, Report.class, Participation.class,
            MeetingResource.MeetingResponse.class, MeetingKeysResource.CreatedMeeting.class, MeetingKeysResource.AccessInfo.class,
            Links.class, AccessResource.JoinInfo.class, AccessResource.RotatedKey.class, JoinResource.Preview.class,
            JoinResource.Joined.class, SeriesKeysResource.Created.class, SeriesService.class, ExportResource.MeetingExport.class,
            ExportResource.ExportedEvent.class, ReportResource.Version.class, ReportResource.LetterVersion.class,
            ViewResource.RoleView.class, Problem.class, Norms.class, FollowUp.class, NormRegister.class, FollowUpResource.class,
            FollowUpLinkResource.class, Recruitment.class, Preparation.class, Track.class, Tracks.class,
            SeriesTrackResource.class, RecruitmentResource.class, BriefingResource.class, SurveyResource.class,
            MeetingNormResource.class, Debrief.class, EvaluationResource.class, EvaluateResource.class);

    private static final String ACCESS_KEY = "accessKey";
    private static final String PROBLEM = "#/components/schemas/Problem";
    /** Limited per client address ({@link nl.spiegel.access.AddressLimits}): past it, 429 with {@code Retry-After}. */
    private static final Set<String> LIMITED = Set.of("createMeeting", "createSeries", "startRehearsal", "previewJoin", "joinMeeting");
    /** A follow-up page's link that was replaced or withdrawn is 410. */
    private static final Set<String> WITHDRAWN = Set.of("getFollowUpPage");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null || api.getPaths() == null) {
            return;
        }
        markWhatIsAlwaysSent(api);
        api.getComponents().addSchema("Problem", schemaOf(Problem.class)).addSchema("ProblemRow", schemaOf(Problem.Row.class));
        describeAccess(api);
        describeRefusals(api);
        // Relative: each deployment serves the API on its own host (the README's runs on localhost:8080).
        api.setServers(List.of(OASFactory.createServer().url("/").description("The host this description is served from")));
    }

    private static void markWhatIsAlwaysSent(OpenAPI api) {
        Map<String, Class<?>> sent = sentRecords();
        api.getComponents().getSchemas().forEach((name, schema) -> {
            Class<?> type = sent.get(name);
            if (type != null && schema.getProperties() != null) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Schema property = schema.getProperties().get(component.getName());
                    if (property != null) {
                        schema.addRequired(component.getName());
                        if (component.isAnnotationPresent(Nullable.class)) {
                            schema.addProperty(component.getName(), orNull(property));
                        }
                    }
                }
            }
        });
    }

    /**
     * A key is sent as {@code Authorization: Bearer <key>}: an HTTP bearer scheme, not an API key in a
     * header, which generated clients would send bare. Operations without a key say so.
     */
    private static void describeAccess(OpenAPI api) {
        api.getComponents().setSecuritySchemes(new LinkedHashMap<>(Map.of(ACCESS_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An access key, sent as `Authorization: Bearer <key>`: a meeting's moderator, assistant,"
                        + " display or listener key, a series' organiser key, or a follow-up key. Each role may do what"
                        + " its key allows; the others are refused with 403."))));
        forEachOperation(api, (path, method, operation) -> {
            boolean needsKey = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            operation.setSecurity(needsKey ? List.of(OASFactory.createSecurityRequirement().addScheme(ACCESS_KEY)) : new ArrayList<>());
        });
    }

    /** Every refusal an operation can get, from what it takes; each a {@link Problem}. */
    private static void describeRefusals(OpenAPI api) {
        forEachOperation(api, (path, method, operation) -> {
            // Every operation reads keys or meetings from the database: while it is out of reach, 503.
            Set<Integer> statuses = new TreeSet<>(List.of(503));
            if (!operation.getSecurity().isEmpty()) {
                statuses.addAll(List.of(401, 403));
            }
            if (path.contains("{")) {
                statuses.add(404);
            }
            if (operation.getRequestBody() != null) {
                statuses.addAll(List.of(400, 413, 415));
            }
            if (operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
                statuses.add(400);
            }
            if (method != PathItem.HttpMethod.GET) {
                statuses.add(409);
            }
            if (LIMITED.contains(operation.getOperationId())) {
                statuses.add(429);
            }
            if (WITHDRAWN.contains(operation.getOperationId())) {
                statuses.add(410);
            }
            operation.getResponses().getAPIResponses().keySet().stream().filter(code -> code.matches("[45]\\d\\d"))
                    .forEach(code -> statuses.add(Integer.parseInt(code)));
            for (int status : statuses) {
                operation.getResponses().addAPIResponse(String.valueOf(status), refusal(status));
            }
        });
    }

    private static APIResponse refusal(int status) {
        APIResponse response = OASFactory.createAPIResponse().description(switch (status) {
            case 400 -> "Not valid: `code` says what is wrong, `field` where; nothing changed";
            case 401 -> "No key, or a key that is not (or no longer) valid";
            case 403 -> "This key's role may not do this";
            case 404 -> "There is no such meeting, series or item";
            case 409 -> "Refused in the present state (`code` says why, such as WRONG_PHASE); nothing changed";
            case 410 -> "This link was replaced or withdrawn";
            case 413 -> "The body is larger than 256 KiB";
            case 415 -> "The body is not of a type this operation takes";
            case 429 -> "Too many requests from this address; try again after `Retry-After` seconds";
            case 503 -> "The database cannot be reached for a moment; nothing changed: try again after `Retry-After` seconds";
            default -> ProblemMappers.reason(status);
        }).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        if (status == 429 || status == 503) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds until a request may succeed")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
        }
        return response;
    }

    private interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    private static void forEachOperation(OpenAPI api, OperationVisitor visitor) {
        api.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> visitor.visit(path, method, operation)));
    }

    /**
     * A record's schema, for records the resources never return (so the scanner never met them):
     * strings, integers and lists of records. Without {@code JsonInclude(NON_NULL)} a
     * {@link Nullable} field is sent as null; with it, it is left out.
     */
    private static Schema schemaOf(Class<?> record) {
        boolean leavesOutNulls = record.isAnnotationPresent(JsonInclude.class)
                && record.getAnnotation(JsonInclude.class).value() == JsonInclude.Include.NON_NULL;
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        for (RecordComponent component : record.getRecordComponents()) {
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            Schema property;
            if (component.getType() == String.class) {
                property = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            } else if (component.getType() == int.class) {
                property = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
            } else if (component.getType() == List.class
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] == Problem.Row.class) {
                property = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/ProblemRow"));
            } else {
                throw new IllegalStateException("No schema for " + record.getSimpleName() + "." + component.getName());
            }
            if (nullable && !leavesOutNulls) {
                property.addType(Schema.SchemaType.NULL);
            }
            if (!nullable || !leavesOutNulls) {
                schema.addRequired(component.getName());
            }
            schema.addProperty(component.getName(), property);
        }
        return schema;
    }

    @Override
    public PathItem filterPathItem(PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            boolean declared = entry.getValue().getParameters() != null && entry.getValue().getParameters().stream()
                    .anyMatch(p -> CommandRequests.IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()));
            if (entry.getKey() != PathItem.HttpMethod.GET && !declared) {
                entry.getValue().addParameter(OASFactory.createParameter().name(CommandRequests.IDEMPOTENCY_KEY)
                        .in(Parameter.In.HEADER).required(false)
                        .description("The client's id for this request: a retry with the same key is applied once"
                                + " and answered with the first result.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
        return item;
    }

    private static Schema orNull(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        return property.addType(Schema.SchemaType.NULL);
    }

    /**
     * The sent records by their schema's name, their simple name. Two with one name would get schemas
     * named {@code Share} and {@code Share1}, and the second would lose what is said of it here.
     */
    private static Map<String, Class<?>> sentRecords() {
        Map<String, Class<?>> records = new HashMap<>();
        for (Class<?> owner : SENT) {
            if (owner.isRecord()) {
                add(records, owner);
            }
            for (Class<?> nested : owner.getDeclaredClasses()) {
                if (nested.isRecord()) {
                    add(records, nested);
                }
            }
        }
        return records;
    }

    private static void add(Map<String, Class<?>> records, Class<?> type) {
        Class<?> other = records.putIfAbsent(type.getSimpleName(), type);
        if (other != null && other != type) {
            throw new IllegalStateException("Two records sent over the API share the name " + type.getSimpleName()
                    + ": " + other.getName() + " and " + type.getName() + "; rename one");
        }
    }
}
