package org.govkg.neo4j.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

/**
 * Serves govkg's Neo4j Browser style and guide (the package's {@code cypher/browser} folder) from the
 * Neo4j server itself, so that {@code browser.post_connect_cmd} can load them with no other process.
 *
 * <p>An unmanaged extension: the launcher mounts this package with
 * {@code server.unmanaged_extension_classes=org.govkg.neo4j.web=/govkg}, lets it through HTTP
 * authentication ({@code dbms.security.http_auth_allowlist}) and names the folder in the system
 * property {@link #DIRECTORY_PROPERTY}. Files are read at every request, so an edited guide shows
 * without a restart. Only plain file names with the extensions below are served: nothing outside the
 * folder, nothing else in it.
 *
 * <p>Browser fetches them with {@code fetch()} and {@code Pragma}/{@code Cache-Control} request
 * headers; from another origin (Browser opened at localhost, files at 127.0.0.1) that is a CORS
 * request with a preflight, hence the {@code OPTIONS} answer and {@code Access-Control-*} headers.
 * The files are public (the same as in the govkg package), so any origin may read them.
 */
@javax.ws.rs.Path("/")
public class BrowserAssets {
    public static final String DIRECTORY_PROPERTY = "govkg.browser.assets";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.(html|grass|cypher)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "grass", "text/plain; charset=utf-8",
            "cypher", "text/plain; charset=utf-8");

    @GET
    @javax.ws.rs.Path("{name}")
    public Response get(@PathParam("name") String name) {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null || dir.isEmpty()) {
            return cors(Response.status(Response.Status.NOT_FOUND)
                    .type("text/plain; charset=utf-8")
                    .entity("govkg: no Browser assets folder was given to the launcher (--browser-assets)\n"));
        }
        if (!NAME.matcher(name).matches()) {
            return notFound(name);
        }
        Path file = Path.of(dir).resolve(name).normalize();
        if (!file.getParent().equals(Path.of(dir).normalize()) || !Files.isRegularFile(file)) {
            return notFound(name);
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            return notFound(name);
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return cors(Response.ok(body, TYPES.get(ext)).header("Cache-Control", "no-cache"));
    }

    @OPTIONS
    @javax.ws.rs.Path("{name}")
    public Response preflight(@HeaderParam("Access-Control-Request-Headers") String requested) {
        Response.ResponseBuilder r = Response.noContent()
                .header("Access-Control-Allow-Methods", "GET, OPTIONS")
                .header("Access-Control-Max-Age", "600");
        if (requested != null && !requested.isBlank()) {
            r.header("Access-Control-Allow-Headers", requested);
        }
        return cors(r);
    }

    private static Response notFound(String name) {
        return cors(Response.status(Response.Status.NOT_FOUND)
                .type("text/plain; charset=utf-8")
                .entity("govkg: no Browser asset named " + name + "\n"));
    }

    private static Response cors(Response.ResponseBuilder r) {
        return r.header("Access-Control-Allow-Origin", "*").header("X-Content-Type-Options", "nosniff").build();
    }
}
