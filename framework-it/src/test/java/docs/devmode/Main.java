package docs.devmode;

import dev.brisk.App;

/** The app the dev-mode page's launcher runs. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        App.builder().route("GET", "/", req -> "hello").build().run(8000);
    }
}
