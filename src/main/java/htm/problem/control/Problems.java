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
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
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
    private static final long DATABASE_RETRY_SECONDS = 5;

    private Problems() {}

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
        return new Problem(
                500, "HTM0500E", "The server failed to process the request.", List.of(), stackTrace(failure));
    }

    /** The Retry-After seconds the failure asks for, if any: its own, or a few while the database is away. */
    public static OptionalLong retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = cause(t)) {
            if (t instanceof HtmException e) {
                return e.retryAfterSeconds();
            }
        }
        for (Throwable t = failure; t != null; t = cause(t)) {
            if (isDatabaseUnavailable(t)) {
                return OptionalLong.of(DATABASE_RETRY_SECONDS);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The database is down, restarting or out of connections: a lost connection (SQLState class 08), PostgreSQL's
     * shutdown and start-up states (57P01–57P03), the driver's or the pool's connection failures.
     */
    private static boolean isDatabaseUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        return t instanceof SQLException e
                && e.getSQLState() != null
                && (e.getSQLState().startsWith("08")
                        || Set.of("57P01", "57P02", "57P03").contains(e.getSQLState()));
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
        if (t instanceof OptimisticLockException
                || t instanceof PessimisticLockException
                || t instanceof LockTimeoutException
                || isHibernateStaleState(t)
                || isLockConflict(t)) {
            return problem(
                    409,
                    "HTM0410E",
                    "The task was changed by another request at the same time; read it again and retry.");
        }
        if (isDatabaseUnavailable(t)) {
            return problem(503, "HTM0503E", "The database cannot be reached now; try again in a few seconds.");
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
        return t instanceof SQLException e
                && (e.getSQLState() != null
                                && Set.of("40001", "40P01", "55P03", "HYT00").contains(e.getSQLState())
                        || e.getErrorCode() == H2_CONCURRENT_UPDATE
                        || e.getErrorCode() == H2_LOCK_TIMEOUT);
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
