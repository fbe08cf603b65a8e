package htm.event.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One event's delivery to a subscription: how often it was tried, how it stands, what the target answered. */
@JsonbPropertyOrder({
    "eventId",
    "type",
    "tkiid",
    "attempts",
    "status",
    "lastAttemptTime",
    "nextAttemptTime",
    "lastStatusCode"
})
public record DeliveryView(
        String eventId,
        String type,
        String tkiid,
        int attempts,
        String status,
        String lastAttemptTime,
        String nextAttemptTime,
        Integer lastStatusCode) {}
