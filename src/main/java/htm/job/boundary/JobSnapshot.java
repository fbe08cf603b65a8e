package htm.job.boundary;

import htm.job.entity.Job;
import htm.task.boundary.TaskView;
import htm.task.control.Times;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** A job as the HTM API shows it: its own fields and the tasks in its context. */
@JsonbNillable
public record JobSnapshot(
        String id,
        String name,
        String owner,
        String claimedAt,
        String createdBy,
        String created,
        String lastUpdatedBy,
        String lastUpdated,
        List<String> watchers,
        List<TaskView> tasks) {

    static JobSnapshot of(Job job, List<TaskView> tasks) {
        return new JobSnapshot(
                job.id(),
                job.name(),
                job.owner(),
                Times.format(job.claimedAt()),
                job.createdBy(),
                Times.format(job.created()),
                job.lastUpdatedBy(),
                Times.format(job.lastUpdated()),
                job.watchers(),
                tasks);
    }
}
