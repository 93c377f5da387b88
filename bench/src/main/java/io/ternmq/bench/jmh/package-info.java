/**
 * JMH benchmarks of the hot path's parts: the codec, and the broker core's routing without a network. Run them
 * with {@code ./ternmq bench jmh [regex]}; the subscription tree's benchmark lives in {@code io.ternmq.core}
 * because the tree is package-private.
 */
@NullMarked
package io.ternmq.bench.jmh;

import org.jspecify.annotations.NullMarked;
