package nl.spiegel.web;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

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
 * Completes the API description (/q/openapi, kept as docs/openapi.json) from the code: what the
 * server sends always has every field, and only fields marked {@link Nullable} may be null; every
 * request that changes something takes an {@code Idempotency-Key} header ({@link nl.spiegel.live.CommandRequests}). The
 * browser app's types are generated from this description.
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

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
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

    @Override
    public PathItem filterPathItem(PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            if (entry.getKey() != PathItem.HttpMethod.GET) {
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
