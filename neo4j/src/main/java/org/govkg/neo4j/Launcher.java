package org.govkg.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.govkg.neo4j.web.BrowserAssets;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;
import org.neo4j.server.CommunityBootstrapper;
import picocli.CommandLine;

/**
 * Runs a Neo4j Community server (Bolt + HTTP + Neo4j Browser) in this JVM, for govkg.
 *
 * <pre>
 * java -cp 'govkg-neo4j-launcher.jar:lib/*' org.govkg.neo4j.Launcher --home DIR [options]
 *
 *   --home DIR            Neo4j home: conf/, data/, logs/, run/ are made under it (required)
 *   --data-dir DIR        databases, transaction logs and users (default HOME/data); kept across restarts
 *   --logs-dir DIR        neo4j.log, debug.log, http.log ... (default HOME/logs)
 *   --bolt-port N         default 7687
 *   --http-port N         default 7474
 *   --listen-address A    default 127.0.0.1
 *   --password P          password of the user neo4j; better: the environment variable
 *                         GOVKG_NEO4J_LAUNCHER_PASSWORD (not visible in ps)
 *   --no-auth             start with authentication disabled
 *   --ready-file PATH     written (JSON) once the server accepts connections, removed on shutdown
 *                         (default HOME/run/ready.json)
 *   --browser-assets DIR  serve DIR/govkg.grass and DIR/guide.html at /govkg/ (org.govkg.neo4j.web) and
 *                         have Neo4j Browser load them when it connects (see browserSettings())
 *   --set KEY=VALUE       any further neo4j.conf setting (repeatable)
 * </pre>
 *
 * <p>The password is set before the very first start (as {@code neo4j-admin dbms set-initial-password}
 * does) and, on later starts, with {@code ALTER USER neo4j SET PASSWORD} run in-process, so the
 * password given always wins. SIGTERM (and SIGINT) shut the DBMS down cleanly: Neo4j's own signal
 * handler exits the JVM and its shutdown hook stops the databases.
 *
 * <p>Exit status: 0 after a clean shutdown; 1-4 Neo4j's own start-up error codes; 64 bad arguments;
 * 65 the password could not be set.
 */
public final class Launcher {
    public static final String PASSWORD_ENV = "GOVKG_NEO4J_LAUNCHER_PASSWORD";
    public static final String READY_LINE = "GOVKG-NEO4J READY";

