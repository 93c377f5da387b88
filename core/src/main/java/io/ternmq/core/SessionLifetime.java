package io.ternmq.core;

/** How long a session lives: the CleanSession flag of the CONNECT that created it. */
enum SessionLifetime {
    /** CleanSession=1: discarded when the connection ends [MQTT-3.1.2-6]. */
    CONNECTION,
    /** CleanSession=0: kept while the client is away [MQTT-3.1.2-4] [MQTT-3.1.2-5]. */
    PERSISTENT
}
