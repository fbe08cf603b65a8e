package htm.it;

import static htm.it.Api.ADMIN;
import static htm.it.Api.ALICE;
import static htm.it.Api.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Events on the RabbitMQ our machines run (127.0.0.1:5672, guest/guest; the IT server is pointed at it): a
 * queue bound to the topic exchange by type hears a task's events, confirmed and in order, as CloudEvents.
 * Skipped, saying so, where no broker answers.
 */
class EventBrokerIT extends HtmServer {

    @Test
    void aQueueBoundByTypeHearsTheTasksEventsInOrder() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        factory.setConnectionTimeout(3_000);
        Connection connection;
        try {
            connection = factory.newConnection("htm-it");
        } catch (Exception e) {
            // .ci/run has RabbitMQ on our machines; a developer's machine may not: skip, saying why
            Assumptions.abort("No RabbitMQ answers on 127.0.0.1:5672 (" + e + "): the broker test is skipped");
            return;
        }
        try (connection;
                Channel channel = connection.createChannel();
                Api alice = new Api(base, ALICE);
                Api admin = alice.as(ADMIN)) {
            channel.exchangeDeclare("htm.events", "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "htm.events", "htm.task.claimed");
            channel.queueBind(queue, "htm.events", "htm.task.completed");

            String tkiid = alice.createReadyTask("broker-events");
            assertEquals(200, alice.act(tkiid, "claim").status());
            assertEquals(
                    200,
                    alice.put(V1 + "task/" + tkiid + "?action=complete", "{}").status());

            List<JsonObject> heard = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (heard.size() < 2 && System.nanoTime() < until) {
                GetResponse message = channel.basicGet(queue, true);
                if (message == null) {
                    Thread.sleep(100); // polls the queue, bounded above
                    continue;
                }
                JsonObject event = Json.createReader(
                                new StringReader(new String(message.getBody(), StandardCharsets.UTF_8)))
                        .readObject();
                if (!event.getString("subject").equals(tkiid)) {
                    continue;
                }
                assertEquals("application/cloudevents+json", message.getProps().getContentType());
                assertEquals(event.getString("id"), message.getProps().getMessageId());
                assertEquals(event.getString("type"), message.getEnvelope().getRoutingKey());
                assertEquals(2, message.getProps().getDeliveryMode());
                assertEquals(
                        tkiid,
                        message.getProps()
                                .getHeaders()
                                .get("cloudEvents:subject")
                                .toString());
                heard.add(event);
            }
            assertEquals(
                    List.of("htm.task.claimed", "htm.task.completed"),
                    heard.stream().map(event -> event.getString("type")).toList());
            assertTrue(Long.parseLong(heard.get(0).getString("id"))
                    < Long.parseLong(heard.get(1).getString("id")));

            // the broker is a subscription of the outbox: its deliveries show, without its credentials
            Api.Reply broker = admin.get(V1 + "subscriptions/amqp");
            assertEquals(200, broker.status(), broker.body());
            assertEquals("amqp://127.0.0.1:5672/htm.events", broker.json().getString("url"));
            assertTrue(admin.get(V1 + "subscriptions/amqp/deliveries?status=DELIVERED&limit=1000")
                    .body()
                    .contains(heard.get(1).getString("id")));
        }
    }
}
