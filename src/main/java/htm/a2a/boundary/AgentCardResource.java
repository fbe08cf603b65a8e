package htm.a2a.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.security.boundary.Public;
import htm.template.boundary.TaskTemplates;
import htm.template.boundary.TemplateView;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HTM's A2A agent card (API.md §8): where agents send their messages, how they sign in, and what they can ask
 * for — a human task of any shape, or one of the task templates, each a skill.
 */
@Path(".well-known/agent-card.json")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "A2A")
public class AgentCardResource {

    static final String PROTOCOL_VERSION = "0.3.0";
    /** The skill of a task the message describes itself (its data part is the HTM task's create body). */
    static final String HUMAN_TASK_SKILL = "human-task";

    @EJB
    TaskTemplates templates;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "getAgentCard", summary = "The A2A agent card (public)")
    public JsonObject card() {
        String url = uri.getBaseUriBuilder().path("a2a").build().toString();
        JsonArrayBuilder skills = JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder()
                        .add("id", HUMAN_TASK_SKILL)
                        .add("name", "Ask a person")
                        .add(
                                "description",
                                "Creates a human task from the message: its data part is the task (name, description,"
                                        + " potentialOwners, input, …, as in POST /rest/bpm/htm/v1/task), its text the"
                                        + " description. The task's output is the artifact when a person completes it.")
                        .add("tags", JSON.createArrayBuilder().add("human-in-the-loop"))
                        .add(
                                "inputModes",
                                JSON.createArrayBuilder()
                                        .add("application/json")
                                        .add("text/plain"))
                        .add("outputModes", JSON.createArrayBuilder().add("application/json")));
        for (TemplateView template : templates.skills()) {
            JsonValue description = template.defaults().get("description");
            skills.add(JSON.createObjectBuilder()
                    .add("id", template.tktid())
                    .add("name", template.name())
                    .add(
                            "description",
                            description != null && description.getValueType() == JsonValue.ValueType.STRING
                                    ? description
                                    : JSON.createValue("Creates a human task from the template " + template.name()
                                            + "; the message's data part overrides its defaults."))
                    .add(
                            "tags",
                            JSON.createArrayBuilder().add("human-in-the-loop").add("task-template"))
                    .add(
                            "inputModes",
                            JSON.createArrayBuilder().add("application/json").add("text/plain"))
                    .add("outputModes", JSON.createArrayBuilder().add("application/json")));
        }
        return JSON.createObjectBuilder()
                .add("protocolVersion", PROTOCOL_VERSION)
                .add("name", "HTM")
                .add(
                        "description",
                        "Human task manager: an agent's message becomes a task in people's work lists; the"
                                + " person's answer comes back as the task's artifact.")
                .add("url", url)
                .add("preferredTransport", "JSONRPC")
                .add(
                        "additionalInterfaces",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("url", url).add("transport", "JSONRPC")))
                .add("version", "1")
                .add(
                        "capabilities",
                        JSON.createObjectBuilder()
                                .add("streaming", true)
                                .add("pushNotifications", true)
                                .add("stateTransitionHistory", false))
                .add(
                        "securitySchemes",
                        JSON.createObjectBuilder()
                                .add(
                                        "basic",
                                        JSON.createObjectBuilder()
                                                .add("type", "http")
                                                .add("scheme", "basic"))
                                .add(
                                        "bearer",
                                        JSON.createObjectBuilder()
                                                .add("type", "http")
                                                .add("scheme", "bearer")
                                                .add("bearerFormat", "JWT")))
                .add(
                        "security",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("basic", JSON.createArrayBuilder()))
                                .add(JSON.createObjectBuilder().add("bearer", JSON.createArrayBuilder())))
                .add(
                        "defaultInputModes",
                        JSON.createArrayBuilder().add("application/json").add("text/plain"))
                .add("defaultOutputModes", JSON.createArrayBuilder().add("application/json"))
                .add("skills", skills)
                .build();
    }
}
