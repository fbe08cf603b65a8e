package htm.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One user or group named in one of a task's people roles. */
@Embeddable
public record Assignment(
        @Enumerated(EnumType.STRING) @Column(name = "people_role", length = 24, nullable = false)
        PeopleRole role,

        @Column(name = "is_group", nullable = false) boolean isGroup,

        @Column(name = "principal", length = 255, nullable = false)
        String principal) {

    public static Assignment user(PeopleRole role, String name) {
        return new Assignment(role, false, name);
    }

    public static Assignment group(PeopleRole role, String name) {
        return new Assignment(role, true, name);
    }
}
