package app.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class NumberSetTest {

    /** Behaves as a HashSet of the same numbers, through every resize. */
    @Property(tries = 200)
    void agreesWithAHashSet(@ForAll @Size(max = 20_000) List<@LongRange(min = 10, max = 999_999_999_999_998L) Long> numbers) {
        NumberSet set = new NumberSet();
        Set<String> reference = new HashSet<>();
        for (long number : numbers) {
            String e164 = "+" + number;
            assertThat(set.add(e164)).isEqualTo(reference.add(e164));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (long number : numbers) {
            assertThat(set.contains("+" + number)).isTrue();
            assertThat(set.contains("+" + (number + 1))).isEqualTo(reference.contains("+" + (number + 1)));
        }
    }
}
