package app.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    private static final String CLEAR_SCREEN_AND_RETITLE = "\u001B[2J\u001B]0;pwned\u0007Ann";

    @Test
    void aNameKeepsNoControlCharacter() {
        assertThat(PlainText.clean(CLEAR_SCREEN_AND_RETITLE)).isEqualTo("[2J]0;pwnedAnn");
        assertThat(PlainText.clean("Ann\u0000Lee")).isEqualTo("AnnLee");
        assertThat(PlainText.clean("Ann\tLee\r\n")).isEqualTo("Ann Lee");
        assertThat(PlainText.clean("Zoë \u0085Lee\u007F")).isEqualTo("Zoë Lee");
        assertThat(PlainText.clean("Zoë 😀")).isEqualTo("Zoë 😀");
    }

    @Test
    void aCellShownAsItWasShowsEachControlCharacterAsASign() {
        assertThat(PlainText.visible(CLEAR_SCREEN_AND_RETITLE)).isEqualTo("␛[2J␛]0;pwned␇Ann");
        assertThat(PlainText.visible("a\u0000b\u007Fc\u009Bd")).isEqualTo("a␀b␡c\\u009Bd");
        assertThat(PlainText.visible("Zoë 😀")).isEqualTo("Zoë 😀");
    }
}
