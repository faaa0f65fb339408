package dev.brisk.it.files;

import dev.brisk.App;
import dev.brisk.Server;
import dev.brisk.StaticFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing outside the served root, and nothing hidden inside it, is reachable; one test per class of
 * the static-file CVEs of other frameworks. Requests go over a real socket, byte for byte.
 */
class StaticFileTraversalTest {
    @TempDir
    static Path root;
    static StaticTree tree;
    static Server server;
    static int port;

    @BeforeAll
    static void start() {
        tree = new StaticTree(root);
        server = App.builder().docs(false).eventLoops(1)
                .staticFiles("/static", tree.dir)
                .staticFiles("/cp", StaticFiles.classpath("/public-test"))
                .build().start("127.0.0.1", 0);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close(java.time.Duration.ZERO);
    }

    static void refused(String... targets) {
        for (String t : targets) {
            String r = RawGet.get(port, t);
            assertThat(r).as(t).startsWith("HTTP/1.1 404 ").doesNotContain("top secret").doesNotContain("SECRET=")
                    .doesNotContain("[core]").doesNotContain("secret=class-path").doesNotContain("root:");
        }
    }

    @Test
    void theTreeItselfIsServed() {
        assertThat(RawGet.get(port, "/static/a.txt")).startsWith("HTTP/1.1 200 ").endsWith("hello from a\n");
        assertThat(RawGet.get(port, "/static/link-in")).startsWith("HTTP/1.1 200 ").endsWith("hello from a\n");   // a link inside the root
        assertThat(RawGet.get(port, "/static/%61.txt")).startsWith("HTTP/1.1 200 ");                               // decoded once
    }

    @Test
    void aSiblingDirectoryWithTheSamePrefixIsUnreachable_CVE_2023_29159() {
        // Starlette compared string prefixes: /srv/static-secret "starts with" /srv/static.
        refused("/static/../static-secret/secret.txt", "/static/%2e%2e/static-secret/secret.txt", "/static/.%2e/static-secret/secret.txt",
                "/static/sub/../../static-secret/secret.txt", "/static/dir-out/secret.txt", "/static/link-out");
        assertThat(RawGet.get(port, "/static-secret/secret.txt")).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void backslashesAndEncodedSeparatorsAreRefused_CVE_2018_12542() {
        // Vert.x on Windows took "\" as a separator inside one segment.
        refused("/static/..\\static-secret\\secret.txt", "/static/..%5cstatic-secret%5csecret.txt", "/static/..%5Cstatic-secret/secret.txt",
                "/static/..%2fstatic-secret%2fsecret.txt", "/static/..%2Fstatic-secret/secret.txt", "/static/sub%2fb.txt");
    }

    @Test
    void filesUnderHiddenDirectoriesAreHidden_CVE_2025_11965() {
        // Vert.x hid only file names starting with a dot, not files inside hidden directories.
        refused("/static/.env", "/static/.git/config", "/static/%2egit/config", "/static/%2Eenv", "/static/link-hidden",
                "/cp/.hidden-dir/inside.txt", "/cp/%2ehidden-dir/inside.txt");
    }

    @Test
    void classPathResourcesOutsideTheFolderAreUnreachable_CVE_2020_7647() {
        // Jooby resolved "../" against the class path, reaching any resource of the application.
        refused("/cp/../outside-secret.properties", "/cp/%2e%2e/outside-secret.properties", "/cp/..%2foutside-secret.properties",
                "/cp/..%5coutside-secret.properties", "/cp/sub/../../outside-secret.properties", "/cp/%252e%252e/outside-secret.properties");
        assertThat(RawGet.get(port, "/cp/hello.txt")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void absoluteDriveUncAndUrlFormsAreRefused_CVE_2018_9159() {
        // Spark served absolute paths and file: URLs given after the mount point.
        refused("/static//etc/passwd", "/static/%2fetc/passwd", "/static/file:/etc/passwd", "/static/file:%2f%2f%2fetc%2fpasswd",
                "/static/C:/Windows/win.ini", "/static/c:%5cwindows%5cwin.ini", "/static/%5c%5cserver%5cshare%5cx",
                "/static//server/share/x", "/static/a.txt::$DATA", "/static/a.txt%00.png", "/static/a.txt.", "/static/a.txt%20");
    }

    @Test
    void decodingHappensOnceAndBadEncodingsAreRefused() {
        refused("/static/%252e%252e/static-secret/secret.txt", "/static/%c0%ae%c0%ae/static-secret/secret.txt",
                "/static/%e0%80%ae%e0%80%ae/static-secret/secret.txt", "/static/%ff.txt", "/static/%01a.txt");
    }

    @Test
    void linksThatLeaveTheRootAndBrokenLinksAre404() {
        refused("/static/link-out", "/static/dir-out/secret.txt", "/static/broken");
    }

    @Test
    void unreadableFilesAre404NotAServerError() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path locked = tree.dir.resolve("locked.txt");
        Files.writeString(locked, "locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assertThat(RawGet.status(port, "/static/locked.txt")).isEqualTo(404);
    }

    @Test
    void aDirectoryThatCannotBeEnteredIs404() {
        for (String t : List.of("/static/nodex/../../static-secret/", "/static/sub/./b.txt")) refused(t);
    }
}
