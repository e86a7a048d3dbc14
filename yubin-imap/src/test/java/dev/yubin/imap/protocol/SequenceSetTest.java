package dev.yubin.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceSetTest {
    @Test
    void parsesRangesStarAndSaved() throws ParseException {
        SequenceSet s = SequenceSet.parse("1:3,7,9:*");
        assertThat(s.contains(2, 20)).isTrue();
        assertThat(s.contains(5, 20)).isFalse();
        assertThat(s.contains(20, 20)).isTrue();
        assertThat(SequenceSet.parse("*:4").contains(5, 5)).isTrue();
        assertThat(SequenceSet.parse("$").saved()).isTrue();
    }

    @Test
    void rejectsInvalidSets() {
        for (String bad : List.of("", "0", "1,", ",1", "1:", "a", "1:2:3", "99999999999", "01")) {
            assertThatThrownBy(() -> SequenceSet.parse(bad)).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void formatsCompactly() {
        assertThat(SequenceSet.format(new long[] {1, 2, 3, 5, 7, 8}, 6)).isEqualTo("1:3,5,7:8");
    }
}
