package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LevelMapTest {

    @Test
    void get_levelInsideTopic_foundByPositionWithoutCuttingIt() {
        LevelMap<String> map = new LevelMap<>();
        map.computeIfAbsent("kitchen", () -> "k");
        map.computeIfAbsent("", () -> "empty");

        String topic = "home/kitchen//temp";
        assertThat(map.get(topic, 5, 12)).isEqualTo("k");
        assertThat(map.get(topic, 13, 13)).isEqualTo("empty");
        assertThat(map.get(topic, 0, 4)).isNull();
        assertThat(map.get(topic, 5, 11)).as("a prefix of a key").isNull();
    }

    @Test
    void hash_ofARange_isTheStringHashOfThatLevel() {
        String topic = "a/Zürich/b";
        assertThat(LevelMap.hash(topic, 2, 8)).isEqualTo("Zürich".hashCode());
        assertThat(LevelMap.hash(topic, 2, 2)).isEqualTo("".hashCode());
    }

    @Test
    void collidingLevels_allKeptApart() {
        // "Aa" and "BB" have the same String hash code, as do their concatenations
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB");
        LevelMap<String> map = new LevelMap<>();
        colliding.forEach(level -> map.computeIfAbsent(level, () -> level.toLowerCase()));

        colliding.forEach(level -> assertThat(map.get(level)).isEqualTo(level.toLowerCase()));
        assertThat(map.remove("AaBB")).isEqualTo("aabb");
        assertThat(map.get("AaBB")).isNull();
        assertThat(map.get("BBAa")).isEqualTo("bbaa");
        assertThat(map.size()).isEqualTo(5);
    }

    @Test
    void computeIfAbsent_present_keepsTheValueAndDoesNotCreate() {
        LevelMap<String> map = new LevelMap<>();
        map.computeIfAbsent("a", () -> "first");

        assertThat(map.computeIfAbsent("a", () -> "second")).isEqualTo("first");
        assertThat(map.size()).isEqualTo(1);
    }

    /** Seeded random puts and removes against a HashMap, through growth to 5,000 levels and shrinking back. */
    @Test
    void randomOperations_agreeWithHashMap() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            LevelMap<Integer> map = new LevelMap<>();
            Map<String, Integer> model = new HashMap<>();
            int keySpace = seed % 2 == 0 ? 5_000 : 40;
            for (int step = 0; step < 20_000; step++) {
                String level = "dev" + random.nextInt(keySpace);
                boolean removing = step > 15_000 || random.nextInt(3) == 0;
                if (removing) {
                    assertThat(map.remove(level)).as("seed %d step %d", seed, step).isEqualTo(model.remove(level));
                } else {
                    int value = step;
                    assertThat(map.computeIfAbsent(level, () -> value))
                            .isEqualTo(model.computeIfAbsent(level, l -> value));
                }
                String probe = "x/dev" + random.nextInt(keySpace) + "/y";
                assertThat(map.get(probe, 2, probe.length() - 2))
                        .as("seed %d step %d", seed, step)
                        .isEqualTo(model.get(probe.substring(2, probe.length() - 2)));
            }
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(map.isEmpty()).isEqualTo(model.isEmpty());
            model.forEach((level, value) -> assertThat(map.get(level)).isEqualTo(value));
        }
    }
}
