package htm.security.control;

/** A bearer token HTM does not accept; the message says why, for the caller. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