    private Path home;
    private Path dataDir;
    private Path logsDir;
    private Path readyFile;
    private Path browserAssets;
    private int boltPort = 7687;
    private int httpPort = 7474;
    private String listenAddress = "127.0.0.1";
    private String password;
    private boolean auth = true;
    private final Map<String, String> extra = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Launcher launcher = new Launcher();
        try {
            launcher.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("govkg-neo4j: " + e.getMessage());
            System.exit(64);
            return;
        }
        System.exit(launcher.run());
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0 && !a.equals("--set")) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--no-auth" -> auth = false;
                case "--home", "--data-dir", "--logs-dir", "--bolt-port", "--http-port", "--listen-address",
                        "--password", "--ready-file", "--browser-assets", "--set" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        value = args[++i];
                    }
                    apply(a, value);
                }
                case "-h", "--help" -> {
                    System.out.println("usage: Launcher --home DIR [--data-dir DIR] [--logs-dir DIR] [--bolt-port N]"
                            + " [--http-port N] [--listen-address A] [--password P | --no-auth] [--ready-file PATH]"
                            + " [--browser-assets DIR] [--set KEY=VALUE ...]   (password also from $" + PASSWORD_ENV + ")");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home DIR is required");
        }
        home = home.toAbsolutePath().normalize();
        dataDir = (dataDir == null ? home.resolve("data") : dataDir).toAbsolutePath().normalize();
        logsDir = (logsDir == null ? home.resolve("logs") : logsDir).toAbsolutePath().normalize();
        readyFile = (readyFile == null ? home.resolve("run").resolve("ready.json") : readyFile)
                .toAbsolutePath()
                .normalize();
        if (browserAssets != null) {
            browserAssets = browserAssets.toAbsolutePath().normalize();
        }
        if (password == null) {
            String env = System.getenv(PASSWORD_ENV);
            if (env != null && !env.isEmpty()) {
                password = env;
            }
        }
        if (auth && password == null) {
            throw new IllegalArgumentException(
                    "authentication is on but no password was given: pass --password, set $" + PASSWORD_ENV
                            + ", or pass --no-auth");
        }
    }

    private void apply(String option, String value) {
        switch (option) {
            case "--home" -> home = Path.of(value);
            case "--data-dir" -> dataDir = Path.of(value);
            case "--logs-dir" -> logsDir = Path.of(value);
            case "--bolt-port" -> boltPort = port(option, value);
            case "--http-port" -> httpPort = port(option, value);
            case "--listen-address" -> listenAddress = value;
            case "--password" -> password = value;
            case "--ready-file" -> readyFile = Path.of(value);
            case "--browser-assets" -> browserAssets = Path.of(value);
            case "--set" -> {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set needs KEY=VALUE, got " + value);
                }
                extra.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
            }
            default -> throw new IllegalStateException(option);
        }
    }

    private static int port(String option, String value) {
        try {
            int p = Integer.parseInt(value);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number 1-65535, got " + value);
        }
    }

    /** The settings this launcher always writes; --set entries come after and may override them. */
    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.directories.data", dataDir.toString());
        s.put("server.directories.logs", logsDir.toString());
        s.put("server.directories.run", home.resolve("run").toString());
        s.put("server.directories.import", home.resolve("import").toString());
        s.put("server.directories.plugins", home.resolve("plugins").toString());
        s.put("server.default_listen_address", listenAddress);
        s.put("server.default_advertised_address", listenAddress);
        s.put("server.bolt.enabled", "true");
        s.put("server.bolt.listen_address", listenAddress + ":" + boltPort);
        s.put("server.bolt.advertised_address", listenAddress + ":" + boltPort);
        s.put("server.bolt.tls_level", "DISABLED");
        s.put("server.http.enabled", "true");
        s.put("server.http.listen_address", listenAddress + ":" + httpPort);
        s.put("server.http.advertised_address", listenAddress + ":" + httpPort);
        s.put("server.https.enabled", "false");
        s.put("dbms.security.auth_enabled", Boolean.toString(auth));
        // A server bound to the loopback interface for development and tests: any password will do.
        s.put("dbms.security.auth_minimum_password_length", "1");
        // Bolt's shutdown otherwise idles 5 s + 5 s for connections and netty event loops to drain.
        s.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        s.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        // Modest defaults for a laptop or CI machine; raise with --set.
        s.put("server.memory.pagecache.size", "256m");
        s.put("db.tx_log.rotation.retention_policy", "256M size");
        // Neo4j preallocates each transaction log file (256 MiB, per database): 0.5 GB of disk for
        // an empty server. Not worth it here.
        s.put("db.tx_log.preallocate", "false");
        // No usage reports to anywhere, from the server or from Browser (its product analytics).
        s.put("dbms.usage_report.enabled", "false");
        s.put("client.allow_telemetry", "false");
        if (browserAssets != null) {
            s.putAll(browserSettings());
        }
        s.putAll(extra);
        return s;
    }

    /**
     * Neo4j Browser with govkg's style and guide on connect. The files come from this server
     * (BrowserAssets, mounted at /govkg, outside HTTP authentication like /browser); Browser fetches
     * remote content only from the hosts in browser.remote_content_hostname_whitelist (its name in
     * Neo4j 5.26: Browser 5.24 reads exactly that key) and runs each ;-separated post-connect
     * command as if typed with a leading colon.
     */
    private Map<String, String> browserSettings() {
        String host = listenAddress.equals("0.0.0.0") || listenAddress.equals("::") ? "localhost" : listenAddress;
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort + "/govkg/";
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.unmanaged_extension_classes", "org.govkg.neo4j.web=/govkg");
        s.put("dbms.security.http_auth_allowlist", "/,/browser.*,/govkg/.*");
        s.put("browser.remote_content_hostname_whitelist", "guides.neo4j.com,localhost,127.0.0.1"
                + (host.equals("localhost") || host.equals("127.0.0.1") ? "" : "," + host));
        s.put("browser.post_connect_cmd", "style " + base + "govkg.grass; play " + base + "guide.html");
        return s;
    }

    private int run() throws Exception {
        for (Path dir : List.of(home.resolve("conf"), home.resolve("run"), home.resolve("import"),
                home.resolve("plugins"), dataDir, logsDir)) {
            Files.createDirectories(dir);
        }
        Files.deleteIfExists(readyFile);

        if (browserAssets != null) {
            // Read by org.govkg.neo4j.web.BrowserAssets, which Jersey instantiates in this JVM.
            System.setProperty(BrowserAssets.DIRECTORY_PROPERTY, browserAssets.toString());
        }
        Map<String, String> settings = settings();
        Path confDir = home.resolve("conf");
        Path confFile = confDir.resolve("neo4j.conf");
        writeConf(confFile, settings);

        boolean firstStart = !Files.isDirectory(dataDir.resolve("databases").resolve("system"));
        boolean passwordSet = false;
        if (auth && firstStart) {
            // What `neo4j-admin dbms set-initial-password` does: data/dbms/auth.ini, read when the
            // system database is created.
            SetInitialPasswordCommand command = new SetInitialPasswordCommand(new ExecutionContext(
                    home, confDir, System.err, System.err, new DefaultFileSystemAbstraction()));
            CommandLine.populateCommand(command, password);
            command.execute();
            passwordSet = true;
        }

        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(readyFile), "govkg-ready-file"));
        // Kept before start(): in daemon mode Neo4j closes System.out/err and logs them to neo4j.log.
        PrintStream err = System.err;
        err.println("govkg-neo4j: starting Neo4j " + Version.getNeo4jVersion() + " home=" + home + " data="
                + dataDir + " bolt=" + listenAddress + ":" + boltPort + " http=" + listenAddress + ":" + httpPort
                + " auth=" + auth);
        err.flush();
        int status = bootstrapper.start(home, confFile, Map.of(), false, true);
        if (status != 0) {
            // Neo4j has logged why to LOGS/neo4j.log; its shutdown hook stops whatever did start.
            System.err.println("govkg-neo4j: Neo4j failed to start (status " + status + "), see " + logsDir
                    .resolve("neo4j.log"));
            return status;
        }

        if (auth && !passwordSet) {
            try {
                setPassword(bootstrapper.getDatabaseManagementService(), password);
            } catch (RuntimeException e) {
                bootstrapper.getLog().error("govkg-neo4j: could not set the password of user neo4j", e);
                bootstrapper.stop();
                return 65;
            }
        }

        writeReady();
        bootstrapper.getLog().info(READY_LINE + " bolt://" + listenAddress + ":" + boltPort + " http://"
                + listenAddress + ":" + httpPort + " ready-file=" + readyFile);
        // Nothing else to do: wait for SIGTERM/SIGINT (Neo4j's handler calls System.exit).
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * Makes the password of neo4j the one given, whatever it was (the data may be from an earlier start).
     * A login attempt first, so that the usual restart with an unchanged password runs no Cypher (the
     * first queries of a cold JVM take seconds).
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        var system = dbms.database("system");
        if (passwordWorks((GraphDatabaseAPI) system, password)) {
            return;
        }
        boolean exists = system.executeTransactionally(
                "SHOW USERS YIELD user WHERE user = 'neo4j' RETURN count(*) AS n", Map.of(),
                r -> ((Number) r.next().get("n")).longValue() > 0);
        String query = exists
                ? "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED"
                : "CREATE USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";
        try {
            system.executeTransactionally(query, Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already is: nothing to do then.
            String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (!message.contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static boolean passwordWorks(GraphDatabaseAPI system, String password) {
        try {
            AuthManager authManager = system.getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext login = authManager.login(
                    AuthToken.newBasicAuthToken("neo4j", password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static void writeConf(Path confFile, Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by org.govkg.neo4j.Launcher at every start: do not edit, pass --set KEY=VALUE.");
        settings.forEach((k, v) -> lines.add(k + "=" + v));
        Path tmp = confFile.resolveSibling(confFile.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, confFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeReady() throws IOException {
        String json = "{\"pid\": " + ProcessHandle.current().pid()
                + ", \"version\": " + quote(Version.getNeo4jVersion())
                + ", \"bolt_uri\": " + quote("bolt://" + listenAddress + ":" + boltPort)
                + ", \"http_uri\": " + quote("http://" + listenAddress + ":" + httpPort)
                + ", \"bolt_port\": " + boltPort
                + ", \"http_port\": " + httpPort
                + ", \"auth\": " + auth
                + ", \"home\": " + quote(home.toString())
                + ", \"data_dir\": " + quote(dataDir.toString())
                + ", \"logs_dir\": " + quote(logsDir.toString())
                + "}\n";
        Files.createDirectories(readyFile.getParent());
        Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, readyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
