package dev.brisk.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where static files come from: a directory, or a folder on the class path. Lookups block: call them on a worker. */
public abstract class StaticRoot {
    /** What a lookup found. */
    public sealed interface Found permits Found.File, Found.Directory, Found.Missing {
        /** A file, opened. */
        record File(FileSource source) implements Found {
        }

        /** A directory (its index may be asked for). */
        record Directory() implements Found {
        }

        /** Nothing there that may be served. */
        record Missing() implements Found {
        }
    }

    static final Found MISSING = new Found.Missing();
    static final Found DIRECTORY = new Found.Directory();

    /** Looks up the (already checked) segments. */
    public abstract Found find(List<String> segments);

    /** A directory root; fails when it is not a readable directory. */
    public static StaticRoot directory(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!Files.isDirectory(real)) throw new IOException(dir + " is not a directory");
        return new Dir(real);
    }

    /** A class-path folder such as {@code public} (no leading or trailing slash). */
    public static StaticRoot classpath(String base, ClassLoader loader) {
        return new ClassPath(base, loader);
    }

    // ------------------------------------------------------------------------------------ directory

    private static final class Dir extends StaticRoot {
        private final Path root;

        Dir(Path root) {
            this.root = root;
        }

        @Override
        public Found find(List<String> segments) {
            Path p = root;
            for (String s : segments) p = p.resolve(s);
            try {
                Path real = p.toRealPath();
                // Containment on real paths, component by component: /srv/static-secret is not inside /srv/static.
                if (!real.startsWith(root)) return MISSING;
                Path rel = root.relativize(real);
                for (Path part : rel) {
                    if (part.toString().startsWith(".")) return MISSING;   // a link onto a hidden name
                }
                if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) return DIRECTORY;
                FileSource src = FileSource.open(real);
                return src == null ? MISSING : new Found.File(src);
            } catch (IOException | SecurityException e) {
                return MISSING;   // missing, unreadable, a broken link: never a 500
            }
        }
    }

    // ------------------------------------------------------------------------------------ class path

    private static final class ClassPath extends StaticRoot {
        /** Resources at most this large are kept in memory after the first request. */
        private static final int CACHE_LIMIT = 4 * 1024 * 1024;
        private final String base;
        private final ClassLoader loader;
        private final Map<String, FileSource> cache = new ConcurrentHashMap<>();

        ClassPath(String base, ClassLoader loader) {
            this.base = base;
            this.loader = loader;
        }

        @Override
        public Found find(List<String> segments) {
            String name = segments.isEmpty() ? base : base + "/" + String.join("/", segments);
            FileSource cached = cache.get(name);
            if (cached != null) return new Found.File(cached);
            URL url = loader.getResource(name);
            if (url == null) {
                return loader.getResource(name + "/") != null ? DIRECTORY : MISSING;
            }
            try {
                switch (url.getProtocol()) {
                    case "file" -> {
                        Path p = Path.of(url.toURI());
                        Path real = p.toRealPath();
                        Path top = p;
                        for (int i = 0; i < segments.size() && top != null; i++) top = top.getParent();
                        if (top == null || !real.startsWith(top.toRealPath())) return MISSING;
                        if (Files.isDirectory(real)) return DIRECTORY;
                        return load(name, url, Files.getLastModifiedTime(real).toMillis() / 1000, Files.size(real));
                    }
                    case "jar" -> {
                        var conn = (JarURLConnection) url.openConnection();
                        var entry = conn.getJarEntry();
                        if (entry == null) return MISSING;
                        if (entry.isDirectory()) return DIRECTORY;
                        long time = entry.getTime();
                        return load(name, url, time < 0 ? 0 : time / 1000, entry.getSize());
                    }
                    default -> {
                        return load(name, url, 0, -1);
                    }
                }
            } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
                return MISSING;
            }
        }

        private Found load(String name, URL url, long lastModified, long size) throws IOException {
            byte[] content;
            try (InputStream in = url.openStream()) {
                content = in.readAllBytes();
            }
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            FileSource src = FileSource.bytes(fileName, content, lastModified);
            if (content.length <= CACHE_LIMIT) cache.put(name, src);
            return new Found.File(src);
        }
    }
}
