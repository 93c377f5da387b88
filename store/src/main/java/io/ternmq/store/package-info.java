/** Store interfaces by role, with in-memory twins; durable implementations plug in behind them. */
@NullMarked
package io.ternmq.store;

import org.jspecify.annotations.NullMarked;
