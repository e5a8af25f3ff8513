package app.herald.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioCredentials;
import app.herald.twilio.simulator.NotifySimulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The life of the connection: opened at the first send, replaced on a new choice, kept for a send still running. */
class TwilioConnectionsTest {

    private static final TwilioChoice LIVE = new TwilioChoice(Mode.LIVE, Optional.of(new TwilioCredentials(
            NotifySimulator.ACCOUNT_SID, NotifySimulator.ACCOUNT_SID, NotifySimulator.AUTH_TOKEN, NotifySimulator.SERVICE_SID)),
            false);

    @Test
    void aNewChoiceOpensANewConnectionAndTheOldOneLivesUntilClose() throws Exception {
        TwilioConnections connections = new TwilioConnections(TwilioChoice.SIMULATION, Map.of());
        TwilioConnection simulation = connections.current();
        assertThat(simulation.mode()).isEqualTo(Mode.SIMULATION);
        assertThat(connections.current()).as("kept while the choice stands").isSameAs(simulation);

        connections.choose(LIVE);

        assertThat(connections.current().mode()).isEqualTo(Mode.LIVE);
        assertThat(simulation.channel().send(List.of("+14155550100"), "still there"))
                .as("a send that started on the simulator finishes on it").startsWith("NT");

        connections.close();

        assertThatThrownBy(() -> simulation.channel().send(List.of("+14155550100"), "gone"))
                .as("the simulator has stopped").isInstanceOf(GatewayException.class);
    }

    @Test
    void choosingTheSameAgainKeepsTheConnection() {
        try (TwilioConnections connections = new TwilioConnections(TwilioChoice.SIMULATION, Map.of())) {
            TwilioConnection first = connections.current();

            connections.choose(TwilioChoice.SIMULATION);

            assertThat(connections.current()).isSameAs(first);
        }
    }
}
