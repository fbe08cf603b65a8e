package htm.task.control;

import jakarta.json.spi.JsonProvider;

/** JSON-P, looked up once: each of jakarta.json.Json's static methods looks the provider up again, a search of the class path. */
public final class JsonApi {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonApi() {}
}
