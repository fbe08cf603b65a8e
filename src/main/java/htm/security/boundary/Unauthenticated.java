package htm.security.boundary;

import htm.problem.control.Problem;
import htm.problem.control.Problems;
import htm.problem.entity.HtmException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for a 401 that Liberty answers itself (wrong password, invalid or expired bearer token):
 * it gets the HTM error body too (see web.xml).
 */
@WebServlet("/htm-errors/401")
public class Unauthenticated extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problem problem = Problems.of(HtmException.unauthenticated());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem.body()));
    }
}
