package htm.event.boundary;

import htm.event.entity.WebhookSubscription;
import htm.task.control.Times;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A webhook subscription as the API shows it; the secret only in the answer that made it (or rotated it). */
@JsonbPropertyOrder({"id", "url", "types", "filter", "createdBy", "creationTime", "secret", "previousSecretValidUntil"})
public record SubscriptionView(
        String id,
        String url,
        List<String> types,
        Filter filter,
        String createdBy,
        String creationTime,
        String secret,
        String previousSecretValidUntil) {

    /** Which tasks' events the subscription hears; a null part does not filter. */
    @JsonbPropertyOrder({"namespace", "namePrefix", "taskTemplateID"})
    public record Filter(String namespace, String namePrefix, String taskTemplateID) {}

    static SubscriptionView of(WebhookSubscription subscription) {
        return new SubscriptionView(
                subscription.id(),
                subscription.url(),
                subscription.types(),
                new Filter(subscription.namespace(), subscription.namePrefix(), subscription.taskTemplateID()),
                subscription.createdBy(),
                Times.format(subscription.creationTime()),
                null,
                subscription.previousSecretUntil() == null ? null : Times.format(subscription.previousSecretUntil()));
    }

    static SubscriptionView withSecret(WebhookSubscription subscription) {
        SubscriptionView view = of(subscription);
        return new SubscriptionView(
                view.id,
                view.url,
                view.types,
                view.filter,
                view.createdBy,
                view.creationTime,
                subscription.secret(),
                view.previousSecretValidUntil);
    }
}
