package io.ternmq.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ternmq bench sink}: a trivial forwarding MQTT endpoint for measuring the generator's own ceiling. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {"Runs the sink: acknowledges and forwards PUBLISH bytes as received, without queues,",
                "sessions or QoS state, on one event loop. Benchmarking it shows what the generator can drive."})
final class SinkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", description = "port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 1999;

    @Override
    public Integer call() throws InterruptedException {
        SinkServer sink = SinkServer.start(port);
        spec.commandLine().getOut().println("sink listening on port " + sink.port());
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await(); // runs until the process is stopped
        return 0;
    }
}
