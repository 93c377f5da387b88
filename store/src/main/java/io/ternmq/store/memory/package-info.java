/** In-memory twins of the store interfaces: for tests and for running without disk. */
@NullMarked
package io.ternmq.store.memory;

import org.jspecify.annotations.NullMarked;
