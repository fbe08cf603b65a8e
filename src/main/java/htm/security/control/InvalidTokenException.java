package htm.security.control;

import java.util.Optional;

/**
 * A bearer token HTM does not accept; the message says why, for the caller. What only the operator should read
 * (where the identity provider's keys are, why they cannot be read) is the detail, for the log.
 */
public class InvalidTokenException extends RuntimeException {

    private final String detail;

    public InvalidTokenException(String reason) {
        this(reason, null);
    }

    public InvalidTokenException(String reason, String detail) {
        super(reason);
        this.detail = detail;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** The keys cannot be had: the caller hears only that, the log hears why. */
    static InvalidTokenException keysUnreadable(String detail) {
        return new InvalidTokenException("the identity provider's keys cannot be read now", detail);
    }
}
