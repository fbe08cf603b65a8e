package htm.problem.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Puts the error answers into the OpenAPI document (mp.openapi.filter), so that a generated client knows HTM's
 * error type: every operation answers the HTM error body (schema HtmError) — 401 and 403 unless it is public,
 * 400 when it takes parameters or a body, 415 when it takes a body, 404 when its path names a resource, 409
 * when it changes something that has a state, 412 when it takes If-Match. An answer an operation documents
 * itself keeps its description, and gets the error body when it names none.
 */
public class ErrorAnswers implements OASFilter {

    static final String SCHEMA = "HtmError";
    private static final String REF = "#/components/schemas/" + SCHEMA;
    /** Reachable without signing in. */
    private static final Set<String> PUBLIC =
            Set.of("getAgentCard", "getWorklistPage", "getWorklistPageFile", "signIn");
    /** Changes of things without a state of their own: nothing to conflict with. */
    private static final Set<String> STATELESS_CHANGES = Set.of(
            "signIn", "signOut", "createSubscription", "deleteSubscription", "rotateSubscriptionSecret", "a2aCall");

    private static final Map<String, String> MEANINGS = Map.of(
            "400", "The request is not valid: a parameter or the body (errorMessageParameters name it)",
            "401", "Not signed in: Basic credentials or a bearer token are needed",
            "403", "The caller's role, or its part in the task, does not allow this",
            "404", "No such resource, or one the caller may not see",
            "409", "The resource's state does not allow this now (a task already claimed, say)",
            "412", "If-Match names an ETag that is no longer current: read again",
            "415", "The body is not of a media type this operation takes");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, errorSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().getOperations().entrySet()) {
                document(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        String id = operation.getOperationId() == null ? "" : operation.getOperationId();
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean ifMatch = parameters
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        List<String> codes = new ArrayList<>();
        if (parameters || body) {
            codes.add("400");
        }
        if (!PUBLIC.contains(id) || id.equals("signIn")) {
            codes.add("401");
        }
        if (!PUBLIC.contains(id)) {
            codes.add("403");
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (method != PathItem.HttpMethod.GET && !STATELESS_CHANGES.contains(id)) {
            codes.add("409");
        }
        if (ifMatch) {
            codes.add("412");
        }
        if (body) {
            codes.add("415");
        }
        if (PUBLIC.contains(id)) {
            operation.setSecurity(new ArrayList<>()); // none: an empty list overrides the document's Basic
        }
        APIResponses responses =
                operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        for (String code : codes) {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(MEANINGS.get(code)));
            }
        }
        responses.getAPIResponses().forEach((code, answer) -> {
            if (code.startsWith("4") && answer.getContent() == null) {
                answer.content(OASFactory.createContent()
                        .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(REF))));
            }
        });
        operation.setResponses(responses);
    }

    /** The HTM error body (seed 004), with an example. */
    private static Schema errorSchema() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("errorNumber", "HTM0409E");
        example.put("errorMessage", "Task 2168b1bd-… is in state STATE_CLAIMED: claim is not allowed.");
        example.put("errorMessageParameters", List.of("2168b1bd-…", "STATE_CLAIMED", "claim"));
        example.put("programmersDetails", null);
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("HTM's error body: every error answer carries it")
                .addRequired("errorNumber")
                .addRequired("errorMessage")
                .addProperty(
                        "errorNumber",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("HTM's message number: HTM, the status, E"))
                .addProperty(
                        "errorMessage",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("What went wrong, for people"))
                .addProperty(
                        "errorMessageParameters",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY, Schema.SchemaType.NULL))
                                .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .description("The message's variable parts: the task, the field, the state"))
                .addProperty(
                        "programmersDetails",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                                .description("More for programmers; to administrators only"))
                .example(example);
    }
}
