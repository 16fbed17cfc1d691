package nl.spiegel.web;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Every request that changes something takes an {@code Idempotency-Key} header ({@link Commands});
 * resources no longer name it, so the API description adds it here.
 */
public class IdempotencyKeyInOpenApi implements OASFilter {

    @Override
    public PathItem filterPathItem(PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            if (entry.getKey() != PathItem.HttpMethod.GET) {
                entry.getValue().addParameter(OASFactory.createParameter().name(Commands.IDEMPOTENCY_KEY)
                        .in(Parameter.In.HEADER).required(false)
                        .description("The client's id for this request: a retry with the same key is applied once"
                                + " and answered with the first result.")
                        .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
            }
        }
        return item;
    }
}
