package htm.event.boundary;

import htm.event.control.TaskEvent;
import java.util.Optional;

/**
 * What a subscription that is not sent the event itself is sent instead (WebhookSubscription.format): A2A's
 * push notifications are sent the task as it is when they go out.
 */
public interface DeliveryFormat {

    /** The format's name, as a subscription stores it. */
    String name();

    String contentType();

    /** The body for an event; empty when there is nothing to send (the task is gone). */
    Optional<String> body(TaskEvent event);
}
