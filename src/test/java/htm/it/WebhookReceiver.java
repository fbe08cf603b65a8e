package htm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HTTP server on loopback, in the test's JVM, that queues the webhooks it is sent, failing the first requests
 * of a task if told. The task a body is about is its field taskField: "subject" of an event, "id" of an A2A Task.
 */
final class WebhookReceiver implements AutoCloseable {

    /** What the receiver heard: the request's headers and body. */
    record Received(Map<String, List<String>> headers, String body) {

        JsonObject event() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** A receiver's check (Standard Webhooks): one of the space-separated v1 signatures matches. */
        boolean verifies(String signatures, String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((header("webhook-id") + "." + header("webhook-timestamp") + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(signatures.split(" "))
                    .filter(signature -> signature.startsWith("v1,"))
                    .map(signature -> Base64.getDecoder().decode(signature.substring(3)))
                    .anyMatch(signature -> MessageDigest.isEqual(signature, expected));
        }
    }

    final HttpServer server;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final String taskField;

    WebhookReceiver(String taskField) throws IOException {
        this.taskField = taskField;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(Map.copyOf(exchange.getRequestHeaders()), body);
        AtomicInteger failures = failuresLeft.get(request.event().getString(taskField));
        boolean fail = failures != null && failures.getAndDecrement() > 0;
        if (!fail) {
            received.add(request);
        }
        exchange.sendResponseHeaders(fail ? 503 : 204, -1);
        exchange.close();
    }

    /** The next request about the task, waiting at most 20 s; other tasks' requests are passed over. */
    Received next(String tkiid) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            Received request = received.poll(200, TimeUnit.MILLISECONDS);
            if (request != null && request.event().getString(taskField).equals(tkiid)) {
                return request;
            }
        }
        throw new AssertionError("no delivery about task " + tkiid + " within 20 s");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
