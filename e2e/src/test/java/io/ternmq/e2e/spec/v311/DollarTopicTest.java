package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Topics starting with '$' and wildcard filters; one broker per test so '#' sees nothing from other tests. */
class DollarTopicTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void dollarTopic_notMatchedByHash_butByExplicitDollarFilter() {
        // [MQTT-4.7.2-1]
        RawMqttClient everything = broker.subscriber("d-hash", "#", 0);
        RawMqttClient dollar = broker.subscriber("d-dollar", "$e2e/#", 0);
        RawMqttClient publisher = broker.connected("d-pub");
        Flows.publishQos1(publisher, "$e2e/x", "dollar", 1);
        Flows.expectPublish(dollar, "$e2e/x", "dollar", 0);
        Flows.expectMarkerNext(everything, publisher, "plain/marker");
    }

    @Test
    void dollarTopic_notMatchedByLeadingPlus() {
        // [MQTT-4.7.2-1]
        RawMqttClient plus = broker.subscriber("d-plus", "+/x", 0);
        RawMqttClient publisher = broker.connected("d-plus-pub");
        Flows.publishQos1(publisher, "$e2e/x", "dollar", 1);
        Flows.expectMarkerNext(plus, publisher, "plain/x");
    }
}
