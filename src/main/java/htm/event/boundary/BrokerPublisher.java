package htm.event.boundary;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import htm.event.control.TaskEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes events to a RabbitMQ broker (AMQP 0-9-1), where one is configured (HTM_EVENTS_AMQP_URI): to a
 * durable topic exchange, keyed by the event's type, as persistent messages in CloudEvents' structured mode
 * (the whole event as application/cloudevents+json, its id as message id, its attributes also as
 * cloudEvents:* headers), each confirmed by the broker before it counts as sent. The broker is one more
 * subscription of the outbox (id "amqp"), so its messages are leased, retried and ordered as webhooks are.
 */
@ApplicationScoped
public class BrokerPublisher {

    static final String SUBSCRIPTION_ID = "amqp";
    private static final long CONFIRM_MILLIS = 10_000;

    @Inject
    @ConfigProperty(name = "htm.events.amqp.uri")
    Optional<String> uri;

    @Inject
    @ConfigProperty(name = "htm.events.amqp.exchange", defaultValue = "htm.events")
    String exchange;

    private Connection connection;
    private Channel channel;

    public boolean configured() {
        return uri.filter(text -> !text.isBlank()).isPresent();
    }

    /** Where the broker is, without its credentials: what the subscription shows as its URL. */
    public String target() {
        URI broker = URI.create(uri.orElseThrow());
        return broker.getScheme() + "://" + broker.getHost() + (broker.getPort() < 0 ? "" : ":" + broker.getPort())
                + "/" + exchange;
    }

    /** Sends the event and waits for the broker's confirm; any failure drops the connection for the next try. */
    public synchronized void publish(TaskEvent event, String body, String source) throws Exception {
        try {
            if (channel == null || !channel.isOpen()) {
                connect();
            }
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json")
                    .contentEncoding("utf-8")
                    .deliveryMode(2)
                    .messageId(String.valueOf(event.id()))
                    .type(event.type())
                    .timestamp(Date.from(event.time()))
                    .headers(Map.of(
                            "cloudEvents:specversion", "1.0",
                            "cloudEvents:id", String.valueOf(event.id()),
                            "cloudEvents:source", source,
                            "cloudEvents:type", event.type(),
                            "cloudEvents:subject", event.tkiid(),
                            "cloudEvents:time", event.time().toString()))
                    .build();
            channel.basicPublish(exchange, event.type(), false, properties, body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(CONFIRM_MILLIS);
        } catch (Exception e) {
            disconnect();
            throw e;
        }
    }

    private void connect() throws Exception {
        disconnect();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri.orElseThrow());
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(false);
        connection = factory.newConnection("htm");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        channel.confirmSelect();
    }

    @PreDestroy
    synchronized void disconnect() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(2_000);
            }
        } catch (Exception e) {
            // closing what has failed already
        }
        connection = null;
        channel = null;
    }
}
