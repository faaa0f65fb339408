package dev.brisk.it.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder to serve, with neighbours that must stay unreachable:
 * <pre>
 * root/static/index.html, a.txt, app.0123abcd.js, sub/b.txt, nodex/c.txt, .env, .git/config,
 *             link-in (-> a.txt), link-out (-> ../static-secret/secret.txt), dir-out (-> ../static-secret),
 *             link-hidden (-> .env), broken (-> nowhere)
 * root/static-secret/secret.txt
 * </pre>
 */
final class StaticTree {
    final Path root;
    final Path dir;

    StaticTree(Path root) {
        this.root = root;
        this.dir = root.resolve("static");
        try {
            Files.createDirectories(dir.resolve("sub"));
            Files.createDirectories(dir.resolve("nodex"));
            Files.createDirectories(dir.resolve(".git"));
            Files.createDirectories(root.resolve("static-secret"));
            Files.writeString(dir.resolve("index.html"), "<h1>index</h1>\n");
            Files.writeString(dir.resolve("a.txt"), "hello from a\n");
            Files.writeString(dir.resolve("app.0123abcd.js"), "console.log(1)\n");
            Files.writeString(dir.resolve("sub/b.txt"), "hello from b\n");
            Files.writeString(dir.resolve("sub/index.html"), "<h1>sub</h1>\n");
            Files.writeString(dir.resolve("nodex/c.txt"), "c\n");
            Files.writeString(dir.resolve(".env"), "SECRET=1\n");
            Files.writeString(dir.resolve(".git/config"), "[core]\n");
            Files.writeString(root.resolve("static-secret/secret.txt"), "top secret\n");
            Files.createSymbolicLink(dir.resolve("link-in"), Path.of("a.txt"));
            Files.createSymbolicLink(dir.resolve("link-out"), Path.of("../static-secret/secret.txt"));
            Files.createSymbolicLink(dir.resolve("dir-out"), Path.of("../static-secret"));
            Files.createSymbolicLink(dir.resolve("link-hidden"), Path.of(".env"));
            Files.createSymbolicLink(dir.resolve("broken"), Path.of("nowhere"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
