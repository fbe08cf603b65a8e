package htm.task.boundary;

import htm.task.entity.Task;
import jakarta.ws.rs.core.EntityTag;

/** A task's view together with the version its ETag carries. */
public record VersionedTask(TaskView task, long version) {

    public static VersionedTask of(Task task) {
        return new VersionedTask(TaskView.of(task), task.version());
    }

    public EntityTag etag() {
        return new EntityTag(Long.toString(version));
    }
}
