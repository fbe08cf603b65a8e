package htm.task.entity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields an update action sets; null leaves a field as it is. A custom property whose value is null
 * is removed.
 */
public record TaskUpdate(
        String name,
        String displayName,
        String description,
        String namespace,
        Integer priority,
        Instant dueTime,
        Instant expirationTime,
        Map<String, String> customProperties) {

    public TaskUpdate {
        customProperties = customProperties == null ? Map.of() : new HashMap<>(customProperties);
    }
}
