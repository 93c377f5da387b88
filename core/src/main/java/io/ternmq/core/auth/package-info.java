/** The authentication and authorization seams: what the core asks, implemented by the server or an embedder. */
@NullMarked
package io.ternmq.core.auth;

import org.jspecify.annotations.NullMarked;
