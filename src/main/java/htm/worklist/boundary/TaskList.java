package htm.worklist.boundary;

import htm.task.boundary.TaskView;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** A page of a work list, in the dojo.data style HTM clients read (API.md §3). */
@JsonbNillable
@JsonbPropertyOrder({"identifier", "total", "items", "next"})
public record TaskList(String identifier, Long total, List<TaskView> items, String next) {

    public TaskList(Long total, List<TaskView> items) {
        this("tkiid", total, items, null);
    }
}
