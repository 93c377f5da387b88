package io.ternmq.bench;

/**
 * CPU the broker process used over a measurement, in cores (1.0 = one core busy all the time), and the parts of it
 * its JVM spent collecting garbage and compiling. Those two tell a broker's steady work from a JVM's one-off and
 * collector costs when two setups are compared per CPU-second; for a process that is not a JVM they are 0.
 *
 * @param total all the process's threads
 * @param gc    the collector's threads and the VM thread (where the serial collector runs)
 * @param jit   the JIT compiler threads
 */
public record BrokerCpu(double total, double gc, double jit) {

    /** Not measured: no broker pid was given. */
    public static final BrokerCpu NONE = new BrokerCpu(0, 0, 0);
}
