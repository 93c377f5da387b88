/** The admin HTTP listener: health, metrics and the JSON REST API for operators. */
@NullMarked
package io.ternmq.server.admin;

import org.jspecify.annotations.NullMarked;
