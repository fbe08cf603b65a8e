package htm.event.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the first wait, doubling with each attempt up to the longest
 * wait, until the retry window since the event runs out; then it is given up (parked as failed).
 */
public record RetrySchedule(Duration firstWait, Duration longestWait, Duration window) {

    /** The time of the next attempt after the given number of attempts, or empty when it is time to give up. */
    public Optional<Instant> next(int attempts, Instant eventTime, Instant now) {
        Duration wait = firstWait;
        for (int i = 1; i < attempts && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(longestWait) > 0) {
            wait = longestWait;
        }
        Instant next = now.plus(wait);
        return next.isAfter(eventTime.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
