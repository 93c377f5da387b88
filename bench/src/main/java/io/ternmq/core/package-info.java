/**
 * Benchmarks of package-private core classes, compiled into the bench module under core's package (a split
 * package on the class path) so that core needs no public accessor for them.
 */
@NullMarked
package io.ternmq.core;

import org.jspecify.annotations.NullMarked;
