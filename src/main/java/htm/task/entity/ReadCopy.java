package htm.task.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A task's people and properties (binary ones by name and media type) as one JSON document in the task row, so
 * that a read needs the row alone; the tables stay what queries filter on. The form, also written by the schema
 * migration and by bench/seed.sql: {@code {"p":[[role,isGroup,principal],...],"c":{name:value},"b":{name:type}}}.
 */
public record ReadCopy(
        Set<Assignment> people, Map<String, String> customProperties, Map<String, String> binaryCustomProperties) {

    private static final JsonProvider JSON = JsonProvider.provider();

    public String json() {
        var named = JSON.createArrayBuilder();
        people.forEach(a -> named.add(
                JSON.createArrayBuilder().add(a.role().name()).add(a.isGroup()).add(a.principal())));
        return JSON.createObjectBuilder()
                .add("p", named)
                .add("c", object(customProperties))
                .add("b", object(binaryCustomProperties))
                .build()
                .toString();
    }

    private static JsonObjectBuilder object(Map<String, String> map) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        map.forEach(object::add);
        return object;
    }

    public static ReadCopy parse(String json) {
        JsonObject copy;
        try (var reader = JSON.createReader(new StringReader(json))) {
            copy = reader.readObject();
        }
        Set<Assignment> people = new HashSet<>();
        for (JsonArray named : copy.getJsonArray("p").getValuesAs(JsonArray.class)) {
            people.add(new Assignment(PeopleRole.valueOf(named.getString(0)), named.getBoolean(1), named.getString(2)));
        }
        return new ReadCopy(people, map(copy.getJsonObject("c")), map(copy.getJsonObject("b")));
    }

    private static Map<String, String> map(JsonObject object) {
        Map<String, String> map = new HashMap<>();
        object.forEach((name, value) -> map.put(name, ((JsonString) value).getString()));
        return map;
    }
}
