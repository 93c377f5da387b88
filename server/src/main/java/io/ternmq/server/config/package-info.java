/**
 * The broker's configuration: one YAML file over embedded defaults, then environment variables, then command line
 * flags, each value validated against {@link io.ternmq.server.config.ConfigKeys} and bound into immutable records.
 */
@NullMarked
package io.ternmq.server.config;

import org.jspecify.annotations.NullMarked;
