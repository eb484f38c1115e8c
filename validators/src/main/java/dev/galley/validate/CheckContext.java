package dev.galley.validate;

import dev.galley.core.Deadline;
import java.time.Clock;

/**
 * What a running check may use besides its own collaborators: the clock (time-based checks say when they will
 * pass) and its deadline.
 *
 * @param clock    the clock to read
 * @param deadline when the check must be done
 */
public record CheckContext(Clock clock, Deadline deadline) {
}
