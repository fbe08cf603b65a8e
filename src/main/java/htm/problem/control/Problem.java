package htm.problem.control;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** An HTTP status and the HTM error body that goes with it. */
public record Problem(int status, Body body) {

    /** The HTM error body of seed 004, plus the message parameters HTM clients read. */
    @JsonbNillable
    @JsonbPropertyOrder({"errorNumber", "errorMessage", "errorMessageParameters", "programmersDetails"})
    public record Body(
            String errorNumber, String errorMessage, List<String> errorMessageParameters, String programmersDetails) {}

    public Problem(int status, String errorNumber, String errorMessage, List<String> parameters, String details) {
        this(status, new Body(errorNumber, errorMessage, parameters, details));
    }

    public Problem withoutDetails() {
        return new Problem(status, body.errorNumber(), body.errorMessage(), body.errorMessageParameters(), null);
    }
}
