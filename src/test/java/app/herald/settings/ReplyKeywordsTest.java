package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.settings.ReplyKeywords.Meaning;
import org.junit.jupiter.api.Test;

class ReplyKeywordsTest {

    private final ReplyKeywords twilio = ReplyKeywords.TWILIO_DEFAULTS;

    @Test
    void aReplyThatIsOneOptOutWordAsAWholeOptsOutWhateverItsCaseAndSpaces() {
        assertThat(twilio.meaningOf("STOP")).isEqualTo(Meaning.OPT_OUT);
        assertThat(twilio.meaningOf("  stop \n")).isEqualTo(Meaning.OPT_OUT);
        assertThat(twilio.meaningOf("Stop!")).isEqualTo(Meaning.OPT_OUT);
        assertThat(twilio.meaningOf("unsubscribe")).isEqualTo(Meaning.OPT_OUT);
        assertThat(twilio.meaningOf("StopAll")).isEqualTo(Meaning.OPT_OUT);
    }

    @Test
    void aSentenceHoldingStopOrAThankYouChangesNothing() {
        assertThat(twilio.meaningOf("Please stop sending me these")).isEqualTo(Meaning.NOTHING);
        assertThat(twilio.meaningOf("stop it")).isEqualTo(Meaning.NOTHING);
        assertThat(twilio.meaningOf("Thanks!")).isEqualTo(Meaning.NOTHING);
        assertThat(twilio.meaningOf("")).isEqualTo(Meaning.NOTHING);
        assertThat(twilio.meaningOf(null)).isEqualTo(Meaning.NOTHING);
    }

    @Test
    void startYesAndUnstopOptBackIn() {
        assertThat(twilio.meaningOf("start")).isEqualTo(Meaning.OPT_IN);
        assertThat(twilio.meaningOf(" Yes ")).isEqualTo(Meaning.OPT_IN);
        assertThat(twilio.meaningOf("UNSTOP")).isEqualTo(Meaning.OPT_IN);
    }

    @Test
    void wordsTypedInSettingsAreReadAsOnePersonWritesThem() {
        ReplyKeywords own = ReplyKeywords.parse("stop, arret  halt", "start,  reprendre");

        assertThat(own.optOut()).containsExactlyInAnyOrder("STOP", "ARRET", "HALT");
        assertThat(own.meaningOf("Halt")).isEqualTo(Meaning.OPT_OUT);
        assertThat(own.meaningOf("reprendre")).isEqualTo(Meaning.OPT_IN);
        assertThat(own.meaningOf("unsubscribe")).as("not one of these words").isEqualTo(Meaning.NOTHING);
        assertThat(ReplyKeywords.shown(own.optOut())).isEqualTo("ARRET, HALT, STOP");
    }

    @Test
    void wordsThatCannotWorkAreRefusedInWords() {
        assertThatThrownBy(() -> ReplyKeywords.parse(" , ", "START")).hasMessage(
                "At least one opt-out word is needed: the law asks that STOP is honoured.");
        assertThatThrownBy(() -> ReplyKeywords.parse("STOP, YES", "yes")).hasMessage("YES cannot both opt out and opt back in.");
        assertThatThrownBy(() -> ReplyKeywords.parse("STOP-NOW", "START")).hasMessageContaining("\"STOP-NOW\" is not one word");
    }
}
