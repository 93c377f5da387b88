package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Topics;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PatternFilterTest {

    private static final ClientIdentity CLIENT = new ClientIdentity("c1", "u1");
    private static final String[] LEVELS = {"a", "b", "", "$s", "+", "#", "c1", "u1"};

    /** The in-place matcher of patterns agrees with the protocol's matcher once substitutions are applied. */
    @Test
    void matches_randomFiltersAndTopics_agreesWithTopicsMatches() {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomFilter(random, true);
            String filter = pattern.replace("%c", "c1").replace("%u", "u1");
            String topic = randomFilter(random, false);
            PatternFilter compiled = PatternFilter.compile(pattern);

            assertThat(compiled).isNotNull();
            assertThat(compiled.matches(topic, CLIENT)).as("%s matches %s", pattern, topic)
                    .isEqualTo(Topics.matches(filter, topic));
        }
    }

    private static String randomFilter(Random random, boolean pattern) {
        int length = 1 + random.nextInt(4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append('/');
            }
            String level = LEVELS[random.nextInt(LEVELS.length)];
            if (!pattern && (level.equals("+") || level.equals("#"))) {
                level = "a";
            }
            if (level.equals("#") && i < length - 1 || level.startsWith("$") && i > 0) {
                level = "b";
            }
            if (pattern && level.equals("c1") && random.nextBoolean()) {
                level = "%c";
            }
            if (pattern && level.equals("u1") && random.nextBoolean()) {
                level = "x%u";
                text.append(level);
                continue;
            }
            text.append(level);
        }
        return text.toString();
    }

    @Test
    void levelsFor_substitutes_orNullWhenNotApplicable() {
        PatternFilter filter = PatternFilter.compile("a/%u/%c-x/+/#");

        assertThat(filter).isNotNull();
        assertThat(filter.levelsFor(CLIENT)).containsExactly("a", "u1", "c1-x", "+", "#");
        assertThat(filter.levelsFor(new ClientIdentity("c1", null))).isNull();
    }
}
