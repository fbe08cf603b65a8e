package htm.worklist.boundary;

import htm.problem.control.Problem;
import htm.problem.control.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One action on many tasks. Called outside any transaction, each task goes through the same facade use case as
 * a single call, in its own transaction, so one failure undoes nothing else; failures are reported task by task.
 */
public final class Bulk {

    public static final int MAX_TASKS = 500;

    private Bulk() {}

    /** The tasks on which the action failed, and why. */
    public record FailedOperation(String tkiid, String errorNumber, String errorMessage) {}

    public record Result(List<FailedOperation> failedOperations) {}

    public static Result each(List<String> tkiids, Consumer<String> action) {
        List<FailedOperation> failed = new ArrayList<>();
        for (String tkiid : tkiids) {
            try {
                action.accept(tkiid);
            } catch (RuntimeException e) {
                Problem problem = Problems.of(e);
                failed.add(new FailedOperation(
                        tkiid, problem.body().errorNumber(), problem.body().errorMessage()));
            }
        }
        return new Result(failed);
    }
}
