package app.herald.twilio.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.twilio.NotifyChannel;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An embedded simulator sends to millions in SIMULATION: what it remembers of them stays bounded. */
class TwilioSimulatorMemoryTest {

    @Test
    void itRemembersOnlyTheNewestNotificationsUpToABoundOfNumbers() throws Exception {
        try (TwilioSimulator simulator = TwilioSimulator.start(0, null)) {
            NotifyChannel channel = new NotifyChannel(TwilioSimulator.CREDENTIALS, simulator.baseUrl(), Duration.ofSeconds(10));
            int batches = TwilioSimulator.REMEMBERED_ADDRESSES / NotifyChannel.MAX_BINDINGS + 1;
            String last = null;
            for (int batch = 0; batch < batches; batch++) {
                int first = batch * NotifyChannel.MAX_BINDINGS;
                List<String> numbers = IntStream.range(first, first + NotifyChannel.MAX_BINDINGS)
                        .mapToObj(i -> "+1415" + (2_000_000 + i)).toList();
                last = channel.send(numbers, "Hello");
            }

            assertThat(simulator.notificationRequests()).isEqualTo(batches);
            assertThat(simulator.accepted().stream().mapToInt(accepted -> accepted.addresses().size()).sum())
                    .isEqualTo(TwilioSimulator.REMEMBERED_ADDRESSES);
            assertThat(simulator.accepted().get(0).addresses().get(0)).as("the oldest went first").isEqualTo("+14152010000");
            assertThat(simulator.accepted()).last().extracting(TwilioSimulator.Accepted::sid).isEqualTo(last);
        }
    }
}
