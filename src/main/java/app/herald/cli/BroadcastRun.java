package app.herald.cli;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Sending;
import app.herald.core.HeraldCore;
import app.herald.settings.ChannelKind;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** What send and resume share: asking first, running the dispatcher with progress on standard error, the outcome. */
final class BroadcastRun {

    private BroadcastRun() {
    }

    /**
     * @return true when the person said yes, or --yes was given; false (with the reason printed) otherwise
     */
    static boolean confirmed(boolean yes, String question, PrintWriter err) {
        return confirmed(yes, question, "nothing sent", "send", err);
    }

    /**
     * @param undone what the person is told when there is no one to ask, such as "nothing restored"
     * @param verb   what --yes does, such as "restore"
     */
    static boolean confirmed(boolean yes, String question, String undone, String verb, PrintWriter err) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            err.println("herald: " + undone + ". There is no terminal to ask \"" + question + "\": add --yes to " + verb + ".");
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** Sends what is PENDING and prints the outcome. @return the exit code: 0 when every batch was accepted */
    static int run(HeraldCore core, Sending sending, PrintWriter out, PrintWriter err) throws InterruptedException {
        String unit = sending.channel() == ChannelKind.MESSAGES ? "messages" : "batches";
        BroadcastState state = sending.run(progress -> err.printf("[%,d/%,d %s, %,d recipients accepted] %s%n",
                progress.ended(), progress.total(), unit, progress.recipientsAccepted(), progress.lastEvent()));
        BroadcastSummary summary = core.history().find(sending.broadcastId()).orElseThrow();
        out.printf("Broadcast %d (%s, %s): %s%n", summary.id(), summary.mode(), summary.channel().label(),
                describe(state, summary.channel() == ChannelKind.MESSAGES ? "message" : "batch"));
        if (summary.channel() == ChannelKind.MESSAGES) {
            return messagesOutcome(summary, out);
        }
        for (Batch batch : summary.batches()) {
            out.printf("  batch %d: %,d recipients, %s%s%n", batch.number(), batch.size(), batch.state(),
                    batch.sid() != null ? " " + batch.sid() : batch.errorMessage() != null ? " - " + batch.errorMessage() : "");
        }
        boolean clean = summary.batches().stream().allMatch(batch -> batch.state() == SendState.ACCEPTED);
        if (summary.uncertainRequests() > 0) {
            out.println("UNCERTAIN batches may or may not have gone out; Herald never sends them again by itself."
                    + " Check the Twilio console (the Notify logs) before deciding.");
        }
        return clean ? 0 : 1;
    }

    /** A Messaging broadcast's recipients by how their message stands; each one is in `herald recipients`. */
    private static int messagesOutcome(BroadcastSummary summary, PrintWriter out) {
        out.printf("  %,d recipients: %,d accepted, %,d refused, %,d uncertain, %,d marked sent, %,d not sent yet%n",
                summary.recipients(), summary.accepted(), summary.failed(), summary.uncertain(), summary.markedSent(),
                summary.pendingRecipients());
        out.printf("  `herald recipients %d` lists each one with its SID or the reason.%n", summary.id());
        if (summary.uncertain() > 0) {
            out.println("UNCERTAIN messages may or may not have gone out, and Twilio's log did not show them;"
                    + " Herald never sends them again by itself.");
        }
        return summary.accepted() == summary.recipients() ? 0 : 1;
    }

    private static String describe(BroadcastState state, String unit) {
        return switch (state) {
            case FINISHED -> "every " + unit + " has ended";
            case PAUSED -> "paused; `herald resume` sends what is pending";
            case CANCELLED -> "cancelled";
            case PLANNING, READY, SENDING -> state.name().toLowerCase(Locale.ROOT);
        };
    }
}
