package ${package};

import dev.brisk.App;

/** Builds the app and serves it: {@code java -jar target/${artifactId}-${version}.jar [--port N]}. */
public final class Main {
    private Main() {
    }

    /** The app, also what the tests run. */
    public static App app() {
        return App.builder()
                .title("${artifactId}").version("${version}")
                .include(new Items())
                .build();
    }

    public static void main(String[] args) {
        int port = 8000;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) port = Integer.parseInt(args[i + 1]);
        }
        app().run(port);
    }
}
