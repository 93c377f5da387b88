/** The embedding API and the assembly of a broker from its parts. */
@NullMarked
package io.ternmq.server;

import org.jspecify.annotations.NullMarked;
