package htm.template.boundary;

import static htm.security.control.Role.ADMIN_NAME;
import static htm.security.control.Role.APIREAD_NAME;
import static htm.security.control.Role.APIWRITE_NAME;
import static htm.security.control.Role.ENGINEERING_NAME;
import static htm.security.control.Role.SUPPORT_NAME;
import static htm.task.control.JsonApi.JSON;

import htm.deadline.control.EscalationRules;
import htm.problem.entity.HtmException;
import htm.security.boundary.CurrentCaller;
import htm.task.control.TaskDefinitions;
import htm.task.control.TaskLimits;
import htm.task.entity.TaskDefinition;
import htm.template.entity.TaskTemplate;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Task templates: engineering and administrators define them, everyone may read them and make tasks of them. */
@Stateless
@DeclareRoles({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
@RolesAllowed({ADMIN_NAME, APIWRITE_NAME, APIREAD_NAME, SUPPORT_NAME, ENGINEERING_NAME})
public class TaskTemplates {

    static final int MAX_TEMPLATES_LISTED = 1000;

    @PersistenceContext(unitName = "htm")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    TaskLimits limits;

    /** Stores a template once its defaults read as a task's create body and its chain as escalations. */
    @RolesAllowed({ENGINEERING_NAME, ADMIN_NAME})
    public TemplateView create(JsonObject body) {
        JsonObject defaults =
                JSON.createObjectBuilder(body).remove("escalations").build();
        TaskDefinition definition = TaskDefinitions.read(defaults);
        JsonValue escalations = body.getOrDefault("escalations", JsonValue.EMPTY_JSON_ARRAY);
        limits.check(definition.people(), definition.customProperties(), Map.of());
        EscalationRules.chain(escalations).forEach(rule -> limits.check(rule.receivers(), Map.of(), Map.of()));
        TaskTemplate template = new TaskTemplate(
                definition.name(),
                definition.namespace(),
                defaults.toString(),
                escalations.getValueType() == JsonValue.ValueType.NULL ? "[]" : escalations.toString(),
                caller.name(),
                Instant.now());
        em.persist(template);
        return TemplateView.of(template);
    }

    public List<TemplateView> list() {
        return templates();
    }

    /**
     * The templates as the skills of HTM's public A2A agent card: anyone may read them there, before signing in
     * (the card says what an agent can ask for, and how to sign in to ask).
     */
    @PermitAll
    public List<TemplateView> skills() {
        return templates();
    }

    private List<TemplateView> templates() {
        return em.createQuery("select t from TaskTemplate t order by t.name, t.tktid", TaskTemplate.class)
                .setMaxResults(MAX_TEMPLATES_LISTED)
                .getResultStream()
                .map(TemplateView::of)
                .toList();
    }

    public TemplateView find(String tktid) {
        return TemplateView.of(template(em, tktid));
    }

    /** The template, or 404 naming it. */
    public static TaskTemplate template(EntityManager em, String tktid) {
        TaskTemplate template = tktid == null || tktid.length() > 36 ? null : em.find(TaskTemplate.class, tktid);
        if (template == null) {
            throw HtmException.notFound("Task template", tktid);
        }
        return template;
    }

    /** A template's defaults with the create request's own fields over them. */
    public static JsonObject requestOver(TaskTemplate template, JsonObject request) {
        JsonObjectBuilder merged = JSON.createObjectBuilder(defaults(template));
        request.forEach(merged::add);
        return merged.build();
    }

    static JsonObject defaults(TaskTemplate template) {
        try (JsonReader reader = JSON.createReader(new StringReader(template.defaults()))) {
            return reader.readObject();
        }
    }

    public static JsonArray escalations(TaskTemplate template) {
        try (JsonReader reader = JSON.createReader(new StringReader(template.escalations()))) {
            return reader.readArray();
        }
    }
}
