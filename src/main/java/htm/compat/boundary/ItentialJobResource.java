package htm.compat.boundary;

import static htm.task.control.JsonApi.JSON;

import htm.compat.control.SeedStatus;
import htm.job.boundary.JobSnapshot;
import htm.job.boundary.Jobs;
import htm.problem.entity.HtmException;
import htm.task.boundary.TaskView;
import htm.task.control.JsonInput;
import htm.task.entity.TaskState;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Itential's claimJob (seed 001): claims a job, and the job's ready tasks the user may claim. */
@Path("workflow_engine/claimJob")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Itential")
public class ItentialJobResource {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    private static final Set<String> FIELDS = Set.of("job_id", "user");

    @EJB
    Jobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "itentialClaimJob",
            summary = "Claim a job: {job_id, user}, no other fields; answers {updated_job}")
    public JsonObject claimJob(String body) {
        JsonObject request = JsonInput.object(body);
        for (String field : request.keySet()) {
            if (!FIELDS.contains(field)) {
                throw HtmException.invalidInput(field, "not a property of claimJob (only job_id and user)");
            }
        }
        String jobId = JsonInput.string(request, "job_id", 64);
        if (jobId == null || !OBJECT_ID.matcher(jobId).matches()) {
            throw HtmException.invalidInput("job_id", "required: a 24-digit hexadecimal object id");
        }
        String user = JsonInput.string(request, "user", 255);
        if (user == null || user.isBlank()) {
            throw HtmException.invalidInput("user", "required");
        }
        return JSON.createObjectBuilder()
                .add("updated_job", itential(jobs.claim(jobId.toLowerCase(), user)))
                .build();
    }

    /** A job in Itential's shape: its tasks by id, its metrics, watchers and errors (its failed tasks). */
    static JsonObject itential(JobSnapshot job) {
        JsonObjectBuilder tasks = JSON.createObjectBuilder();
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        for (TaskView task : job.tasks()) {
            JsonObject itentialTask = ItentialResource.itential(task, null, null);
            tasks.add(
                    task.tkiid(),
                    JSON.createObjectBuilder()
                            .add("name", task.name())
                            .add("groups", JSON.createArrayBuilder())
                            .add("status", itentialTask.getString("status"))
                            .add("metrics", itentialTask.getJsonObject("metrics")));
            if (task.state() == TaskState.STATE_FAILED) {
                errors.add(JSON.createObjectBuilder()
                        .add("task", task.tkiid())
                        .add("message", "Task " + task.name() + " failed")
                        .add(
                                "timestamp",
                                Instant.parse(task.lastModificationTime()).toEpochMilli()));
            }
        }
        JsonObjectBuilder metrics = JSON.createObjectBuilder()
                .add("start_time", Instant.parse(job.created()).toEpochMilli());
        if (job.owner() == null) {
            metrics.addNull("owner");
        } else {
            metrics.add("owner", job.owner());
        }
        return JSON.createObjectBuilder()
                .add("_id", job.id())
                .add("name", job.name())
                .add("tasks", tasks)
                .add("transitions", JSON.createObjectBuilder())
                .add("created", job.created())
                .add("created_by", job.createdBy())
                .add("last_updated", job.lastUpdated())
                .add("last_updated_by", job.lastUpdatedBy())
                .add("groups", JSON.createArrayBuilder())
                .add("type", "automation")
                .add("watchers", JSON.createArrayBuilder(job.watchers()))
                .add("metrics", metrics)
                .add(
                        "status",
                        SeedStatus.itentialJob(
                                job.tasks().stream().map(TaskView::state).toList()))
                .add("locked", job.owner() != null)
                .add("error", errors)
                .build();
    }
}
