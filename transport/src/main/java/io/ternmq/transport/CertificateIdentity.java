package io.ternmq.transport;

/**
 * Which part of a verified client certificate becomes the client's identity for authentication: none, the
 * subject's common name, or the first DNS, e-mail or URI subject alternative name.
 */
public enum CertificateIdentity { NONE, COMMON_NAME, SUBJECT_ALT_NAME }
