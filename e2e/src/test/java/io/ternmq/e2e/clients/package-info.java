/** The broker driven by real MQTT client libraries (HiveMQ MQTT client, Eclipse Paho v3). */
@NullMarked
package io.ternmq.e2e.clients;

import org.jspecify.annotations.NullMarked;
