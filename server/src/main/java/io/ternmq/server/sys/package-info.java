/** The $SYS topic tree, with Mosquitto's names, published as retained messages at an interval. */
@NullMarked
package io.ternmq.server.sys;

import org.jspecify.annotations.NullMarked;
