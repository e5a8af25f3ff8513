package app.herald.broadcast;

import java.time.LocalDate;

/** How many recipients' batches ended how, on one day (by when the batch last left). */
public record DailyOutcome(LocalDate day, long accepted, long failed, long uncertain) {
}
