package htm.problem.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Query strings as the JAX-RS runtime can read them. Liberty passes on a query with characters that an address
 * may not hold unescaped (input.amount<=1000 typed as is, a quote, a brace, a stray '%'), and RESTEasy, which
 * reads the address with java.net.URI, would fail on it with a 500. Such characters are escaped here instead, so
 * that the query reads as the client meant it, and a wrong value gets its 400 from the API.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class QueryStrings extends HttpFilter {

    private static final String KEPT = "-_.!~*'();/?:@&=+$,";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        String escaped = query == null ? null : escaped(query);
        if (escaped == null || escaped.equals(query)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getQueryString() {
                        return escaped;
                    }
                },
                response);
    }

    /**
     * The query with every character java.net.URI refuses in one escaped (as UTF-8), and every valid escape and
     * every other character kept.
     */
    static String escaped(String query) {
        StringBuilder result = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean validEscape =
                    c == '%' && i + 2 < query.length() && isHex(query.charAt(i + 1)) && isHex(query.charAt(i + 2));
            boolean kept = c < 128
                    ? Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0
                    : !Character.isISOControl(c) && !Character.isSpaceChar(c);
            if (validEscape || kept) {
                result.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    result.append('%')
                            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return result.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
