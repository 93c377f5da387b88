package io.ternmq.protocol;

/** The data type of an MQTT 5 property value (section 2.2.2.2 and 1.5). */
public enum PropertyType {
    BYTE, TWO_BYTE_INTEGER, FOUR_BYTE_INTEGER, VARIABLE_BYTE_INTEGER, UTF8_STRING, UTF8_STRING_PAIR, BINARY_DATA
}
