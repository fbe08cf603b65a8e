package htm.template.boundary;

import htm.task.control.Times;
import htm.template.entity.TaskTemplate;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A task template as the API shows it: its id, who made it when, its defaults and its escalation chain. */
@JsonbPropertyOrder({"tktid", "name", "namespace", "createdBy", "creationTime", "defaults", "escalations"})
public record TemplateView(
        String tktid,
        String name,
        String namespace,
        String createdBy,
        String creationTime,
        JsonObject defaults,
        JsonArray escalations) {

    static TemplateView of(TaskTemplate template) {
        return new TemplateView(
                template.tktid(),
                template.name(),
                template.namespace(),
                template.createdBy(),
                Times.format(template.creationTime()),
                TaskTemplates.defaults(template),
                TaskTemplates.escalations(template));
    }
}
