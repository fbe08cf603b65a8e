package htm.event.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(1));
    private final Instant event = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theWaitDoublesUpToTheLongest() {
        assertEquals(Optional.of(event.plusSeconds(5)), schedule.next(1, event, event));
        assertEquals(Optional.of(event.plusSeconds(10)), schedule.next(2, event, event));
        assertEquals(Optional.of(event.plusSeconds(40)), schedule.next(4, event, event));
        assertEquals(Optional.of(event.plusSeconds(60)), schedule.next(5, event, event));
        assertEquals(Optional.of(event.plusSeconds(60)), schedule.next(1000, event, event));
    }

    @Test
    void givesUpWhenTheNextAttemptWouldFallAfterTheWindow() {
        Instant late = event.plus(Duration.ofMinutes(59)).plusSeconds(30);
        assertEquals(Optional.of(late.plusSeconds(5)), schedule.next(1, event, late));
        assertEquals(Optional.empty(), schedule.next(5, event, late));
    }
}
