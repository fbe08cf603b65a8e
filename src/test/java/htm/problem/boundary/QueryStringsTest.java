package htm.problem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryStringsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            size=5&state=STATE_READY => size=5&state=STATE_READY
            input.amount<=1000 => input.amount%3C=1000
            input.amount>1000 => input.amount%3E1000
            whereClause=TASK.NAME%20=%20'x' => whereClause=TASK.NAME%20=%20'x'
            x="{a|b}" => x=%22%7Ba%7Cb%7D%22
            x=%zz&y=%4 => x=%25zz&y=%254
            x=a b^`\\ => x=a%20b%5E%60%5C
            x=[1] => x=%5B1%5D
            x=café => x=café
            """)
    void escapesWhatAnAddressMayNotHoldAndKeepsTheRest(String query, String escaped) {
        assertEquals(escaped, QueryStrings.escaped(query));
        URI.create("http://localhost/tasks?" + QueryStrings.escaped(query));
    }
}
