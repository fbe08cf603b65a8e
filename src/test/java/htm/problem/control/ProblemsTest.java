package htm.problem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import htm.problem.entity.HtmException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotSupportedException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aBusinessFailureKeepsItsStatusNumberAndParameters() {
        Problem p = Problems.of(HtmException.illegalInState("t1", "STATE_CLAIMED", "ACTION_CLAIM"));
        assertEquals(409, p.status());
        assertEquals("HTM0409E", p.body().errorNumber());
        assertEquals(List.of("t1", "STATE_CLAIMED", "ACTION_CLAIM"), p.body().errorMessageParameters());
        assertNull(p.body().programmersDetails());
    }

    @Test
    void aBusinessFailureInsideTheJsonReadersFailureWins() {
        HtmException tooLarge = new HtmException(413, "HTM0413E", "too large");
        Problem p = Problems.of(new JsonException("read failed", tooLarge));
        assertEquals(413, p.status());
        assertEquals("HTM0413E", p.body().errorNumber());
    }

    @Test
    void aRefusalToTryAgainSaysWhen() {
        assertEquals(
                OptionalLong.of(4), Problems.retryAfter(new EJBException(HtmException.tooManyAttempts("wait", 4))));
        assertEquals(429, Problems.of(HtmException.tooManyAttempts("wait", 4)).status());
        assertEquals(OptionalLong.empty(), Problems.retryAfter(HtmException.unauthenticated()));
    }

    @Test
    void aDatabaseThatIsAwayIs503WithRetryAfter() {
        for (Throwable away : new Throwable[] {
            new SQLException("Connection refused", "08001"),
            new SQLException("terminating connection due to administrator command", "57P01"),
            new SQLTransientConnectionException("pool exhausted")
        }) {
            Throwable wrapped = new EJBException(new PersistenceException(away));
            assertEquals(503, Problems.of(wrapped).status(), away.getMessage());
            assertEquals("HTM0503E", Problems.of(wrapped).body().errorNumber());
            assertEquals(OptionalLong.of(5), Problems.retryAfter(wrapped));
        }
        assertEquals(409, Problems.of(new SQLException("deadlock", "40P01")).status());
    }

    @Test
    void aLostOptimisticRaceWrappedByTheContainerIsAConflict() {
        Problem p = Problems.of(new EJBException(new RuntimeException(new OptimisticLockException("stale"))));
        assertEquals(409, p.status());
    }

    @Test
    void aDatabaseSerializationFailureIsAConflict() {
        Problem p = Problems.of(new RuntimeException(new SQLException("could not serialize", "40001")));
        assertEquals(409, p.status());
    }

    @Test
    void roleAndMediaTypeFailures() {
        assertEquals(403, Problems.of(new EJBAccessException("no")).status());
        assertEquals(415, Problems.of(new NotSupportedException()).status());
    }

    @Test
    void anUnknownFailureIsA500WithDetailsThatOnlyAdminsGet() {
        Problem p = Problems.of(new IllegalStateException("boom"));
        assertEquals(500, p.status());
        assertNotNull(p.body().programmersDetails());
        assertNull(p.withoutDetails().body().programmersDetails());
        assertEquals("The server failed to process the request.", p.body().errorMessage());
    }
}
