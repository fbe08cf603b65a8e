package htm.problem.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.OptionalLong;

/**
 * A business failure that reaches the caller as the HTM error body. Rolls the container transaction back.
 */
@ApplicationException(rollback = true)
public class HtmException extends RuntimeException {

    private final int status;
    private final String errorNumber;
    private final List<String> parameters;
    private final long retryAfterSeconds;

    public HtmException(int status, String errorNumber, String message, String... parameters) {
        this(status, errorNumber, message, -1, parameters);
    }

    private HtmException(int status, String errorNumber, String message, long retryAfterSeconds, String... parameters) {
        super(message);
        this.status = status;
        this.errorNumber = errorNumber;
        this.parameters = List.of(parameters);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String errorNumber() {
        return errorNumber;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** How long the caller should wait before trying again (Retry-After), when the failure says. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    /** 429: the caller tried too often; it may try again after the given seconds. */
    public static HtmException tooManyAttempts(String message, long retryAfterSeconds) {
        return new HtmException(429, "HTM0429E", message, retryAfterSeconds, String.valueOf(retryAfterSeconds));
    }

    public static HtmException invalidInput(String field, String problem) {
        return new HtmException(400, "HTM0400E", "Invalid value for '" + field + "': " + problem, field, problem);
    }

    public static HtmException unauthenticated() {
        return new HtmException(401, "HTM0401E", "Authentication is required: send valid credentials.");
    }

    public static HtmException forbidden(String who, String action, String tkiid) {
        return new HtmException(
                403,
                "HTM0403E",
                "User " + who + " is not allowed to " + action + " task " + tkiid + ".",
                who,
                action,
                tkiid);
    }

    /** 403 before the task is looked at: none of the caller's application roles allows the action. */
    public static HtmException roleRefuses(String who, String action) {
        return new HtmException(403, "HTM0403E", "The caller's role does not allow this request.", who, action);
    }

    public static HtmException taskNotFound(String tkiid) {
        return notFound("Task", tkiid);
    }

    /** No such thing, or none the caller may see: "Task template 42 does not exist." */
    public static HtmException notFound(String what, String id) {
        return new HtmException(404, "HTM0404E", what + " " + id + " does not exist.", id);
    }

    public static HtmException illegalInState(String tkiid, String state, String action) {
        return illegalInState("Task", tkiid, state, action);
    }

    /** "Escalation 42 is in state ESCALATION_STATE_ESCALATED; trigger is not allowed there." */
    public static HtmException illegalInState(String what, String id, String state, String action) {
        return new HtmException(
                409,
                "HTM0409E",
                what + " " + id + " is in state " + state + "; " + action + " is not allowed there.",
                id,
                state,
                action);
    }

    public static HtmException ownerChanged(String tkiid, String owner, String action) {
        return new HtmException(
                409,
                "HTM0411E",
                "Task " + tkiid + " is no longer yours: its owner is now " + (owner == null ? "nobody" : owner)
                        + ", so " + action + " is not possible.",
                tkiid,
                owner,
                action);
    }

    public static HtmException preconditionFailed(String tkiid, String expected, String actual) {
        return new HtmException(
                412,
                "HTM0412E",
                "Task " + tkiid + " has ETag " + actual + ", not " + expected + " as If-Match requires.",
                tkiid,
                expected,
                actual);
    }
}
