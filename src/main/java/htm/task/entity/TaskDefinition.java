package htm.task.entity;

import java.util.List;
import java.util.Map;

/**
 * What a creator says about a new task; every field but name may be null or empty (then the task's default holds):
 * a capability left out of capabilities has its {@link Capability#byDefault() default}.
 */
public record TaskDefinition(
        String name,
        String displayName,
        String description,
        String namespace,
        TaskKind kind,
        Integer priority,
        String type,
        String applicationName,
        String containmentContextID,
        Boolean businessRelevant,
        TaskSchedule schedule,
        Map<Capability, Boolean> capabilities,
        List<Assignment> people,
        Map<String, String> customProperties,
        String input) {

    public TaskDefinition {
        schedule = schedule == null ? TaskSchedule.NONE : schedule;
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        people = people == null ? List.of() : List.copyOf(people);
        customProperties = customProperties == null ? Map.of() : Map.copyOf(customProperties);
    }

    /** A task of that name for those people, with every default. */
    public static TaskDefinition of(String name, List<Assignment> people) {
        return new TaskDefinition(
                name, null, null, null, null, null, null, null, null, null, null, null, people, null, null);
    }

    /** Whether the new task will have the capability: as its creator said, else by default. */
    public boolean supports(Capability capability) {
        return capabilities.getOrDefault(capability, capability.byDefault());
    }
}
