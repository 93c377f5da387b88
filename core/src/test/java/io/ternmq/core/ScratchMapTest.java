package io.ternmq.core;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchMapTest {

    private final ScratchMap<Map<String, Integer>> scratch = new ScratchMap<>(3, HashMap::new);

    @Test
    void borrow_afterGiveBack_isTheSameMapAndEmpty() {
        Map<String, Integer> first = scratch.borrow();
        first.put("a", 1);
        scratch.giveBack(first);

        Map<String, Integer> second = scratch.borrow();

        assertThat(second).isSameAs(first).isEmpty();
    }

    @Test
    void borrow_whileLent_isAnotherMapAndLeavesTheFirstAlone() {
        Map<String, Integer> outer = scratch.borrow();
        outer.put("outer", 1);

        Map<String, Integer> inner = scratch.borrow();
        inner.put("inner", 2);
        scratch.giveBack(inner);

        assertThat(inner).isNotSameAs(outer);
        assertThat(outer).containsExactly(Map.entry("outer", 1));
        scratch.giveBack(outer);
        assertThat(scratch.borrow()).isSameAs(outer).isEmpty();
    }

    @Test
    void giveBack_grownBeyondTheLimit_isReplacedByAFreshMap() {
        Map<String, Integer> grown = scratch.borrow();
        for (int i = 0; i < 4; i++) {
            grown.put("k" + i, i);
        }
        scratch.giveBack(grown);

        assertThat(scratch.borrow()).isNotSameAs(grown).isEmpty();
        assertThat(grown).as("not cleared: dropped").hasSize(4);
    }

    @Test
    void borrow_onAnotherThread_isThatThreadsOwnMap() {
        Map<String, Integer> mine = scratch.borrow();

        Map<String, Integer> theirs = CompletableFuture.supplyAsync(scratch::borrow).join();

        assertThat(theirs).isNotSameAs(mine);
    }
}
