package htm.task.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UseType;

/** The copy a read uses gives back exactly the people and properties it was written from, whatever they hold. */
class ReadCopyProperties {

    @Property(tries = 500)
    void aCopyReadsBackAsWritten(
            @ForAll @Size(max = 5) Set<@UseType Assignment> people,
            @ForAll @Size(max = 5) Map<String, String> customProperties,
            @ForAll @Size(max = 3) Map<String, String> binaryCustomProperties) {
        ReadCopy copy = new ReadCopy(people, customProperties, binaryCustomProperties);
        assertEquals(copy, ReadCopy.parse(copy.json()));
    }
}
