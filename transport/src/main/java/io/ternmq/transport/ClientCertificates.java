package io.ternmq.transport;

/** Whether a TLS listener asks clients for a certificate: not at all, optionally, or as a condition (mTLS). */
public enum ClientCertificates { NONE, OPTIONAL, REQUIRED }
