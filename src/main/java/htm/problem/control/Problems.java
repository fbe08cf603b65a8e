package htm.problem.control;

import htm.problem.entity.HtmException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns any failure into the one HTM error body; the cause chain decides: an {@link HtmException} anywhere in it
 * (a body that passed its limit, say, wrapped by the JSON reader), else the outermost known cause.
 */
public final class Problems {

    private static final int H2_CONCURRENT_UPDATE = 90131;
    private static final int H2_LOCK_TIMEOUT = 50200;

    private Problems() {
    }

    public static Problem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = cause(t)) {
            if (t instanceof HtmException) {
                return known(t);
            }
        }
        for (Throwable t = failure; t != null; t = cause(t)) {
            Problem known = known(t);
            if (known != null) {
                return known;
            }
        }
        return new Problem(500, "HTM0500E", "The server failed to process the request.", List.of(),
                stackTrace(failure));
    }

    /** The Retry-After seconds the failure asks for, if any. */
    public static OptionalLong retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = cause(t)) {
            if (t instanceof HtmException e) {
                return e.retryAfterSeconds();
            }
        }
        return OptionalLong.empty();
    }

    private static Throwable cause(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }

    private static Problem known(Throwable t) {
        if (t instanceof HtmException e) {
            return new Problem(e.status(), e.errorNumber(), e.getMessage(), e.parameters(), null);
        }
        if (t instanceof EJBAccessException) {
            return problem(403, "HTM0403E", "The caller's role does not allow this request.");
        }
        if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                || t instanceof LockTimeoutException || isHibernateStaleState(t) || isLockConflict(t)) {
            return problem(409, "HTM0410E",
                    "The task was changed by another request at the same time; read it again and retry.");
        }
        if (t instanceof NotFoundException) {
            return problem(404, "HTM0404E", "No resource at this address.");
        }
        if (t instanceof NotAllowedException) {
            return problem(405, "HTM0405E", "This HTTP method is not supported here.");
        }
        if (t instanceof NotAcceptableException) {
            return problem(406, "HTM0406E", "Only application/json responses are available here.");
        }
        if (t instanceof NotSupportedException) {
            return problem(415, "HTM0415E", "Unsupported media type: send application/json.");
        }
        if (t instanceof JsonException || t instanceof JsonbException || t instanceof ProcessingException) {
            return problem(400, "HTM0400E", "The request body is not valid JSON: " + firstLine(t.getMessage()));
        }
        if (t instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return problem(status, "HTM0" + status + "E", "The request was rejected: " + firstLine(e.getMessage()));
        }
        return null;
    }

    private static boolean isHibernateStaleState(Throwable t) {
        String name = t.getClass().getName();
        return name.equals("org.hibernate.StaleObjectStateException")
                || name.equals("org.hibernate.StaleStateException")
                || name.equals("org.hibernate.exception.LockAcquisitionException");
    }

    /** Serialization failures, deadlocks and lock timeouts of PostgreSQL and H2: a lost race, not a fault. */
    private static boolean isLockConflict(Throwable t) {
        return t instanceof SQLException e && (Set.of("40001", "40P01", "55P03", "HYT00").contains(e.getSQLState())
                || e.getErrorCode() == H2_CONCURRENT_UPDATE || e.getErrorCode() == H2_LOCK_TIMEOUT);
    }

    private static Problem problem(int status, String number, String message) {
        return new Problem(status, number, message, List.of(), null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
